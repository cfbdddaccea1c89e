// What is known of a plan even when no source gives statuses or percentages: its dated, published
// facts per axis and year, the latest one with its source, each indicator's latest value, and the
// council's independent grades from the latest report that made them public. Unknown stays unknown:
// nothing here is a stand-in for a missing status or progress figure. Six queries whatever the plan's
// size; rows bounded by years × axes, the shown measures and `KNOWN_INDICATORS`.
import type { Db } from '../../db';
import { toIsoDay, type DatePrecision } from '../../../domain/dates';
import { COMPLETION_GRADES, type CompletionGrade } from '../../../domain/report-snapshot';
import { UPDATE_ORDER_SQL } from '../measures/update-order';

const KNOWN_INDICATORS = 12;

interface FactYear {
	year: number;
	/** Facts of each axis, in the order of `PlanKnowledge.axes`. */
	byAxis: number[];
	/** Facts about the plan as a whole (no measure). */
	plan: number;
	total: number;
}

interface KnownIndicator {
	name: string;
	unit: string;
	measure: { number: string; title: string };
	latest: { date: string; precision: DatePrecision; value: number; qualifier: string | null; sourceUrl: string | null } | null;
}

export interface PlanKnowledge {
	/** Axis numbers, the columns of `years`. */
	axes: number[];
	/** Every year from the first fact's to the latest's; a year without facts counts 0 (that is known). */
	years: FactYear[];
	factCount: number;
	latest: { date: string; precision: DatePrecision; text: string; sourceUrls: string[]; measure: { number: string; title: string } | null } | null;
	/** Published facts of each shown measure, by measure id. */
	measures: Record<string, { count: number; latest: string }>;
	indicators: KnownIndicator[];
	indicatorCount: number;
	grades: { round: { id: string; title: string; periodEnd: string }; counts: Record<CompletionGrade, number>; graded: number } | null;
}

interface YearRow {
	year: number;
	axis: number | null;
	count: number;
}

interface IndicatorRow {
	name: string;
	unit: string;
	number: string;
	measureTitle: string;
	value: number | null;
	date: Date | null;
	precision: DatePrecision | null;
	qualifier: string | null;
	sourceUrl: string | null;
	total: number;
}

interface GradeRow {
	id: string;
	title: string;
	periodEnd: Date;
	grade: CompletionGrade;
	count: number;
}

/** Published progress updates are the plan's dated facts (drafts never count). */
export async function getPlanKnowledge(db: Db, planId: string, axes: number[], shownMeasureIds: string[]): Promise<PlanKnowledge> {
	const [yearRows, [latest], measureRows, indicatorRows, gradeRows] = await Promise.all([
		db.$queryRaw<YearRow[]>`
			SELECT extract(year FROM u."date")::int AS year, a."number" AS axis, count(*)::int AS count
			FROM "ProgressUpdate" u
			LEFT JOIN "Measure" m ON m."id" = u."measureId"
			LEFT JOIN "Axis" a ON a."id" = m."axisId"
			WHERE u."planId" = ${planId} AND u."publishedAt" IS NOT NULL
			GROUP BY 1, 2`,
		// Joined to its measure in SQL: Prisma's select of the relation would send a second statement.
		db.$queryRaw<{ date: Date; datePrecision: DatePrecision; text: string; sourceUrls: string[]; number: string | null; title: string | null }[]>`
			SELECT u."date", u."datePrecision"::text AS "datePrecision", u."text", u."sourceUrls", m."number", m."title"
			FROM "ProgressUpdate" u LEFT JOIN "Measure" m ON m."id" = u."measureId"
			WHERE u."planId" = ${planId} AND u."publishedAt" IS NOT NULL
			ORDER BY ${UPDATE_ORDER_SQL}
			LIMIT 1`,
		db.$queryRaw<{ measureId: string; count: number; latest: Date }[]>`
			SELECT u."measureId", count(*)::int AS count, max(u."date") AS latest
			FROM "ProgressUpdate" u
			WHERE u."planId" = ${planId} AND u."publishedAt" IS NOT NULL AND u."measureId" = ANY(${shownMeasureIds})
			GROUP BY u."measureId"`,
		db.$queryRaw<IndicatorRow[]>`
			SELECT i."name", i."unit", m."number", m."title" AS "measureTitle", v."value"::float8 AS value, v."date",
				v."datePrecision"::text AS precision, v."qualifier", v."sourceUrl", (count(*) OVER ())::int AS total
			FROM "Indicator" i
			JOIN "Measure" m ON m."id" = i."measureId"
			JOIN "Axis" a ON a."id" = m."axisId"
			LEFT JOIN LATERAL (
				SELECT iv."value", iv."date", iv."datePrecision", iv."qualifier", iv."sourceUrl" FROM "IndicatorValue" iv
				WHERE iv."indicatorId" = i."id" ORDER BY iv."date" DESC, iv."createdAt" DESC, iv."id" DESC LIMIT 1
			) v ON TRUE
			WHERE m."planId" = ${planId}
			ORDER BY a."position" ASC, m."position" ASC, i."position" ASC, i."id" ASC
			LIMIT ${KNOWN_INDICATORS}`,
		// The grades anyone may see (canSeeGrades for a visitor): a published round with a published opinion.
		db.$queryRaw<GradeRow[]>`
			SELECT r."id", r."title", r."periodEnd", g."grade"::text AS grade, count(*)::int AS count
			FROM "ReportRound" r JOIN "MeasureGrade" g ON g."roundId" = r."id"
			WHERE r."id" = (
				SELECT r2."id" FROM "ReportRound" r2
				WHERE r2."planId" = ${planId} AND r2."status" = 'PUBLISHED'
					AND EXISTS (SELECT 1 FROM "Opinion" o WHERE o."roundId" = r2."id" AND o."publish" = TRUE)
					AND EXISTS (SELECT 1 FROM "MeasureGrade" g2 WHERE g2."roundId" = r2."id")
				ORDER BY r2."periodEnd" DESC, r2."publishedAt" DESC NULLS LAST, r2."id" DESC
				LIMIT 1
			)
			GROUP BY r."id", r."title", r."periodEnd", g."grade"`
	]);

	const years: FactYear[] = [];
	if (yearRows.length > 0) {
		const first = Math.min(...yearRows.map((r) => r.year));
		const last = Math.max(...yearRows.map((r) => r.year));
		for (let year = first; year <= last; year++) years.push({ year, byAxis: axes.map(() => 0), plan: 0, total: 0 });
		for (const row of yearRows) {
			const line = years[row.year - first]!;
			const column = row.axis === null ? -1 : axes.indexOf(row.axis);
			if (column === -1) line.plan += row.count;
			else line.byAxis[column]! += row.count;
			line.total += row.count;
		}
	}
	const counts = Object.fromEntries(COMPLETION_GRADES.map((g) => [g, 0])) as Record<CompletionGrade, number>;
	for (const row of gradeRows) counts[row.grade] += row.count;
	const round = gradeRows[0];

	return {
		axes,
		years,
		factCount: years.reduce((sum, y) => sum + y.total, 0),
		latest: latest
			? {
					date: toIsoDay(latest.date),
					precision: latest.datePrecision,
					text: latest.text,
					sourceUrls: latest.sourceUrls,
					measure: latest.number !== null && latest.title !== null ? { number: latest.number, title: latest.title } : null
				}
			: null,
		measures: Object.fromEntries(measureRows.map((r) => [r.measureId, { count: r.count, latest: toIsoDay(r.latest) }])),
		indicators: indicatorRows.map((r) => ({
			name: r.name,
			unit: r.unit,
			measure: { number: r.number, title: r.measureTitle },
			latest: r.value !== null && r.date && r.precision ? { date: toIsoDay(r.date), precision: r.precision, value: r.value, qualifier: r.qualifier, sourceUrl: r.sourceUrl } : null
		})),
		indicatorCount: indicatorRows[0]?.total ?? 0,
		grades: round ? { round: { id: round.id, title: round.title, periodEnd: toIsoDay(round.periodEnd) }, counts, graded: gradeRows.reduce((s, r) => s + r.count, 0) } : null
	};
}

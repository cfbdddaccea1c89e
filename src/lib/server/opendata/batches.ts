// The streamed files' batches of the heavy datasets, each read with one SQL query. Prisma's query
// building and row mapping cost ten times the SQL itself on a batch of 5,000 milestones (bench/
// OPEN-DATA.md); `$queryRaw` skips both. The queries select the columns the whole-plan reading
// (load.ts) gets from Prisma, under the same names and types, and the rows go through the same
// functions (milestoneRow…): only the reading differs, and opendata-query-count.test.ts checks that
// every streamed file is byte for byte the one built from the whole plan. The order is the other
// path's made total in SQL: the measure's rank in the batch (`WITH ORDINALITY` over the ids, given
// in the plan's order), then the same columns as Prisma's `orderBy`, ending with the unique id.
import type { Db } from '../db';
import { Prisma } from '../db/generated/client';
import type { DatePrecision } from '../../domain/dates';
import {
	evidenceRow,
	indicatorRow,
	milestoneRow,
	updateRow,
	valueRow,
	type EvidenceColumns,
	type IndicatorColumns,
	type PlanIndex,
	type UpdateColumns,
	type ValueColumns
} from './load';
import type { MeasureLink, PlanData } from './rows';

// Prisma reads a NULL list column (rows inserted without it) as an empty list; the SQL does the same with coalesce.

/** The sources read here; the others (measures, successions) go through `loadRows`. */
export type SqlSource = 'milestones' | 'evidence' | 'indicators' | 'values';

/** The batch's measure ids with their rank, as a table to join: `b.id`, `b.rank`. */
const batchOf = (ids: readonly string[]) => Prisma.sql`unnest(${[...ids]}::text[]) WITH ORDINALITY AS b(id, rank)`;

const empty = (index: PlanIndex, today: string): PlanData => ({
	plan: index.plan,
	today,
	measures: [],
	milestones: [],
	evidence: [],
	indicators: [],
	values: [],
	updates: [],
	successions: []
});

interface MilestoneSqlRow {
	id: string;
	measureId: string;
	position: number;
	title: string;
	description: string | null;
	plannedDate: Date | null;
	plannedPrecision: DatePrecision;
	forecastDate: Date | null;
	doneOn: Date | null;
	weight: number;
	replanCount: number;
}

type Linked<T> = T & { measureId: string };

/** The rows of one source for a run of measures of the plan, in the order of the whole-plan file. */
export async function readBatch(db: Db, index: PlanIndex, source: SqlSource, measureIds: readonly string[], today: string): Promise<PlanData> {
	const data = empty(index, today);
	const link = (measureId: string): MeasureLink => ({ measureId, measureNumber: index.numberOf.get(measureId) ?? '' });
	switch (source) {
		case 'milestones': {
			const rows = await db.$queryRaw<MilestoneSqlRow[]>`
				SELECT ms."id", ms."measureId", ms."position", ms."title", ms."description", ms."plannedDate", ms."plannedPrecision"::text AS "plannedPrecision",
					ms."forecastDate", ms."doneOn", ms."weight",
					(SELECT count(*)::int FROM "MilestoneReplan" r WHERE r."milestoneId" = ms."id") AS "replanCount"
				FROM ${batchOf(measureIds)} JOIN "Milestone" ms ON ms."measureId" = b.id
				ORDER BY b.rank, ms."position", ms."createdAt", ms."id"`;
			data.milestones = rows.map((m) => milestoneRow(m, m.replanCount, link(m.measureId), today));
			return data;
		}
		case 'evidence': {
			const rows = await db.$queryRaw<Linked<EvidenceColumns>[]>`
				SELECT e."id", e."measureId", e."milestoneId", e."title", e."url", e."kind"::text AS "kind", e."date", e."datePrecision"::text AS "datePrecision"
				FROM ${batchOf(measureIds)} JOIN "EvidenceLink" e ON e."measureId" = b.id
				ORDER BY b.rank, e."position", e."createdAt", e."id"`;
			data.evidence = rows.map((e) => evidenceRow(e, link(e.measureId)));
			return data;
		}
		case 'indicators': {
			// The latest value is the last one in the values' order: date, creation, id.
			const rows = await db.$queryRaw<(Linked<IndicatorColumns> & { latestValue: number | null; latestDate: Date | null })[]>`
				SELECT i."id", i."measureId", i."name", i."description", i."unit", i."baseline", i."baselineDate", i."target", i."targetDate",
					i."direction"::text AS "direction", i."position", v."value" AS "latestValue", v."date" AS "latestDate"
				FROM ${batchOf(measureIds)} JOIN "Indicator" i ON i."measureId" = b.id
				LEFT JOIN LATERAL (
					SELECT iv."value", iv."date" FROM "IndicatorValue" iv WHERE iv."indicatorId" = i."id"
					ORDER BY iv."date" DESC, iv."createdAt" DESC, iv."id" DESC LIMIT 1
				) v ON TRUE
				ORDER BY b.rank, i."position", i."id"`;
			data.indicators = rows.map((i) => indicatorRow(i, i.latestValue === null || i.latestDate === null ? null : { value: i.latestValue, date: i.latestDate }, link(i.measureId)));
			return data;
		}
		case 'values': {
			// Indicator by indicator in the indicators' order, each one's values by date, creation, id.
			const rows = await db.$queryRaw<Linked<ValueColumns>[]>`
				SELECT v."id", v."indicatorId", i."measureId", v."date", v."datePrecision"::text AS "datePrecision", v."value", v."qualifier", v."sourceUrl", v."note", v."automatic"
				FROM ${batchOf(measureIds)} JOIN "Indicator" i ON i."measureId" = b.id JOIN "IndicatorValue" v ON v."indicatorId" = i."id"
				ORDER BY b.rank, i."position", i."id", v."date", v."createdAt", v."id"`;
			data.values = rows.map((v) => valueRow(v, link(v.measureId)));
			return data;
		}
	}
}

/** Where a page of updates ends: its last row's sort key, as text (no time zone to convert). */
export interface UpdatesCursor {
	date: string;
	createdAt: string;
	id: string;
}

/**
 * One page of the plan's published updates, in the whole-plan order (date, creation, id), after
 * `cursor`. The cursor is the last row's sort key rather than its id, so that a row deleted or
 * unpublished between two pages does not end the file early.
 */
export async function readUpdates(
	db: Db,
	index: PlanIndex,
	cursor: UpdatesCursor | null,
	take: number,
	today: string
): Promise<{ data: PlanData; cursor: UpdatesCursor | null; count: number }> {
	const after = cursor ? Prisma.sql`AND (u."date", u."createdAt", u."id") > (${cursor.date}::date, ${cursor.createdAt}::timestamp, ${cursor.id})` : Prisma.empty;
	const rows = await db.$queryRaw<(UpdateColumns & { dateKey: string; createdAtKey: string })[]>`
		SELECT u."id", u."measureId", u."date", u."datePrecision"::text AS "datePrecision", u."text", u."blockers", u."nextSteps", coalesce(u."sourceUrls", '{}') AS "sourceUrls", u."publishedAt",
			to_char(u."date", 'YYYY-MM-DD') AS "dateKey", to_char(u."createdAt", 'YYYY-MM-DD HH24:MI:SS.US') AS "createdAtKey"
		FROM "ProgressUpdate" u
		WHERE u."planId" = ${index.plan.id} AND u."publishedAt" IS NOT NULL ${after}
		ORDER BY u."date", u."createdAt", u."id"
		LIMIT ${take}`;
	const data = empty(index, today);
	data.updates = rows.flatMap((u) => updateRow(u, index.numberOf));
	const last = rows.at(-1);
	return { data, cursor: last ? { date: last.dateKey, createdAt: last.createdAtKey, id: last.id } : cursor, count: rows.length };
}

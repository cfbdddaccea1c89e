// Read model of one measure's public page.
import type { Db } from '../../db';
import type { Prisma } from '../../db/generated/client';
import { measureProgress, type Progress } from '../../../domain/progress';
import { isLate, preciseOf, toIsoDay, toIsoDayOrNull, type DatePrecision, type PreciseDate } from '../../../domain/dates';
import type { Confidence, EvidenceKind } from '../../db/generated/enums';
import type { MeasureOwnership } from '../../policies';
import { summariseIndicator, type IndicatorSummary } from '../../../domain/indicator-summary';
import { milestoneDue, type OwnerRef, type PlanHeader, type StatusKey } from '../plans/view';
import { publicChangeSql } from '../../public-changes';
import { UPDATE_ORDER, UPDATE_ORDER_SQL } from './update-order';
import { parseJsonRows } from '../../db/json-rows';

export interface MilestoneView {
	id: string;
	title: string;
	titleEn: string | null;
	description: string | null;
	planned: PreciseDate | null;
	forecast: string | null;
	doneOn: string | null;
	weight: number;
	late: boolean;
	/** Earlier planned dates, oldest first: a re-planned milestone says so publicly. */
	replans: { previous: PreciseDate | null; at: string; reason: string }[];
}

export interface EvidenceView {
	id: string;
	title: string;
	url: string;
	kind: EvidenceKind;
	date: string | null;
	milestoneTitle: string | null;
}

export interface IndicatorView extends IndicatorSummary {
	values: { date: string; precision: DatePrecision; value: number; qualifier: string | null; sourceUrl: string; note: string | null; automatic: boolean }[];
}

export interface UpdateView {
	id: string;
	date: string;
	precision: DatePrecision;
	text: string;
	blockers: string | null;
	nextSteps: string | null;
	sourceUrls: string[];
}

export interface MeasureDetail {
	/** What the policies need (who carries the measure); the page only receives the booleans. */
	ownership: MeasureOwnership;
	plan: Pick<PlanHeader, 'slug' | 'title' | 'titleEn' | 'status' | 'archivedOn' | 'archiveNote' | 'archiveNoteEn'>;
	axis: { number: number; title: string; titleEn: string | null };
	id: string;
	number: string;
	title: string;
	titleEn: string | null;
	description: string;
	descriptionEn: string | null;
	subActions: string[];
	/** Retired from the plan on this day, and why: the page says so; the measure is read-only. */
	retiredOn: string | null;
	retirementReason: string | null;
	status: StatusKey;
	statusAsOf: string | null;
	progress: Progress & { asOf: string | null };
	confidence: Confidence | null;
	confidenceExplanation: string | null;
	confidenceAsOf: string | null;
	plannedStart: PreciseDate | null;
	plannedEnd: PreciseDate | null;
	endLate: boolean;
	leadOwner: OwnerRef & { description: string | null };
	contributors: OwnerRef[];
	milestones: MilestoneView[];
	evidence: EvidenceView[];
	indicators: IndicatorView[];
	updates: UpdateView[];
	lastChangeAt: string | null;
	today: string;
}

const day = toIsoDayOrNull;

/** Everything the measure page shows, in one query (Prisma loads the relations in a fixed number more). */
export const MEASURE_DETAIL_INCLUDE = {
	plan: { select: { slug: true, title: true, titleEn: true, status: true, archivedOn: true, archiveNote: true, archiveNoteEn: true } },
	axis: { select: { number: true, title: true, titleEn: true } },
	leadOwner: { select: { code: true, name: true, nameEn: true, description: true } },
	contributors: { include: { owner: { select: { id: true, code: true, name: true, nameEn: true } } } },
	milestones: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], include: { replans: { orderBy: { at: 'asc' } } } },
	evidenceLinks: { orderBy: [{ position: 'asc' }], include: { milestone: { select: { title: true } } } },
	indicators: { orderBy: { position: 'asc' }, include: { values: { orderBy: { date: 'asc' } } } },
	progressUpdates: { where: { publishedAt: { not: null } }, orderBy: UPDATE_ORDER }
} satisfies Prisma.MeasureInclude;

export type MeasureDetailRow = Prisma.MeasureGetPayload<{ include: typeof MEASURE_DETAIL_INCLUDE }>;

export async function getMeasureDetail(db: Db, slug: string, number: string, today = toIsoDay(new Date())): Promise<MeasureDetail | null> {
	const found = await measureDetailRow(db, slug, number);
	return found && buildMeasureDetail(found.measure, found.lastChangeAt, today);
}

/** Every key of MEASURE_DETAIL_INCLUDE's rows that Prisma gives as a Date, and the last change (PostgreSQL's JSON gives text). */
const DATE_KEYS = new Set([
	'statusAsOf',
	'progressAsOf',
	'confidenceAsOf',
	'plannedStart',
	'plannedEnd',
	'retiredOn',
	'createdAt',
	'updatedAt',
	'archivedOn',
	'plannedDate',
	'forecastDate',
	'doneOn',
	'previousDate',
	'newDate',
	'at',
	'date',
	'baselineDate',
	'targetDate',
	'publishedAt',
	'lastChangeAt'
]);

const LIST_KEYS = new Set(['subActions', 'sourceUrls']);

/**
 * The measure's row as `findFirst({ include: MEASURE_DETAIL_INCLUDE })` gives it, with its last public
 * change, in one statement: Prisma sends one per relation (14 with the audit log's), and this model
 * is rebuilt after every save of the measure, which on a busy instance is often. Ties in the orders
 * Prisma leaves open are broken by id. tests/integration/measure-model-query-count.test.ts checks
 * that it equals Prisma's row.
 */
async function measureDetailRow(db: Db, slug: string, number: string): Promise<{ measure: MeasureDetailRow; lastChangeAt: Date | null } | null> {
	const [found] = await db.$queryRaw<{ row: string }[]>`
		SELECT jsonb_build_object(
			'measure', (to_jsonb(m) - 'searchVector') || jsonb_build_object(
				'plan', jsonb_build_object('slug', p."slug", 'title', p."title", 'titleEn', p."titleEn", 'status', p."status", 'archivedOn', p."archivedOn",
					'archiveNote', p."archiveNote", 'archiveNoteEn', p."archiveNoteEn"),
				'axis', jsonb_build_object('number', a."number", 'title', a."title", 'titleEn', a."titleEn"),
				'leadOwner', jsonb_build_object('code', o."code", 'name', o."name", 'nameEn', o."nameEn", 'description', o."description"),
				'contributors', coalesce((
					SELECT jsonb_agg(to_jsonb(c) || jsonb_build_object('owner', jsonb_build_object('id', w."id", 'code', w."code", 'name', w."name", 'nameEn', w."nameEn")) ORDER BY w."code", w."id")
					FROM "MeasureContributor" c JOIN "Owner" w ON w."id" = c."ownerId" WHERE c."measureId" = m."id"), '[]'),
				'milestones', coalesce((
					SELECT jsonb_agg(to_jsonb(ms) || jsonb_build_object('replans', coalesce((
						SELECT jsonb_agg(to_jsonb(r) ORDER BY r."at", r."id") FROM "MilestoneReplan" r WHERE r."milestoneId" = ms."id"), '[]')) ORDER BY ms."position", ms."createdAt", ms."id")
					FROM "Milestone" ms WHERE ms."measureId" = m."id"), '[]'),
				'evidenceLinks', coalesce((
					SELECT jsonb_agg(to_jsonb(e) || jsonb_build_object('milestone', CASE WHEN em."id" IS NULL THEN NULL ELSE jsonb_build_object('title', em."title") END) ORDER BY e."position", e."id")
					FROM "EvidenceLink" e LEFT JOIN "Milestone" em ON em."id" = e."milestoneId" WHERE e."measureId" = m."id"), '[]'),
				'indicators', coalesce((
					SELECT jsonb_agg(to_jsonb(i) || jsonb_build_object('values', coalesce((
						SELECT jsonb_agg(to_jsonb(v) ORDER BY v."date", v."createdAt", v."id") FROM "IndicatorValue" v WHERE v."indicatorId" = i."id"), '[]')) ORDER BY i."position", i."id")
					FROM "Indicator" i WHERE i."measureId" = m."id"), '[]'),
				'progressUpdates', coalesce((
					SELECT jsonb_agg(to_jsonb(u) - 'searchVector' ORDER BY ${UPDATE_ORDER_SQL})
					FROM "ProgressUpdate" u WHERE u."measureId" = m."id" AND u."publishedAt" IS NOT NULL), '[]')),
			'lastChangeAt', (SELECT max(ae."at") FROM "AuditEvent" ae WHERE ae."measureId" = m."id" AND ${publicChangeSql('ae')})
		)::text AS row
		FROM "Measure" m
		JOIN "Plan" p ON p."id" = m."planId"
		JOIN "Axis" a ON a."id" = m."axisId"
		JOIN "Owner" o ON o."id" = m."leadOwnerId"
		WHERE m."number" = ${number} AND p."slug" = ${slug}
		LIMIT 1`;
	if (!found) return null;
	// The shape is MEASURE_DETAIL_INCLUDE's, column for column (to_jsonb of whole rows); the test above holds it to Prisma's.
	return parseJsonRows<{ measure: MeasureDetailRow; lastChangeAt: Date | null }>(found.row, { dates: DATE_KEYS, lists: LIST_KEYS });
}

/** Pure: a measure row in, the page's view out. Lateness is computed as of `today`. */
export function buildMeasureDetail(measure: MeasureDetailRow, lastChangeAt: Date | null, today: string): MeasureDetail {
	const indicators: IndicatorView[] = measure.indicators.map((i) => {
		return {
			...summariseIndicator(i, i.values.at(-1)?.value ?? null),
			values: i.values.map((v) => ({
				date: toIsoDay(v.date),
				precision: v.datePrecision,
				value: v.value,
				qualifier: v.qualifier,
				sourceUrl: v.sourceUrl,
				note: v.note,
				automatic: v.automatic
			}))
		};
	});
	const firstIndicator = indicators[0];
	const progress = measureProgress({
		method: measure.progressMethod,
		manualValue: measure.progressManual,
		milestones: measure.milestones.map((m) => ({ weight: m.weight, doneOn: day(m.doneOn) })),
		indicator: firstIndicator ? { ...firstIndicator, current: firstIndicator.values.at(-1)?.value ?? null } : null
	});
	const plannedEnd = preciseOf(measure.plannedEnd, measure.plannedEndPrecision);

	return {
		ownership: { leadOwnerId: measure.leadOwnerId, contributorOwnerIds: measure.contributors.map((c) => c.ownerId), retired: measure.retiredOn !== null },
		plan: { ...measure.plan, archivedOn: day(measure.plan.archivedOn) },
		axis: measure.axis,
		id: measure.id,
		number: measure.number,
		title: measure.title,
		titleEn: measure.titleEn,
		description: measure.description,
		descriptionEn: measure.descriptionEn,
		subActions: measure.subActions,
		retiredOn: day(measure.retiredOn),
		retirementReason: measure.retirementReason,
		status: measure.status ?? 'NOT_REPORTED',
		statusAsOf: day(measure.statusAsOf),
		progress: { ...progress, asOf: day(measure.progressAsOf) },
		confidence: measure.confidence,
		confidenceExplanation: measure.confidenceExplanation,
		confidenceAsOf: day(measure.confidenceAsOf),
		plannedStart: preciseOf(measure.plannedStart, measure.plannedStartPrecision),
		plannedEnd,
		endLate: measure.retiredOn === null && measure.status !== 'DONE' && measure.status !== 'ABANDONED' && isLate(plannedEnd, null, today),
		leadOwner: measure.leadOwner,
		contributors: measure.contributors.map((c) => ({ code: c.owner.code, name: c.owner.name, nameEn: c.owner.nameEn })),
		milestones: measure.milestones.map((m) => {
			const due = milestoneDue(m);
			return {
				id: m.id,
				title: m.title,
				titleEn: m.titleEn,
				description: m.description,
				planned: preciseOf(m.plannedDate, m.plannedPrecision),
				forecast: day(m.forecastDate),
				doneOn: day(m.doneOn),
				weight: m.weight,
				late: isLate(due, day(m.doneOn), today),
				replans: m.replans.map((r) => ({ previous: preciseOf(r.previousDate, r.previousPrecision), at: r.at.toISOString(), reason: r.reason }))
			};
		}),
		evidence: measure.evidenceLinks.map((e) => ({
			id: e.id,
			title: e.title,
			url: e.url,
			kind: e.kind,
			date: day(e.date),
			milestoneTitle: e.milestone?.title ?? null
		})),
		indicators,
		updates: measure.progressUpdates.map((u) => ({
			id: u.id,
			date: toIsoDay(u.date),
			precision: u.datePrecision,
			text: u.text,
			blockers: u.blockers,
			nextSteps: u.nextSteps,
			sourceUrls: u.sourceUrls
		})),
		lastChangeAt: lastChangeAt ? lastChangeAt.toISOString() : null,
		today
	};
}

/** The plan of a single-plan home page: the default plan, else the oldest; never a draft. */
export async function getDefaultPlanSlug(db: Db): Promise<string | null> {
	const visible = { status: { not: 'DRAFT' as const } };
	const plan =
		(await db.plan.findFirst({ where: { isDefault: true, ...visible }, select: { slug: true } })) ??
		(await db.plan.findFirst({ where: visible, orderBy: { createdAt: 'asc' }, select: { slug: true } }));
	return plan?.slug ?? null;
}

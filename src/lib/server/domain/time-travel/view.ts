// Loads what time travel needs (rows, dated facts, audit events, owners) in a fixed number of
// queries whatever the plan's size, rebuilds the plan on a day with time-travel.ts, and hands the
// rows to the builders of today's pages: a page looks the same at any date.
import type { Db } from '../../db';
import { wholePlanReads } from '../../whole-plan-reads';
import { fromIsoDay, toIsoDay } from '../../../domain/dates';
import { buildMeasureDetail, getMeasureDetail, MEASURE_DETAIL_INCLUDE, type MeasureDetail, type MeasureDetailRow } from '../measures/view';
import { buildPlanDashboard, DASHBOARD_MEASURES_PER_AXIS, firstOfEachAxis, type MeasureRollupRow, type PlanDashboard } from '../plans/view';
import { travelState, type TravelState } from '../../validation/time-travel';
import {
	axesAt,
	indexEvents,
	measureAt,
	measureRollupAt,
	planAt,
	planRowAt,
	type AxisRow,
	type EventIndex,
	type FieldSource,
	type OwnerRow,
	type TravelEvent
} from '../../../domain/time-travel';
import { Prisma } from '../../db/generated/client';
import type { DatePrecision, MeasureStatus, ProgressMethod } from '../../db/generated/enums';
import { publicChangeWhere } from '../../public-changes';
import { foldedLog, knownBy, mentionedMilestones } from './folded-log';
import { UPDATE_ORDER, UPDATE_ORDER_SQL } from '../measures/update-order';

/** Audit events that rebuild undated fields and tell when rows were created or deleted (public ones only). */
const TRAVEL_EVENTS = { AND: [publicChangeWhere, { entityType: { in: ['Measure', 'Milestone', 'EvidenceLink', 'Axis'] } }] };
/** The structure's events of a plan (axes created, renamed, moved), for a single measure's page. */
const AXIS_EVENTS = { AND: [publicChangeWhere, { entityType: 'Axis' }] };
const EVENT_SELECT = {
	at: true,
	actorId: true,
	actorLabel: true,
	action: true,
	entityType: true,
	entityId: true,
	measureId: true,
	before: true,
	after: true
} as const;

const nextDay = (date: string) => new Date(fromIsoDay(date).getTime() + 86_400_000);

export type PlanHistory = NonNullable<Awaited<ReturnType<typeof loadPlanHistory>>>;

/** Six queries (plus Prisma's fixed relation loads), whatever the number of measures. */
export function loadPlanHistory(db: Db, slug: string) {
	return wholePlanReads.run(() => readPlanHistory(db, slug));
}

/**
 * The measure rows of MEASURE_DETAIL_INCLUDE without the relations Prisma would load by listing every
 * milestone's id in one query (re-plans, evidence's milestone): 100,000 milestones are more ids than
 * PostgreSQL takes parameters. Re-plans are read by their measures and evidence's milestone from the rows.
 */
const HISTORY_MEASURE_INCLUDE = {
	...MEASURE_DETAIL_INCLUDE,
	milestones: { orderBy: MEASURE_DETAIL_INCLUDE.milestones.orderBy },
	evidenceLinks: { orderBy: MEASURE_DETAIL_INCLUDE.evidenceLinks.orderBy }
} satisfies Prisma.MeasureInclude;

async function measureRows(db: Db, where: Prisma.MeasureWhereInput): Promise<MeasureDetailRow[]> {
	const [measures, replans] = await Promise.all([
		db.measure.findMany({ where, orderBy: [{ position: 'asc' }, { id: 'asc' }], include: HISTORY_MEASURE_INCLUDE }),
		db.milestoneReplan.findMany({ where: { milestone: { measure: where } }, orderBy: { at: 'asc' } })
	]);
	const replansOf = new Map<string, typeof replans>();
	for (const r of replans) replansOf.set(r.milestoneId, [...(replansOf.get(r.milestoneId) ?? []), r]);
	const titles = new Map(measures.flatMap((m) => m.milestones.map((ms) => [ms.id, ms.title] as const)));
	return measures.map((m) => ({
		...m,
		milestones: m.milestones.map((ms) => ({ ...ms, replans: replansOf.get(ms.id) ?? [] })),
		evidenceLinks: m.evidenceLinks.map((e) => {
			const title = e.milestoneId ? titles.get(e.milestoneId) : undefined;
			return { ...e, milestone: title === undefined ? null : { title } };
		})
	}));
}

async function readPlanHistory(db: Db, slug: string) {
	const plan = await db.plan.findUnique({ where: { slug } });
	if (!plan) return null;
	const [axes, measures, facts, events, owners] = await Promise.all([
		db.axis.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' }, include: { leadOwner: { select: { code: true, name: true, nameEn: true } } } }),
		measureRows(db, { planId: plan.id }),
		db.progressUpdate.findMany({
			where: { planId: plan.id, publishedAt: { not: null } },
			orderBy: UPDATE_ORDER,
			select: { date: true, datePrecision: true, text: true, sourceUrls: true, measureId: true }
		}),
		db.auditEvent.findMany({ where: { planId: plan.id, ...TRAVEL_EVENTS }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: EVENT_SELECT }),
		db.owner.findMany({ select: { id: true, code: true, name: true, nameEn: true, description: true } })
	]);
	const index: EventIndex = indexEvents(events);
	const ownerMap = new Map<string, OwnerRow>(owners.map((o) => [o.id, o]));
	return { plan, axes, measures, facts, index, owners: ownerMap };
}

/** The dashboard from already loaded history, as it stood on `date` (pure). */
export function dashboardAt(history: PlanHistory, date: string, lastChangeAt: Date | null): PlanDashboard {
	const { measures, facts, axes } = planAt(history, date);
	return buildPlanDashboard({
		plan: planRowAt(history.plan, date),
		axes,
		measures,
		latestFacts: facts.slice(0, 5),
		lastChangeAt,
		today: date
	});
}

/**
 * The dashboard as it stood on `date`. Only what the page shows is rebuilt in full: the first
 * measures of each axis (as `measureAt` does for every measure of the plan in `dashboardAt`); the
 * roll-ups of all measures come from narrow rows (`measureRollupAt`): milestones no event mentions
 * summed in SQL for the day, the first indicator's latest value known that day picked in SQL, and the
 * audit keys a roll-up reads folded by PostgreSQL (`foldedLog`). A fixed number of queries; a test
 * compares it with `dashboardAt` (the full replay) day by day.
 */
export async function getPlanDashboardAt(db: Db, slug: string, date: string): Promise<PlanDashboard | null> {
	const day = await getPlanDayAt(db, slug, date);
	return day && day !== 'stale' ? day.dashboard : null;
}

/** Every measure of the plan today, in the order of its rows, with its roll-up on the day (null: not created yet). */
export type DayRollups = [string, MeasureRollupRow | null][];

/** A day's roll-ups known at an older content version, and the measures written since (their own `ContentChange`). */
interface RollupPatch {
	rollups: ReadonlyMap<string, MeasureRollupRow | null>;
	touched: readonly string[];
}

/**
 * The dashboard on `date` with the roll-ups it was built from. With `patch`, only the touched measures'
 * roll-ups are folded again and the others are taken from the patch: a measure's roll-up on a past day
 * reads only its own row, milestones, first indicator and events, and the plan's axes (a write to an
 * axis changes the whole plan's scope, never patched). 'stale': the patch lacks a measure of today's
 * rows that was not touched, so it cannot be used.
 */
export function getPlanDayAt(db: Db, slug: string, date: string, patch?: RollupPatch): Promise<{ dashboard: PlanDashboard; rollups: DayRollups } | null | 'stale'> {
	return wholePlanReads.run(() => readPlanDashboardAt(db, slug, date, patch));
}

/** The audit keys a roll-up reads (`measureRollupAt`), and a milestone's. */
const ROLLUP_MEASURE_KEYS = ['axisId', 'retiredOn', 'status', 'progressMethod', 'progressManual'];
const ROLLUP_MILESTONE_KEYS = ['weight'];

async function readPlanDashboardAt(db: Db, slug: string, date: string, patch?: RollupPatch) {
	const plan = await db.plan.findUnique({ where: { slug } });
	if (!plan) return null;
	const only = patch?.touched;
	const [axes, measures, tracked, measureLog, milestoneLog, axisEvents, owners, lastEvent, order] = await Promise.all([
		db.axis.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' }, include: { leadOwner: { select: { code: true, name: true, nameEn: true } } } }),
		rollupSources(db, plan.id, date, only),
		db.$queryRaw<{ id: string; measureId: string; weight: number; doneOn: Date | null }[]>`
			SELECT ms."id", ms."measureId", ms."weight", ms."doneOn"
			FROM "Milestone" ms JOIN "Measure" m ON m."id" = ms."measureId"
			WHERE m."planId" = ${plan.id} AND ms."id" IN ${mentionedMilestones(plan.id)} ${only ? Prisma.sql`AND m."id" = ANY(${[...only]}::text[])` : Prisma.empty}`,
		foldedLog(db, plan.id, 'Measure', ROLLUP_MEASURE_KEYS, date, only),
		foldedLog(db, plan.id, 'Milestone', ROLLUP_MILESTONE_KEYS, date, only),
		db.auditEvent.findMany({ where: { planId: plan.id, ...AXIS_EVENTS }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: EVENT_SELECT }),
		db.owner.findMany({ select: { id: true, code: true, name: true, nameEn: true, description: true } }),
		db.auditEvent.findFirst({ where: { planId: plan.id, ...publicChangeWhere, at: { lt: nextDay(date) } }, orderBy: { at: 'desc' }, select: { at: true } }),
		patch ? measureOrder(db, plan.id) : null
	]);
	const axesThen = axesAt(axes, indexEvents(axisEvents), date);
	const log: FieldSource = {
		existed: (entity) => (entity.startsWith('Milestone:') ? milestoneLog : measureLog).existed(entity),
		field: (entity, key) => (entity.startsWith('Milestone:') ? milestoneLog : measureLog).field(entity, key)
	};
	const axisById = new Map(axesThen.map((a) => [a.id, a]));
	const trackedOf = new Map<string, typeof tracked>();
	for (const m of tracked) trackedOf.set(m.measureId, [...(trackedOf.get(m.measureId) ?? []), m]);
	const day: DayRollups = [];
	for (const m of measures) {
		m.trackedMilestones = trackedOf.get(m.id) ?? [];
		const at = measureRollupAt(m, log, date, axisById);
		day.push([m.id, at ? { ...at, status: at.status ?? 'NOT_REPORTED' } : null]);
	}
	const rollupsOfDay = patch && order ? patched(order, new Map(day), patch.rollups) : day;
	if (rollupsOfDay === 'stale') return 'stale';
	const rollups = rollupsOfDay.flatMap(([, r]) => (r ? [r] : []));
	// The measures shown in full: the first of each axis, in the order of the plan's rows (as `dashboardAt`).
	const shownIds = firstOfEachAxis(rollups, DASHBOARD_MEASURES_PER_AXIS);
	const absent = rollupsOfDay.flatMap(([id, r]) => (r ? [] : [id]));
	const [shown, facts] = await Promise.all([
		measuresInFull(db, plan.id, shownIds, { axisEvents, owners, axes: axisById }, date),
		db.$queryRaw<{ date: Date; datePrecision: DatePrecision; text: string; sourceUrls: string[] }[]>`
			SELECT u."date", u."datePrecision", u."text", u."sourceUrls" FROM "ProgressUpdate" u
			WHERE u."planId" = ${plan.id} AND u."publishedAt" IS NOT NULL AND ${knownBy(Prisma.sql`u."date"`, Prisma.sql`u."datePrecision"`, date)}
				AND (u."measureId" IS NULL OR NOT (u."measureId" = ANY(${absent}::text[])))
			ORDER BY ${UPDATE_ORDER_SQL} LIMIT 5`
	]);
	const dashboard = buildPlanDashboard({
		plan: planRowAt(plan, date),
		axes: axesThen,
		measures: shown,
		rollups,
		latestFacts: facts,
		lastChangeAt: lastEvent?.at ?? null,
		today: date
	});
	return { dashboard, rollups: rollupsOfDay };
}

/** Today's rows of the plan in order, each with its folded roll-up when touched, else the stored one. */
function patched(order: readonly string[], folded: ReadonlyMap<string, MeasureRollupRow | null>, stored: ReadonlyMap<string, MeasureRollupRow | null>): DayRollups | 'stale' {
	const day: DayRollups = [];
	for (const id of order) {
		const rollup = folded.has(id) ? folded.get(id) : stored.get(id);
		if (rollup === undefined) return 'stale';
		day.push([id, rollup]);
	}
	return day;
}

/** The ids of the plan's measures in the order of its rows (as `rollupSources` reads them). */
async function measureOrder(db: Db, planId: string): Promise<string[]> {
	const [result] = await db.$queryRaw<{ ids: string }[]>`
		SELECT coalesce(json_agg(m."id" ORDER BY m."position", m."id"), '[]')::text AS ids FROM "Measure" m WHERE m."planId" = ${planId}`;
	return JSON.parse(result?.ids ?? '[]') as string[];
}

type RollupJson = [
	string,
	string,
	MeasureStatus,
	ProgressMethod,
	number | null,
	string | null,
	number | null,
	number | null,
	number | null,
	number | null,
	'UP' | 'DOWN' | null,
	number | null
];

/**
 * Today's roll-up fields of every measure of the plan, in the order of its rows, with what SQL can
 * answer for the day: the weights of the milestones no event mentions (total, and done by the day)
 * and the first indicator (in the order the full rows load them, MEASURE_DETAIL_INCLUDE) with its
 * latest value known that day. One JSON document: 10,000 rows decoded by Prisma and pg in three
 * result sets cost a fresh process about a second of CPU before its code was optimised.
 */
async function rollupSources(db: Db, planId: string, date: string, only?: readonly string[]): Promise<Parameters<typeof measureRollupAt>[0][]> {
	const onlyThese = only ? Prisma.sql`AND m."id" = ANY(${[...only]}::text[])` : Prisma.empty;
	const [result] = await db.$queryRaw<{ rows: string }[]>`
		WITH plain AS (
			SELECT ms."measureId", sum(greatest(ms."weight", 0))::float8 AS total,
				sum(CASE WHEN ms."doneOn" <= ${date}::date THEN greatest(ms."weight", 0) ELSE 0 END)::float8 AS done
			FROM "Milestone" ms JOIN "Measure" m ON m."id" = ms."measureId"
			WHERE m."planId" = ${planId} AND ms."id" NOT IN ${mentionedMilestones(planId)} ${onlyThese}
			GROUP BY ms."measureId"
		),
		first AS (
			SELECT DISTINCT ON (ind."measureId") ind."measureId", ind."id", ind."baseline", ind."target", ind."direction"
			FROM "Indicator" ind JOIN "Measure" m ON m."id" = ind."measureId"
			WHERE m."planId" = ${planId} ${onlyThese}
			ORDER BY ind."measureId", ind."position" ASC, ind."id" ASC
		),
		latest AS (
			SELECT DISTINCT ON (v."indicatorId") v."indicatorId", v."value"
			FROM "IndicatorValue" v JOIN first ON first."id" = v."indicatorId"
			WHERE ${knownBy(Prisma.sql`v."date"`, Prisma.sql`v."datePrecision"`, date)}
			ORDER BY v."indicatorId", v."date" DESC, v."createdAt" ASC, v."id" ASC
		)
		SELECT coalesce(json_agg(json_build_array(m."id", m."axisId", m."status", m."progressMethod", m."progressManual", m."retiredOn",
			plain.total, plain.done, first."baseline", first."target", first."direction", latest."value") ORDER BY m."position", m."id"), '[]')::text AS rows
		FROM "Measure" m
		LEFT JOIN plain ON plain."measureId" = m."id"
		LEFT JOIN first ON first."measureId" = m."id"
		LEFT JOIN latest ON latest."indicatorId" = first."id"
		WHERE m."planId" = ${planId} ${onlyThese}`;
	return (JSON.parse(result?.rows ?? '[]') as RollupJson[]).map(
		([id, axisId, status, progressMethod, progressManual, retiredOn, total, done, baseline, target, direction, current]) => ({
			id,
			axisId,
			status,
			progressMethod,
			progressManual,
			retiredOn: retiredOn === null ? null : fromIsoDay(retiredOn),
			plainWeights: { total: total ?? 0, done: done ?? 0 },
			trackedMilestones: [],
			indicator: baseline === null || direction === null ? null : { baseline, target, direction, current }
		})
	);
}

/**
 * Some measures of a plan rebuilt in full on `date` (`measureAt`), in the order of the plan's rows:
 * the page a large plan shows at a past date, or a team's page, which may be most of the plan. A
 * fixed number of queries, for any number of measures.
 */
export async function measuresInFull(
	db: Db,
	planId: string,
	ids: readonly string[],
	context: { axisEvents: readonly TravelEvent[]; owners: readonly OwnerRow[]; axes: ReadonlyMap<string, AxisRow> },
	date: string
): Promise<MeasureDetailRow[]> {
	const [rows, events] = await Promise.all([
		measureRows(db, { planId, id: { in: [...ids] } }),
		db.auditEvent.findMany({ where: { planId, measureId: { in: [...ids] }, ...TRAVEL_EVENTS }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: EVENT_SELECT })
	]);
	const index = indexEvents([...events, ...context.axisEvents]);
	const owners = new Map(context.owners.map((o) => [o.id, o]));
	return rows.map((row) => measureAt(row, index, owners, date, context.axes)).filter((m): m is MeasureDetailRow => m !== null);
}

/** The plan's axes with their events, and every team: what `measuresInFull` and the axes of a day need. */
export function travelContext(db: Db, planId: string) {
	return Promise.all([
		db.axis.findMany({ where: { planId }, orderBy: { position: 'asc' }, include: { leadOwner: { select: { code: true, name: true, nameEn: true } } } }),
		db.auditEvent.findMany({ where: { planId, ...AXIS_EVENTS }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: EVENT_SELECT }),
		db.owner.findMany({ select: { id: true, code: true, name: true, nameEn: true, description: true } })
	]);
}

/** The measure page on `date`; 'absent' when the measure was created in the application after it. */
export async function getMeasureDetailAt(db: Db, slug: string, number: string, date: string): Promise<MeasureDetail | 'absent' | null> {
	const measure = await db.measure.findFirst({ where: { number, plan: { slug } }, include: MEASURE_DETAIL_INCLUDE });
	if (!measure) return null;
	const [events, axisEvents, axes, owners, lastEvent] = await Promise.all([
		db.auditEvent.findMany({ where: { measureId: measure.id, ...TRAVEL_EVENTS }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: EVENT_SELECT }),
		db.auditEvent.findMany({ where: { planId: measure.planId, ...AXIS_EVENTS }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: EVENT_SELECT }),
		db.axis.findMany({ where: { planId: measure.planId }, select: { id: true, number: true, title: true, titleEn: true, position: true } }),
		db.owner.findMany({ select: { id: true, code: true, name: true, nameEn: true, description: true } }),
		db.auditEvent.findFirst({
			where: { measureId: measure.id, ...publicChangeWhere, at: { lt: nextDay(date) } },
			orderBy: { at: 'desc' },
			select: { at: true }
		})
	]);
	const index = indexEvents([...events, ...axisEvents]);
	const axesThen = new Map(axesAt(axes, index, date).map((a) => [a.id, a]));
	const rebuilt = measureAt(measure, index, new Map(owners.map((o) => [o.id, o])), date, axesThen);
	if (!rebuilt) return 'absent';
	return buildMeasureDetail(rebuilt, lastEvent?.at ?? null, date);
}

/** The plan's adoption day (YYYY-MM-DD), for validating a requested date. */
export async function getPlanDates(db: Db, slug: string): Promise<{ adoptedOn: string | null; archivedOn: string | null } | null> {
	const plan = await db.plan.findUnique({ where: { slug }, select: { adoptedOn: true, archivedOn: true } });
	if (!plan) return null;
	return { adoptedOn: plan.adoptedOn ? toIsoDay(plan.adoptedOn) : null, archivedOn: plan.archivedOn ? toIsoDay(plan.archivedOn) : null };
}

/**
 * The time-travel state of a request. Without `?date=` no query is made (the page fills in the
 * adoption day, which it loads anyway); with one, the plan's dates are read to check it.
 * Null: unknown plan.
 */
export async function requestedTravel(db: Db, slug: string, rawDate: string | null, today: string): Promise<TravelState | null> {
	if (!rawDate) return travelState(null, { today, adoptedOn: null });
	const dates = await getPlanDates(db, slug);
	return dates ? travelState(rawDate, { today, adoptedOn: dates.adoptedOn }) : null;
}

export async function getMeasureForRequest(
	db: Db,
	slug: string,
	number: string,
	rawDate: string | null,
	today = toIsoDay(new Date())
): Promise<{ measure: MeasureDetail | 'absent'; travel: TravelState } | null> {
	const dates = rawDate ? await getPlanDates(db, slug) : null;
	const travel = travelState(rawDate, { today, adoptedOn: dates?.adoptedOn ?? null });
	const measure = travel.date ? await getMeasureDetailAt(db, slug, number, travel.date) : await getMeasureDetail(db, slug, number, today);
	return measure ? { measure, travel } : null;
}

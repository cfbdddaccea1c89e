// Loads what time travel needs (rows, dated facts, audit events, owners) in a fixed number of
// queries whatever the plan's size, rebuilds the plan on a day with time-travel.ts, and hands the
// rows to the builders of today's pages: a page looks the same at any date.
import type { Db } from '../../db';
import { wholePlanReads } from '../../whole-plan-reads';
import { fromIsoDay, toIsoDay } from '../../../domain/dates';
import { buildMeasureDetail, getMeasureDetail, MEASURE_DETAIL_INCLUDE, type MeasureDetail } from '../measures/view';
import { buildPlanDashboard, getPlanDashboard, type PlanDashboard } from '../plans/view';
import { travelState, type TravelState } from '../../validation/time-travel';
import { axesAt, indexEvents, measureAt, planAt, planRowAt, type EventIndex, type OwnerRow } from '../../../domain/time-travel';
import { publicChangeWhere } from '../../public-changes';

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

async function readPlanHistory(db: Db, slug: string) {
	const plan = await db.plan.findUnique({ where: { slug } });
	if (!plan) return null;
	const [axes, measures, facts, events, owners] = await Promise.all([
		db.axis.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' }, include: { leadOwner: { select: { code: true, name: true, nameEn: true } } } }),
		db.measure.findMany({ where: { planId: plan.id }, orderBy: [{ position: 'asc' }], include: MEASURE_DETAIL_INCLUDE }),
		db.progressUpdate.findMany({
			where: { planId: plan.id, publishedAt: { not: null } },
			orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
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

export async function getPlanDashboardAt(db: Db, slug: string, date: string): Promise<PlanDashboard | null> {
	const history = await loadPlanHistory(db, slug);
	if (!history) return null;
	const lastEvent = await db.auditEvent.findFirst({
		where: { planId: history.plan.id, ...publicChangeWhere, at: { lt: nextDay(date) } },
		orderBy: { at: 'desc' },
		select: { at: true }
	});
	return dashboardAt(history, date, lastEvent?.at ?? null);
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

/**
 * The dashboard a request asks for: today's (no extra query) or, with a valid `?date=`, the plan on
 * that day. A bad date is reported in `travel.problem` and today's plan is shown.
 */
export async function getDashboardForRequest(
	db: Db,
	slug: string,
	rawDate: string | null,
	today = toIsoDay(new Date())
): Promise<{ dashboard: PlanDashboard; travel: TravelState } | null> {
	const travel = await requestedTravel(db, slug, rawDate, today);
	if (!travel) return null;
	const dashboard = travel.date ? await getPlanDashboardAt(db, slug, travel.date) : await getPlanDashboard(db, slug, today);
	return dashboard ? { dashboard, travel: { ...travel, adoptedOn: travel.adoptedOn ?? dashboard.plan.adoptedOn } } : null;
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

// Read model of a plan's dashboard: roll-ups over every measure, and the first few measures of each
// axis in full (the list page, paginated, has them all). A fixed number of queries whatever the plan's
// size, and rows bounded by the number of axes, not of measures: the roll-ups come from one SQL query
// that sums milestone weights and reads each first indicator's latest value per measure.
import type { PlanStatusKey } from '../../../domain/plan-status';
import type { Db } from '../../db';
import { Prisma } from '../../db/generated/client';
import { measureProgress, rollUp, type Progress, type RollUp } from '../../../domain/progress';
import { daysUntilEnd, isLate, toIsoDay, toIsoDayOrNull, type DatePrecision, type PreciseDate } from '../../../domain/dates';
import type { Confidence, MeasureStatus } from '../../db/generated/enums';
import { STATUS_KEYS, type StatusKey } from '../../../domain/status';
import { publicChangeWhere } from '../../public-changes';
import { UPDATE_ORDER, UPDATE_ORDER_SQL } from '../measures/update-order';
import { parseJsonRows } from '../../db/json-rows';

export type { StatusKey };

export interface OwnerRef {
	code: string;
	name: string;
	/** Shown on English pages when the team has one. */
	nameEn: string | null;
}

interface DatedText {
	date: string;
	precision: DatePrecision;
	text: string;
}

interface MilestoneDue {
	title: string;
	titleEn: string | null;
	due: PreciseDate;
	late: boolean;
	daysLeft: number | null;
}

export interface MeasureSummary {
	id: string;
	number: string;
	title: string;
	titleEn: string | null;
	status: StatusKey;
	statusAsOf: string | null;
	progress: Progress & { asOf: string | null };
	confidence: Confidence | null;
	leadOwner: OwnerRef;
	nextMilestone: MilestoneDue | null;
	lateMilestones: number;
	latestUpdate: DatedText | null;
	/** Retired from the plan on this day: shown, but no longer counted as work (see rollUp below). */
	retiredOn: string | null;
}

export interface AxisSummary {
	number: number;
	title: string;
	titleEn: string | null;
	leadOwner: OwnerRef | null;
	progress: RollUp;
	statusCounts: Record<StatusKey, number>;
	/** Every measure of the axis still in the plan (not retired), whether shown here or not. */
	measureCount: number;
	/** Retired measures of the axis: left out of its progress, counts and measure count. */
	retiredCount: number;
	/** The first `DASHBOARD_MEASURES_PER_AXIS` measures of the axis, in the plan's order. */
	measures: MeasureSummary[];
}

/** Measures shown in full under each axis of the dashboard; the list page has them all. */
export const DASHBOARD_MEASURES_PER_AXIS = 12;

export interface PlanHeader {
	id: string;
	slug: string;
	title: string;
	titleEn: string | null;
	summary: string | null;
	summaryEn: string | null;
	adoptedOn: string | null;
	status: PlanStatusKey;
	archivedOn: string | null;
	archiveNote: string | null;
	archiveNoteEn: string | null;
	contentLicence: string;
	contentLicenceUrl: string;
	sourceUrls: string[];
}

export interface PlanDashboard {
	plan: PlanHeader;
	today: string;
	progress: RollUp;
	statusCounts: Record<StatusKey, number>;
	axes: AxisSummary[];
	/** Measures still in the plan; retired ones are counted apart. */
	measureCount: number;
	retiredCount: number;
	lastChangeAt: string | null;
	latestFact: DatedText | null;
	planFacts: (DatedText & { sourceUrls: string[] })[];
}

const day = toIsoDayOrNull;

function emptyCounts(): Record<StatusKey, number> {
	return Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;
}

export function planHeader(plan: {
	id: string;
	slug: string;
	title: string;
	titleEn: string | null;
	summary: string | null;
	summaryEn: string | null;
	adoptedOn: Date | null;
	status: PlanStatusKey;
	archivedOn: Date | null;
	archiveNote: string | null;
	archiveNoteEn: string | null;
	contentLicence: string;
	contentLicenceUrl: string;
	sourceUrls: string[];
}): PlanHeader {
	return {
		id: plan.id,
		slug: plan.slug,
		title: plan.title,
		titleEn: plan.titleEn,
		summary: plan.summary,
		summaryEn: plan.summaryEn,
		adoptedOn: day(plan.adoptedOn),
		status: plan.status,
		archivedOn: day(plan.archivedOn),
		archiveNote: plan.archiveNote,
		archiveNoteEn: plan.archiveNoteEn,
		contentLicence: plan.contentLicence,
		contentLicenceUrl: plan.contentLicenceUrl,
		sourceUrls: plan.sourceUrls
	};
}

export interface MilestoneRow {
	title: string;
	titleEn?: string | null;
	plannedDate: Date | null;
	plannedPrecision: DatePrecision;
	forecastDate: Date | null;
	doneOn: Date | null;
	weight: number;
}

/** The due date that counts: the forecast when one was given, else the planned date. */
export function milestoneDue(m: MilestoneRow): PreciseDate | null {
	if (m.plannedPrecision === 'CONTINUOUS') return { start: null, precision: 'CONTINUOUS' };
	if (m.forecastDate) return { start: toIsoDay(m.forecastDate), precision: 'DAY' };
	return m.plannedDate ? { start: toIsoDay(m.plannedDate), precision: m.plannedPrecision } : null;
}

function nextMilestones(milestones: MilestoneRow[], today: string) {
	const open = milestones
		.filter((m) => !m.doneOn)
		.map((m) => {
			const due = milestoneDue(m);
			return due ? { title: m.title, titleEn: m.titleEn ?? null, due, late: isLate(due, null, today), daysLeft: daysUntilEnd(due, today) } : null;
		})
		.filter((m): m is MilestoneDue => m !== null);
	open.sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity));
	return { next: open[0] ?? null, late: open.filter((m) => m.late).length };
}

function latestValue(values: { value: number; date: Date }[]): number | null {
	let latest: { value: number; date: Date } | null = null;
	for (const v of values) if (!latest || v.date > latest.date) latest = v;
	return latest ? latest.value : null;
}

/** What the progress rule reads of a measure row: its method, its milestones, its first indicator's values. */
export interface ProgressRow {
	progressMethod: Progress['method'];
	progressManual: number | null;
	milestones: { weight: number; doneOn: Date | null }[];
	indicators: { baseline: number; target: number | null; direction: 'UP' | 'DOWN'; values: { value: number; date: Date }[] }[];
}

/** A measure's progress from its loaded rows (the SQL roll-up applies the same rule in `measureRollups`). */
export function rowProgress(m: ProgressRow): Progress {
	const indicator = m.indicators[0];
	return measureProgress({
		method: m.progressMethod,
		manualValue: m.progressManual,
		milestones: m.milestones.map((ms) => ({ weight: ms.weight, doneOn: day(ms.doneOn) })),
		indicator: indicator ? { baseline: indicator.baseline, target: indicator.target, direction: indicator.direction, current: latestValue(indicator.values) } : null
	});
}

/** What the dashboard needs of a measure row (the time-travel view passes reconstructed rows). */
interface DashboardMeasureRow {
	id: string;
	axisId: string;
	number: string;
	title: string;
	titleEn: string | null;
	status: MeasureStatus | null;
	statusAsOf: Date | null;
	progressMethod: Progress['method'];
	progressManual: number | null;
	progressAsOf: Date | null;
	confidence: Confidence | null;
	leadOwner: OwnerRef;
	milestones: MilestoneRow[];
	/** The first indicator drives the "indicator" method; only [0] is read. */
	indicators: { baseline: number; target: number | null; direction: 'UP' | 'DOWN'; values: { value: number; date: Date }[] }[];
	/** Newest first; only [0] is read. */
	progressUpdates: { date: Date; datePrecision: DatePrecision; text: string }[];
	retiredOn: Date | null;
}

/** What a roll-up needs of each measure of the plan. */
export interface MeasureRollupRow {
	id: string;
	axisId: string;
	status: StatusKey;
	progress: Progress;
	/** Retired measures are not work to do: roll-ups and counts leave them out. */
	retired: boolean;
}

export interface DashboardInput {
	plan: Parameters<typeof planHeader>[0];
	axes: { id: string; number: number; title: string; titleEn: string | null; leadOwner: OwnerRef | null }[];
	/** Rows of the measures to show in full (at least the first ones of each axis), in the plan's order. */
	measures: DashboardMeasureRow[];
	/** Every measure of the plan; derived from `measures` when they are all there (time travel). */
	rollups?: MeasureRollupRow[];
	/** Newest first, at most five. */
	latestFacts: { date: Date; datePrecision: DatePrecision; text: string; sourceUrls: string[] }[];
	lastChangeAt: Date | null;
	today: string;
}

export const DASHBOARD_MEASURE_INCLUDE = {
	leadOwner: { select: { code: true, name: true, nameEn: true } },
	milestones: { select: { title: true, titleEn: true, plannedDate: true, plannedPrecision: true, forecastDate: true, doneOn: true, weight: true } },
	indicators: { orderBy: [{ position: 'asc' }, { id: 'asc' }], take: 1, include: { values: { select: { value: true, date: true } } } },
	progressUpdates: {
		where: { publishedAt: { not: null } },
		orderBy: UPDATE_ORDER,
		take: 1,
		select: { date: true, datePrecision: true, text: true }
	}
} satisfies Prisma.MeasureInclude;

/** A measure's roll-up as `measureRollups` reads it: id, axis, retired, status, method, manual value, weights, first indicator. */
type RollupJsonRow = [
	id: string,
	axisId: string,
	retired: boolean,
	status: MeasureStatus | null,
	method: Progress['method'],
	manual: number | null,
	totalWeight: number,
	doneWeight: number,
	baseline: number | null,
	target: number | null,
	direction: 'UP' | 'DOWN' | null,
	current: number | null
];

/**
 * Status and progress of every measure of a plan, in the plan's order, in one query: milestone
 * weights and the first indicator's latest value come from `MeasureRollup`, which triggers keep in the
 * transaction of every write to milestones, indicators and values (migration measure_rollups); the
 * rule is applied by `measureProgress` as everywhere else. Reading one row per measure instead of
 * every milestone and value keeps a 10,000-measure dashboard's roll-up to a single scan.
 * `measureIds` narrows it to some of the plan's measures (a batch of a streamed file).
 */
export async function measureRollups(db: Db, planId: string, measureIds?: readonly string[]): Promise<MeasureRollupRow[]> {
	const only = measureIds ? Prisma.sql`AND m."id" = ANY(${[...measureIds]}::text[])` : Prisma.empty;
	// One JSON document rather than 10,000 rows: decoding rows column by column cost the server three
	// times the CPU of one JSON.parse (bench/RESULTS.md, "10,000-measure plan").
	const [result] = await db.$queryRaw<{ rows: string }[]>`
		SELECT coalesce(json_agg(json_build_array(m."id", m."axisId", m."retiredOn" IS NOT NULL, m."status", m."progressMethod", m."progressManual",
			coalesce(r."totalWeight", 0), coalesce(r."doneWeight", 0), r."baseline", r."target", r."direction", r."current") ORDER BY m."position" ASC, m."id" ASC), '[]')::text AS rows
		FROM "Measure" m LEFT JOIN "MeasureRollup" r ON r."measureId" = m."id"
		WHERE m."planId" = ${planId} ${only}`;
	const rows = JSON.parse(result?.rows ?? '[]') as RollupJsonRow[];
	return rows.map(([id, axisId, retired, status, method, manual, totalWeight, doneWeight, baseline, target, direction, current]) => ({
		id,
		axisId,
		retired,
		status: status ?? 'NOT_REPORTED',
		progress: measureProgress({
			method,
			manualValue: manual,
			// Two stand-ins with the summed weights give the same weighted share as every milestone.
			milestones: [
				{ weight: doneWeight, doneOn: 'done' },
				{ weight: totalWeight - doneWeight, doneOn: null }
			],
			indicator: baseline !== null && direction !== null ? { baseline, target, direction, current } : null
		})
	}));
}

/** Ids of the first `perAxis` measures of each axis, from rows in the plan's order. */
export function firstOfEachAxis(rollups: MeasureRollupRow[], perAxis: number): string[] {
	const shown = new Map<string, number>();
	const ids: string[] = [];
	for (const r of rollups) {
		const n = shown.get(r.axisId) ?? 0;
		if (n < perAxis) ids.push(r.id);
		shown.set(r.axisId, n + 1);
	}
	return ids;
}

export async function getPlanDashboard(db: Db, slug: string, today = toIsoDay(new Date())): Promise<PlanDashboard | null> {
	const plan = await db.plan.findUnique({ where: { slug } });
	if (!plan) return null;
	const [axes, rollups, latestFacts, lastEvent] = await Promise.all([
		planAxes(db, plan.id),
		measureRollups(db, plan.id),
		db.progressUpdate.findMany({
			where: { planId: plan.id, publishedAt: { not: null } },
			orderBy: UPDATE_ORDER,
			take: 5,
			select: { date: true, datePrecision: true, text: true, sourceUrls: true, measureId: true }
		}),
		db.auditEvent.findFirst({ where: { planId: plan.id, ...publicChangeWhere }, orderBy: { at: 'desc' }, select: { at: true } })
	]);
	const measures = await dashboardMeasureRows(db, firstOfEachAxis(rollups, DASHBOARD_MEASURES_PER_AXIS));
	return buildPlanDashboard({ plan, axes, measures, rollups, latestFacts, lastChangeAt: lastEvent?.at ?? null, today });
}

/** The plan's axes with their lead team, in one statement (Prisma's include would send two). */
async function planAxes(db: Db, planId: string): Promise<DashboardInput['axes']> {
	const rows = await db.$queryRaw<{ id: string; number: number; title: string; titleEn: string | null; code: string | null; name: string | null; nameEn: string | null }[]>`
		SELECT a."id", a."number", a."title", a."titleEn", o."code", o."name", o."nameEn"
		FROM "Axis" a LEFT JOIN "Owner" o ON o."id" = a."leadOwnerId"
		WHERE a."planId" = ${planId}
		ORDER BY a."position" ASC, a."id" ASC`;
	return rows.map(({ code, name, nameEn, ...axis }) => ({ ...axis, leadOwner: code !== null && name !== null ? { code, name, nameEn } : null }));
}

const DASHBOARD_DATE_KEYS = new Set(['statusAsOf', 'progressAsOf', 'retiredOn', 'plannedDate', 'forecastDate', 'doneOn', 'date']);

/**
 * The measures shown in full, as `findMany({ include: DASHBOARD_MEASURE_INCLUDE })` reads them, in
 * one statement rather than Prisma's six: the dashboard is rebuilt after every save in its plan. The
 * milestones come in the plan's order (Prisma's left it to the database), which only breaks ties
 * between milestones due the same day. tests/integration/measure-model-query-count.test.ts holds it
 * equal to Prisma's rows.
 */
async function dashboardMeasureRows(db: Db, ids: string[]): Promise<DashboardMeasureRow[]> {
	const [found] = await db.$queryRaw<{ rows: string }[]>`
		SELECT coalesce(jsonb_agg(jsonb_build_object(
			'id', m."id", 'axisId', m."axisId", 'number', m."number", 'title', m."title", 'titleEn', m."titleEn", 'status', m."status",
			'statusAsOf', m."statusAsOf", 'progressMethod', m."progressMethod", 'progressManual', m."progressManual", 'progressAsOf', m."progressAsOf",
			'confidence', m."confidence", 'retiredOn', m."retiredOn",
			'leadOwner', jsonb_build_object('code', o."code", 'name', o."name", 'nameEn', o."nameEn"),
			'milestones', coalesce((
				SELECT jsonb_agg(jsonb_build_object('title', ms."title", 'titleEn', ms."titleEn", 'plannedDate', ms."plannedDate", 'plannedPrecision', ms."plannedPrecision",
					'forecastDate', ms."forecastDate", 'doneOn', ms."doneOn", 'weight', ms."weight") ORDER BY ms."position", ms."createdAt", ms."id")
				FROM "Milestone" ms WHERE ms."measureId" = m."id"), '[]'),
			'indicators', coalesce((
				SELECT jsonb_agg(jsonb_build_object('baseline', i."baseline", 'target', i."target", 'direction', i."direction", 'values', coalesce((
					SELECT jsonb_agg(jsonb_build_object('value', v."value", 'date', v."date")) FROM "IndicatorValue" v WHERE v."indicatorId" = i."id"), '[]')))
				FROM (SELECT * FROM "Indicator" WHERE "measureId" = m."id" ORDER BY "position", "id" LIMIT 1) i), '[]'),
			'progressUpdates', coalesce((
				SELECT jsonb_agg(jsonb_build_object('date', u."date", 'datePrecision', u."datePrecision", 'text', u."text"))
				FROM (SELECT * FROM "ProgressUpdate" u WHERE u."measureId" = m."id" AND u."publishedAt" IS NOT NULL ORDER BY ${UPDATE_ORDER_SQL} LIMIT 1) u), '[]')
		) ORDER BY m."position", m."id"), '[]')::text AS rows
		FROM "Measure" m JOIN "Owner" o ON o."id" = m."leadOwnerId"
		WHERE m."id" = ANY(${ids})`;
	return parseJsonRows<DashboardMeasureRow[]>(found?.rows ?? '[]', { dates: DASHBOARD_DATE_KEYS });
}

/** One measure's line on the dashboard (and in the API's list), as of `today`. */
function summariseMeasure(m: DashboardMeasureRow, today: string): MeasureSummary {
	const progress = rowProgress(m);
	const { next, late } = nextMilestones(m.milestones, today);
	const latest = m.progressUpdates[0];
	return {
		id: m.id,
		number: m.number,
		title: m.title,
		titleEn: m.titleEn,
		status: m.status ?? 'NOT_REPORTED',
		statusAsOf: day(m.statusAsOf),
		progress: { ...progress, asOf: day(m.progressAsOf) },
		confidence: m.confidence,
		leadOwner: m.leadOwner,
		nextMilestone: next,
		lateMilestones: late,
		latestUpdate: latest ? { date: toIsoDay(latest.date), precision: latest.datePrecision, text: latest.text } : null,
		retiredOn: day(m.retiredOn)
	};
}

/** Pure: rows in, dashboard out. Lateness and "next milestone" are computed as of `today`. */
export function buildPlanDashboard({ plan, axes, measures, rollups, latestFacts, lastChangeAt, today }: DashboardInput): PlanDashboard {
	const summaries = measures.map((m) => ({ axisId: m.axisId, summary: summariseMeasure(m, today) }));
	const all: MeasureRollupRow[] =
		rollups ?? summaries.map(({ axisId, summary }) => ({ id: summary.id, axisId, status: summary.status, progress: summary.progress, retired: summary.retiredOn !== null }));
	// A retired measure is not pending work, nor work done: it leaves the figures, and is counted apart.
	const active = all.filter((r) => !r.retired);
	const planCounts = emptyCounts();
	for (const r of active) planCounts[r.status]++;

	const axisSummaries: AxisSummary[] = axes.map((axis) => {
		const ofAxis = active.filter((r) => r.axisId === axis.id);
		const counts = emptyCounts();
		for (const r of ofAxis) counts[r.status]++;
		return {
			number: axis.number,
			title: axis.title,
			titleEn: axis.titleEn,
			leadOwner: axis.leadOwner ? { code: axis.leadOwner.code, name: axis.leadOwner.name, nameEn: axis.leadOwner.nameEn } : null,
			progress: rollUp(ofAxis.map((r) => ({ value: r.progress.value }))),
			statusCounts: counts,
			measureCount: ofAxis.length,
			retiredCount: all.filter((r) => r.retired && r.axisId === axis.id).length,
			measures: summaries
				.filter((s) => s.axisId === axis.id)
				.slice(0, DASHBOARD_MEASURES_PER_AXIS)
				.map((s) => s.summary)
		};
	});

	const facts = latestFacts.map((f) => ({ date: toIsoDay(f.date), precision: f.datePrecision, text: f.text, sourceUrls: f.sourceUrls }));
	return {
		plan: planHeader(plan),
		today,
		progress: rollUp(active.map((r) => ({ value: r.progress.value }))),
		statusCounts: planCounts,
		axes: axisSummaries,
		measureCount: active.length,
		retiredCount: all.length - active.length,
		lastChangeAt: lastChangeAt ? lastChangeAt.toISOString() : null,
		latestFact: facts[0] ?? null,
		planFacts: facts
	};
}

/** One page of a plan's measures, summarised as on the dashboard, with their axis number (the API's list). */
export async function getMeasureSummaryPage(
	db: Db,
	slug: string,
	paging: { page: number; perPage: number },
	today = toIsoDay(new Date())
): Promise<{ total: number; items: { axis: number; summary: MeasureSummary }[] } | null> {
	const plan = await db.plan.findUnique({ where: { slug }, select: { id: true } });
	if (!plan) return null;
	const [total, rows] = await Promise.all([
		db.measure.count({ where: { planId: plan.id } }),
		db.measure.findMany({
			where: { planId: plan.id },
			// The plan's order: axis by axis, as on the dashboard.
			orderBy: [{ axis: { position: 'asc' } }, { position: 'asc' }, { id: 'asc' }],
			skip: (paging.page - 1) * paging.perPage,
			take: paging.perPage,
			include: { ...DASHBOARD_MEASURE_INCLUDE, axis: { select: { number: true } } }
		})
	]);
	return { total, items: rows.map((m) => ({ axis: m.axis.number, summary: summariseMeasure(m, today) })) };
}

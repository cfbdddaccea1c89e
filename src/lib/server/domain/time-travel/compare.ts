// What changed between two dates, and the plan's progress over time: both rebuild the plan at
// several dates from ONE load (view.ts), so they cost a fixed number of queries.
import type { Db } from '../../db';
import { toIsoDay, type DatePrecision, type PreciseDate } from '../../../domain/dates';
import { rollUp, type RollUp } from '../../../domain/progress';
import type { StatusKey } from '../../../domain/status';
import { buildMeasureDetail, type MeasureDetail } from '../measures/view';
import { planHeader, type PlanHeader } from '../plans/view';
import { planAt, planRowAt, quarterEnds } from '../../../domain/time-travel';
import { dashboardAt, loadPlanHistory, type PlanHistory } from './view';

export interface MeasureChange {
	number: string;
	title: string;
	/** Absent on the first date: created in the application in between. */
	isNew: boolean;
	status: { from: StatusKey | null; to: StatusKey };
	progress: { from: number | null; to: number | null };
	milestonesDone: { title: string; doneOn: string }[];
	milestonesReplanned: { title: string; previous: PreciseDate | null; planned: PreciseDate | null; at: string; reason: string }[];
	evidence: { title: string; url: string; date: string | null }[];
	updates: { date: string; precision: DatePrecision; text: string }[];
	values: { indicator: string; unit: string; date: string; precision: DatePrecision; value: number; qualifier: string | null }[];
}

export interface PlanComparison {
	plan: PlanHeader;
	from: string;
	to: string;
	progress: { from: RollUp; to: RollUp };
	/** Only the measures where something changed, in plan order. */
	changes: MeasureChange[];
	unchanged: number;
	totals: { status: number; milestonesDone: number; replans: number; evidence: number; updates: number; values: number };
	/** Facts about the whole plan dated in between. */
	planFacts: { date: string; precision: DatePrecision; text: string }[];
}

type Detail = Omit<MeasureDetail, 'ownership'>;

function hasChanges(c: MeasureChange): boolean {
	return (
		c.isNew ||
		c.status.from !== c.status.to ||
		c.progress.from !== c.progress.to ||
		c.milestonesDone.length + c.milestonesReplanned.length + c.evidence.length + c.updates.length + c.values.length > 0
	);
}

/** Pure: compares two views of the same measure (`before` null when it did not exist yet). */
function compareMeasure(before: Detail | null, after: Detail, from: string): MeasureChange {
	const had = <T extends { id: string }>(list: T[] | undefined) => new Set((list ?? []).map((x) => x.id));
	const evidenceBefore = had(before?.evidence);
	const updatesBefore = had(before?.updates);
	const doneBefore = new Set((before?.milestones ?? []).filter((m) => m.doneOn).map((m) => m.id));
	const valuesBefore = new Set((before?.indicators ?? []).flatMap((i) => i.values.map((v) => `${i.id}|${v.date}|${v.value}`)));
	return {
		number: after.number,
		title: after.title,
		isNew: before === null,
		status: { from: before ? before.status : null, to: after.status },
		progress: { from: before ? before.progress.value : null, to: after.progress.value },
		milestonesDone: after.milestones.filter((m) => m.doneOn && !doneBefore.has(m.id)).map((m) => ({ title: m.title, doneOn: m.doneOn! })),
		milestonesReplanned: after.milestones.flatMap((m) =>
			m.replans.filter((r) => r.at.slice(0, 10) > from).map((r) => ({ title: m.title, previous: r.previous, planned: m.planned, at: r.at, reason: r.reason }))
		),
		evidence: after.evidence.filter((e) => !evidenceBefore.has(e.id)).map((e) => ({ title: e.title, url: e.url, date: e.date })),
		updates: after.updates.filter((u) => !updatesBefore.has(u.id)).map((u) => ({ date: u.date, precision: u.precision, text: u.text })),
		values: after.indicators.flatMap((i) =>
			i.values
				.filter((v) => !valuesBefore.has(`${i.id}|${v.date}|${v.value}`))
				.map((v) => ({ indicator: i.name, unit: i.unit, date: v.date, precision: v.precision, value: v.value, qualifier: v.qualifier }))
		)
	};
}

function detailsAt(history: PlanHistory, date: string): { details: Map<string, Detail>; facts: ReturnType<typeof planAt>['facts'] } {
	const { measures, facts } = planAt(history, date);
	const details = new Map<string, Detail>();
	for (const m of measures) {
		const { ownership: _ownership, ...detail } = buildMeasureDetail(m, null, date);
		details.set(m.id, detail);
	}
	return { details, facts };
}

/** Pure once loaded: the comparison of the plan between `from` and `to` (from < to). */
function comparePlan(history: PlanHistory, from: string, to: string): PlanComparison {
	const before = detailsAt(history, from);
	const after = detailsAt(history, to);
	const changes: MeasureChange[] = [];
	for (const [id, detail] of after.details) {
		const change = compareMeasure(before.details.get(id) ?? null, detail, from);
		if (hasChanges(change)) changes.push(change);
	}
	const sum = (pick: (c: MeasureChange) => number) => changes.reduce((n, c) => n + pick(c), 0);
	// As on the dashboard: a retired measure is left out of the plan's progress.
	const progressOf = (details: Map<string, Detail>) => rollUp([...details.values()].filter((d) => d.retiredOn === null).map((d) => ({ value: d.progress.value })));
	const known = new Set(before.facts);
	return {
		plan: planHeader(planRowAt(history.plan, to)),
		from,
		to,
		progress: { from: progressOf(before.details), to: progressOf(after.details) },
		changes,
		unchanged: after.details.size - changes.length,
		totals: {
			status: changes.filter((c) => c.status.from !== c.status.to).length,
			milestonesDone: sum((c) => c.milestonesDone.length),
			replans: sum((c) => c.milestonesReplanned.length),
			evidence: sum((c) => c.evidence.length),
			updates: sum((c) => c.updates.length),
			values: sum((c) => c.values.length)
		},
		planFacts: after.facts.filter((f) => f.measureId === null && !known.has(f)).map((f) => ({ date: toIsoDay(f.date), precision: f.datePrecision, text: f.text }))
	};
}

export async function getPlanComparison(db: Db, slug: string, from: string, to: string): Promise<PlanComparison | null> {
	const history = await loadPlanHistory(db, slug);
	return history ? comparePlan(history, from, to) : null;
}

interface ProgressPoint {
	date: string;
	progress: RollUp;
	statusCounts: Record<StatusKey, number>;
	measureCount: number;
}

export interface ProgressSeries {
	plan: PlanHeader;
	points: ProgressPoint[];
}

/** Pure once loaded: one point per quarter end from adoption (or the first import) to `today`. */
function progressSeries(history: PlanHistory, today: string): ProgressSeries {
	const start = history.plan.adoptedOn ? toIsoDay(history.plan.adoptedOn) : toIsoDay(history.plan.createdAt);
	const end = history.plan.archivedOn && toIsoDay(history.plan.archivedOn) < today ? toIsoDay(history.plan.archivedOn) : today;
	const points = quarterEnds(start, end).map((date) => {
		const dashboard = dashboardAt(history, date, null);
		return { date, progress: dashboard.progress, statusCounts: dashboard.statusCounts, measureCount: dashboard.measureCount };
	});
	return { plan: planHeader(history.plan), points };
}

export async function getProgressSeries(db: Db, slug: string, today = toIsoDay(new Date())): Promise<ProgressSeries | null> {
	const history = await loadPlanHistory(db, slug);
	return history ? progressSeries(history, today) : null;
}

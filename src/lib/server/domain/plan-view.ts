// Read models for the public pages: one plan's dashboard and one measure's detail.
// Each is a fixed number of queries whatever the plan's size (no query per measure).
import type { Db } from '../db';
import { measureProgress, rollUp, type Progress, type RollUp } from '../../domain/progress';
import { daysUntilEnd, isLate, toIsoDay, toIsoDayOrNull, type DatePrecision, type PreciseDate } from '../../domain/dates';
import type { Confidence, MeasureStatus } from '../db/generated/enums';
import { STATUS_KEYS, type StatusKey } from '../../domain/status';
import { DRAFT_ENTITY } from './editing';

export { STATUS_KEYS, type StatusKey };

export interface OwnerRef {
	code: string;
	name: string;
}

export interface DatedText {
	date: string;
	precision: DatePrecision;
	text: string;
}

export interface MilestoneDue {
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
}

export interface AxisSummary {
	number: number;
	title: string;
	titleEn: string | null;
	leadOwner: OwnerRef | null;
	progress: RollUp;
	statusCounts: Record<StatusKey, number>;
	measures: MeasureSummary[];
}

export interface PlanHeader {
	id: string;
	slug: string;
	title: string;
	titleEn: string | null;
	summary: string | null;
	summaryEn: string | null;
	adoptedOn: string | null;
	status: 'ACTIVE' | 'ARCHIVED';
	archivedOn: string | null;
	archiveNote: string | null;
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
	measureCount: number;
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
	status: 'ACTIVE' | 'ARCHIVED';
	archivedOn: Date | null;
	archiveNote: string | null;
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
		contentLicence: plan.contentLicence,
		contentLicenceUrl: plan.contentLicenceUrl,
		sourceUrls: plan.sourceUrls
	};
}

interface MilestoneRow {
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

/** What the dashboard needs of a measure row (the time-travel view passes reconstructed rows). */
export interface DashboardMeasureRow {
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
}

export interface DashboardInput {
	plan: Parameters<typeof planHeader>[0];
	axes: { id: string; number: number; title: string; titleEn: string | null; leadOwner: OwnerRef | null }[];
	measures: DashboardMeasureRow[];
	/** Newest first, at most five. */
	latestFacts: { date: Date; datePrecision: DatePrecision; text: string; sourceUrls: string[] }[];
	lastChangeAt: Date | null;
	today: string;
}

export async function getPlanDashboard(db: Db, slug: string, today = toIsoDay(new Date())): Promise<PlanDashboard | null> {
	const plan = await db.plan.findUnique({ where: { slug } });
	if (!plan) return null;
	const [axes, measures, latestFacts, lastEvent] = await Promise.all([
		db.axis.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' }, include: { leadOwner: true } }),
		db.measure.findMany({
			where: { planId: plan.id },
			orderBy: [{ position: 'asc' }],
			include: {
				leadOwner: { select: { code: true, name: true } },
				milestones: { select: { title: true, titleEn: true, plannedDate: true, plannedPrecision: true, forecastDate: true, doneOn: true, weight: true } },
				indicators: { orderBy: { position: 'asc' }, take: 1, include: { values: { select: { value: true, date: true } } } },
				progressUpdates: {
					where: { publishedAt: { not: null } },
					orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
					take: 1,
					select: { date: true, datePrecision: true, text: true }
				}
			}
		}),
		db.progressUpdate.findMany({
			where: { planId: plan.id, publishedAt: { not: null } },
			orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
			take: 5,
			select: { date: true, datePrecision: true, text: true, sourceUrls: true, measureId: true }
		}),
		db.auditEvent.findFirst({ where: { planId: plan.id, entityType: { not: DRAFT_ENTITY } }, orderBy: { at: 'desc' }, select: { at: true } })
	]);
	return buildPlanDashboard({ plan, axes, measures, latestFacts, lastChangeAt: lastEvent?.at ?? null, today });
}

/** Pure: rows in, dashboard out. Lateness and "next milestone" are computed as of `today`. */
export function buildPlanDashboard({ plan, axes, measures, latestFacts, lastChangeAt, today }: DashboardInput): PlanDashboard {
	const summaries = new Map<string, MeasureSummary[]>();
	const planCounts = emptyCounts();
	const allProgress: { value: number | null }[] = [];
	for (const m of measures) {
		const indicator = m.indicators[0];
		const progress = measureProgress({
			method: m.progressMethod,
			manualValue: m.progressManual,
			milestones: m.milestones.map((ms) => ({ weight: ms.weight, doneOn: day(ms.doneOn) })),
			indicator: indicator
				? { baseline: indicator.baseline, target: indicator.target, direction: indicator.direction, current: latestValue(indicator.values) }
				: null
		});
		const { next, late } = nextMilestones(m.milestones, today);
		const status: StatusKey = m.status ?? 'NOT_REPORTED';
		const latest = m.progressUpdates[0];
		const summary: MeasureSummary = {
			id: m.id,
			number: m.number,
			title: m.title,
			titleEn: m.titleEn,
			status,
			statusAsOf: day(m.statusAsOf),
			progress: { ...progress, asOf: day(m.progressAsOf) },
			confidence: m.confidence,
			leadOwner: m.leadOwner,
			nextMilestone: next,
			lateMilestones: late,
			latestUpdate: latest ? { date: toIsoDay(latest.date), precision: latest.datePrecision, text: latest.text } : null
		};
		planCounts[status]++;
		allProgress.push({ value: progress.value });
		const list = summaries.get(m.axisId) ?? [];
		list.push(summary);
		summaries.set(m.axisId, list);
	}

	const axisSummaries: AxisSummary[] = axes.map((axis) => {
		const list = summaries.get(axis.id) ?? [];
		const counts = emptyCounts();
		for (const m of list) counts[m.status]++;
		return {
			number: axis.number,
			title: axis.title,
			titleEn: axis.titleEn,
			leadOwner: axis.leadOwner ? { code: axis.leadOwner.code, name: axis.leadOwner.name } : null,
			progress: rollUp(list.map((m) => ({ value: m.progress.value }))),
			statusCounts: counts,
			measures: list
		};
	});

	const facts = latestFacts.map((f) => ({ date: toIsoDay(f.date), precision: f.datePrecision, text: f.text, sourceUrls: f.sourceUrls }));
	return {
		plan: planHeader(plan),
		today,
		progress: rollUp(allProgress),
		statusCounts: planCounts,
		axes: axisSummaries,
		measureCount: measures.length,
		lastChangeAt: lastChangeAt ? lastChangeAt.toISOString() : null,
		latestFact: facts[0] ?? null,
		planFacts: facts
	};
}

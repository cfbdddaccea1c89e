// Everything a plan publishes, read in a fixed number of queries whatever its size (no query per
// measure), then flattened into the rows the datasets describe. Drafts (publishedAt null) are
// filtered in SQL so that no later step can leak them. The same code reads the whole plan at once
// (the data page, the Data Package) or one batch of measures at a time (the streamed measures and
// successions files, stream.ts): rows come out in the same order either way, since a batch is a run
// of measures in the plan's order. The streamed batches of the other datasets are read in SQL
// (batches.ts) and made into rows by the same functions (milestoneRow… below).
import type { Db } from '../db';
import { measureProgress } from '../../domain/progress';
import { isLate, preciseOf, toIsoDay, toIsoDayOrNull, todayIso } from '../../domain/dates';
import { measureRollups, milestoneDue } from '../domain/plans/view';
import { summariseIndicator } from '../../domain/indicator-summary';
import type { RowSource } from './datasets';
import type { EvidenceLink, Indicator, IndicatorValue, Milestone, ProgressUpdate } from '../db/generated/client';
import type { EvidenceRow, IndicatorRow, MeasureLink, MeasureRow, MilestoneRow, PlanData, PlanInfo, UpdateRow, ValueRow } from './rows';

export type * from './rows';

const day = toIsoDayOrNull;

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) {
		const list = groups.get(key(row));
		if (list) list.push(row);
		else groups.set(key(row), [row]);
	}
	return groups;
}

/** Stable sort of child rows by their measure's rank in the plan, keeping each measure's own order. */
function byMeasure<T extends { measureId: string }>(rows: T[], rank: Map<string, number>): T[] {
	return rows.sort((a, b) => (rank.get(a.measureId) ?? 0) - (rank.get(b.measureId) ?? 0));
}

/** What every batch needs: the plan, its axes, and its measures' order and numbers (a few bytes a measure). */
export interface PlanIndex {
	plan: PlanInfo;
	axes: Map<string, { number: number; title: string; position: number }>;
	/** The measures' ids in the plan's order: axis by axis, then by position. */
	measureIds: string[];
	rank: Map<string, number>;
	numberOf: Map<string, string>;
}

export async function loadPlanIndex(db: Db, slug: string): Promise<PlanIndex | null> {
	const plan = await db.plan.findUnique({
		where: { slug },
		select: { id: true, slug: true, title: true, summary: true, contentLicence: true, contentLicenceUrl: true, sourceUrls: true }
	});
	if (!plan) return null;
	// Every file reads this before its first byte: in SQL, as Prisma's mapping of 10,000 measures took
	// longer than the query. The order is the plan's: axis by axis, then by position, then id.
	const [axes, measures] = await Promise.all([
		db.axis.findMany({ where: { planId: plan.id }, select: { id: true, number: true, title: true, position: true } }),
		db.$queryRaw<{ id: string; number: string }[]>`
			SELECT m."id", m."number" FROM "Measure" m JOIN "Axis" a ON a."id" = m."axisId"
			WHERE m."planId" = ${plan.id}
			ORDER BY a."position", m."position", m."id"`
	]);
	const axisById = new Map(axes.map((a) => [a.id, a]));
	return {
		plan,
		axes: axisById,
		measureIds: measures.map((m) => m.id),
		rank: new Map(measures.map((m, i) => [m.id, i])),
		numberOf: new Map(measures.map((m) => [m.id, m.number]))
	};
}

export const ALL_SOURCES: ReadonlySet<RowSource> = new Set(['measures', 'milestones', 'evidence', 'indicators', 'values', 'updates', 'successions']);

export async function loadPlanData(db: Db, slug: string, origin: string, today = todayIso()): Promise<PlanData | null> {
	const index = await loadPlanIndex(db, slug);
	return index ? loadRows(db, index, { measures: 'all', sources: ALL_SOURCES, origin, today }) : null;
}

export interface RowsRequest {
	/** Every measure of the plan, or a batch of them (ids in the plan's order). */
	measures: 'all' | readonly string[];
	sources: ReadonlySet<RowSource>;
	origin: string;
	today: string;
	/**
	 * Where the measures' progress comes from: every milestone, indicator and value ('rows'), or
	 * the SQL roll-up the dashboard uses ('rollup', far less to read when only measures are wanted).
	 * Both give the same figures (opendata-query-count.test.ts).
	 */
	progress?: 'rows' | 'rollup';
}

// The filters of what a plan publishes, shared by the reading of its rows and the counting of them (the data page).
const inPlan = (planId: string) => ({ measure: { planId } });
const publishedUpdates = (planId: string) => ({ planId, publishedAt: { not: null } });
/** Never a draft plan's measure, not even its number: a draft appears nowhere public. */
const publicSuccessions = (planId: string, ids: string[] | null) => ({
	OR: [
		{ measure: { planId }, ...(ids ? { measureId: { in: ids } } : {}), OR: [{ successorId: null }, { successor: { plan: { status: { not: 'DRAFT' as const } } } }] },
		{ successor: { planId }, ...(ids ? { successorId: { in: ids } } : {}), measure: { plan: { status: { not: 'DRAFT' as const } } } }
	]
});

/** Each dataset's number of rows for the whole plan, counted in SQL (rows of the files `loadRows` would build). */
export async function countRows(db: Db, index: PlanIndex): Promise<Record<RowSource, number>> {
	const planId = index.plan.id;
	const [milestones, evidence, indicators, values, updates, successions] = await Promise.all([
		db.milestone.count({ where: inPlan(planId) }),
		db.evidenceLink.count({ where: inPlan(planId) }),
		db.indicator.count({ where: inPlan(planId) }),
		db.indicatorValue.count({ where: { indicator: inPlan(planId) } }),
		db.progressUpdate.count({ where: publishedUpdates(planId) }),
		db.measureSuccession.count({ where: publicSuccessions(planId, null) })
	]);
	return { measures: index.measureIds.length, milestones, evidence, indicators, values, updates, successions };
}

const successionEnd = { select: { id: true, number: true, planId: true, plan: { select: { slug: true } } } } as const;

/** The rows of the requested sources for the requested measures; the other sources stay empty. */
export async function loadRows(db: Db, index: PlanIndex, request: RowsRequest): Promise<PlanData> {
	const { plan, rank, numberOf } = index;
	const { sources, origin, today } = request;
	const progressFromRows = request.progress !== 'rollup';
	const ids = request.measures === 'all' ? null : [...request.measures];
	const inScope = ids ? { measureId: { in: ids } } : inPlan(plan.id);
	const wants = (...needed: RowSource[]) => needed.some((source) => sources.has(source));
	const needsRows = sources.has('measures') && progressFromRows;
	const read = <T>(wanted: boolean, query: () => Promise<T[]>): Promise<T[]> => (wanted ? query() : Promise.resolve([]));
	const [measures, milestones, evidence, indicators, values, updates, rollups, successions] = await Promise.all([
		read(wants('measures'), () =>
			db.measure.findMany({
				where: ids ? { id: { in: ids } } : { planId: plan.id },
				include: { leadOwner: { select: { code: true, name: true } }, contributors: { select: { owner: { select: { code: true } } } } }
			})
		),
		read(wants('milestones') || needsRows, () =>
			db.milestone.findMany({
				where: inScope,
				orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
				include: { _count: { select: { replans: true } } }
			})
		),
		read(wants('evidence'), () => db.evidenceLink.findMany({ where: inScope, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] })),
		read(wants('indicators', 'values') || needsRows, () => db.indicator.findMany({ where: inScope, orderBy: [{ position: 'asc' }, { id: 'asc' }] })),
		read(wants('indicators', 'values') || needsRows, () =>
			db.indicatorValue.findMany({ where: { indicator: inScope }, orderBy: [{ date: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] })
		),
		read(wants('updates'), () =>
			db.progressUpdate.findMany({
				where: publishedUpdates(plan.id),
				orderBy: [{ date: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }]
			})
		),
		sources.has('measures') && !progressFromRows ? measureRollups(db, plan.id, ids ?? undefined) : Promise.resolve(null),
		read(wants('successions'), () =>
			db.measureSuccession.findMany({
				where: publicSuccessions(plan.id, ids),
				orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
				include: { measure: successionEnd, successor: successionEnd }
			})
		)
	]);
	const rolledUp = rollups ? new Map(rollups.map((r) => [r.id, r.progress])) : null;
	measures.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
	const link = (measureId: string): MeasureLink => ({ measureId, measureNumber: numberOf.get(measureId) ?? '' });

	const milestoneRows: MilestoneRow[] = byMeasure(
		milestones.map((m) => milestoneRow(m, m._count.replans, link(m.measureId), today)),
		rank
	);

	const valuesByIndicator = groupBy(values, (v) => v.indicatorId);
	const indicatorRows: IndicatorRow[] = byMeasure(
		indicators.map((i) => {
			const latest = valuesByIndicator.get(i.id)?.at(-1);
			return indicatorRow(i, latest ?? null, link(i.measureId));
		}),
		rank
	);
	const indicatorRank = new Map(indicatorRows.map((i, position) => [i.id, position]));
	const measureOfIndicator = new Map(indicatorRows.map((i) => [i.id, i.measureId]));

	const milestonesOf = groupBy(milestoneRows, (ms) => ms.measureId);
	const indicatorsOf = groupBy(indicatorRows, (i) => i.measureId);
	const measureRows: MeasureRow[] = measures.map((m) => {
		const axis = index.axes.get(m.axisId);
		const firstIndicator = indicatorsOf.get(m.id)?.[0];
		const progress =
			rolledUp?.get(m.id) ??
			measureProgress({
				method: m.progressMethod,
				manualValue: m.progressManual,
				milestones: milestonesOf.get(m.id) ?? [],
				indicator: firstIndicator ? { ...firstIndicator, current: firstIndicator.latestValue } : null
			});
		const plannedEnd = preciseOf(m.plannedEnd, m.plannedEndPrecision);
		return {
			id: m.id,
			number: m.number,
			axisNumber: axis?.number ?? 0,
			axisTitle: axis?.title ?? '',
			title: m.title,
			description: m.description,
			subActions: m.subActions,
			leadOwnerCode: m.leadOwner.code,
			leadOwnerName: m.leadOwner.name,
			contributorCodes: m.contributors.map((c) => c.owner.code).sort(),
			status: m.status,
			statusAsOf: day(m.statusAsOf),
			progressMethod: m.progressMethod,
			progress: progress.value,
			progressAsOf: day(m.progressAsOf),
			confidence: m.confidence,
			confidenceExplanation: m.confidenceExplanation,
			confidenceAsOf: day(m.confidenceAsOf),
			plannedStart: preciseOf(m.plannedStart, m.plannedStartPrecision),
			plannedEnd,
			late: m.retiredOn === null && m.status !== 'DONE' && m.status !== 'ABANDONED' && isLate(plannedEnd, null, today),
			retiredOn: day(m.retiredOn),
			retirementReason: m.retirementReason,
			url: new URL(`/plans/${plan.slug}/mesures/${m.number}`, origin).href
		};
	});

	return {
		plan,
		today,
		measures: measureRows,
		milestones: sources.has('milestones') ? milestoneRows : [],
		evidence: byMeasure(
			evidence.map((e) => evidenceRow(e, link(e.measureId))),
			rank
		),
		indicators: sources.has('indicators') ? indicatorRows : [],
		values: sources.has('values')
			? values
					.map((v) => valueRow(v, link(measureOfIndicator.get(v.indicatorId) ?? '')))
					.sort((a, b) => (indicatorRank.get(a.indicatorId) ?? 0) - (indicatorRank.get(b.indicatorId) ?? 0))
			: [],
		successions: byMeasure(
			successions.map((s) => {
				// A link between two measures of this plan cannot be recorded (succession.ts): `next` is decided by the older end.
				const direction = s.measure.planId === plan.id ? 'next' : 'previous';
				const [own, other] = direction === 'next' ? [s.measure, s.successor] : [s.successor!, s.measure];
				return {
					measureId: own.id,
					measureNumber: numberOf.get(own.id) ?? '',
					id: s.id,
					direction,
					kind: s.kind,
					otherPlanSlug: other?.plan.slug ?? null,
					otherMeasureNumber: other?.number ?? null,
					otherMeasureUrl: other ? new URL(`/plans/${other.plan.slug}/mesures/${other.number}`, origin).href : null,
					reason: s.reason,
					recordedOn: toIsoDay(s.createdAt)
				};
			}),
			rank
		),
		updates: updates.flatMap((u) => updateRow(u, numberOf))
	};
}

// Each kind of row is made from its database columns by one function, whichever query read them:
// the Prisma queries above (the whole plan) or the SQL of the streamed batches (batches.ts). The
// column subsets below are what both must select. The rows are object literals without spread: a
// spread (`...link`) made each row seven times slower to build, 2 s of CPU for 100,000 milestones.
// IndicatorSummary's fields are listed for the same reason.

type MilestoneColumns = Pick<Milestone, 'id' | 'position' | 'title' | 'description' | 'plannedDate' | 'plannedPrecision' | 'forecastDate' | 'doneOn' | 'weight'>;

export function milestoneRow(m: MilestoneColumns, replanCount: number, link: MeasureLink, today: string): MilestoneRow {
	return {
		measureId: link.measureId,
		measureNumber: link.measureNumber,
		id: m.id,
		position: m.position,
		title: m.title,
		description: m.description,
		planned: preciseOf(m.plannedDate, m.plannedPrecision),
		forecast: day(m.forecastDate),
		doneOn: day(m.doneOn),
		weight: m.weight,
		late: isLate(milestoneDue(m), day(m.doneOn), today),
		replanCount
	};
}

export type EvidenceColumns = Pick<EvidenceLink, 'id' | 'milestoneId' | 'title' | 'url' | 'kind' | 'date' | 'datePrecision'>;

export function evidenceRow(e: EvidenceColumns, link: MeasureLink): EvidenceRow {
	return {
		measureId: link.measureId,
		measureNumber: link.measureNumber,
		id: e.id,
		milestoneId: e.milestoneId,
		title: e.title,
		url: e.url,
		kind: e.kind,
		date: day(e.date),
		datePrecision: e.datePrecision ?? (e.date ? 'DAY' : null)
	};
}

export type IndicatorColumns = Pick<Indicator, 'id' | 'name' | 'description' | 'unit' | 'baseline' | 'baselineDate' | 'target' | 'targetDate' | 'direction' | 'position'>;

/** `latest`: the indicator's last value in the values' order (date, then creation, then id). */
export function indicatorRow(i: IndicatorColumns, latest: { value: number; date: Date } | null, link: MeasureLink): IndicatorRow {
	const summary = summariseIndicator(i, latest?.value ?? null);
	return {
		measureId: link.measureId,
		measureNumber: link.measureNumber,
		id: summary.id,
		name: summary.name,
		description: summary.description,
		unit: summary.unit,
		baseline: summary.baseline,
		baselineDate: summary.baselineDate,
		target: summary.target,
		targetDate: summary.targetDate,
		direction: summary.direction,
		progress: summary.progress,
		position: i.position,
		latestValue: latest?.value ?? null,
		latestDate: latest ? toIsoDay(latest.date) : null
	};
}

export type ValueColumns = Pick<IndicatorValue, 'id' | 'indicatorId' | 'date' | 'datePrecision' | 'value' | 'qualifier' | 'sourceUrl' | 'note' | 'automatic'>;

export function valueRow(v: ValueColumns, link: MeasureLink): ValueRow {
	return {
		measureId: link.measureId,
		measureNumber: link.measureNumber,
		id: v.id,
		indicatorId: v.indicatorId,
		date: toIsoDay(v.date),
		datePrecision: v.datePrecision,
		value: v.value,
		qualifier: v.qualifier,
		sourceUrl: v.sourceUrl,
		note: v.note,
		automatic: v.automatic
	};
}

export type UpdateColumns = Pick<ProgressUpdate, 'id' | 'measureId' | 'date' | 'datePrecision' | 'text' | 'blockers' | 'nextSteps' | 'sourceUrls' | 'publishedAt'>;

/** No row for a draft: the queries keep published rows only, and checking again narrows publishedAt's type. */
export function updateRow(u: UpdateColumns, numberOf: Map<string, string>): UpdateRow[] {
	if (u.publishedAt === null) return [];
	return [
		{
			id: u.id,
			measureId: u.measureId,
			measureNumber: u.measureId ? (numberOf.get(u.measureId) ?? null) : null,
			date: toIsoDay(u.date),
			datePrecision: u.datePrecision,
			text: u.text,
			blockers: u.blockers,
			nextSteps: u.nextSteps,
			sourceUrls: u.sourceUrls,
			publishedAt: u.publishedAt
		}
	];
}

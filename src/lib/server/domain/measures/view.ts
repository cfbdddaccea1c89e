// Read model of one measure's public page.
import type { Db } from '../../db';
import type { Prisma } from '../../db/generated/client';
import { measureProgress, type Progress } from '../../../domain/progress';
import { isLate, preciseOf, toIsoDay, toIsoDayOrNull, type DatePrecision, type PreciseDate } from '../../../domain/dates';
import type { Confidence, EvidenceKind } from '../../db/generated/enums';
import type { MeasureOwnership } from '../../policies';
import { summariseIndicator, type IndicatorSummary } from '../../../domain/indicator-summary';
import { milestoneDue, type OwnerRef, type PlanHeader, type StatusKey } from '../plans/view';
import { publicChangeWhere } from '../../public-changes';
import { UPDATE_ORDER } from './update-order';

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
	const measure = await db.measure.findFirst({ where: { number, plan: { slug } }, include: MEASURE_DETAIL_INCLUDE });
	if (!measure) return null;
	const lastEvent = await db.auditEvent.findFirst({ where: { measureId: measure.id, ...publicChangeWhere }, orderBy: { at: 'desc' }, select: { at: true } });
	return buildMeasureDetail(measure, lastEvent?.at ?? null, today);
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

// The rows of the open datasets: flat, typed, with dates as ISO days. load.ts builds them.
import type { Confidence, EvidenceKind, MeasureStatus, ProgressMethod, SuccessionKind } from '../db/generated/enums';
import type { IndicatorSummary } from '../../domain/indicator-summary';
import type { DatePrecision, PreciseDate } from '../../domain/dates';

export interface PlanInfo {
	id: string;
	slug: string;
	title: string;
	summary: string | null;
	contentLicence: string;
	contentLicenceUrl: string;
	sourceUrls: string[];
}

export interface MeasureRow {
	id: string;
	number: string;
	axisNumber: number;
	axisTitle: string;
	title: string;
	description: string;
	subActions: string[];
	leadOwnerCode: string;
	leadOwnerName: string;
	contributorCodes: string[];
	status: MeasureStatus | null;
	statusAsOf: string | null;
	progressMethod: ProgressMethod;
	progress: number | null;
	progressAsOf: string | null;
	confidence: Confidence | null;
	confidenceExplanation: string | null;
	confidenceAsOf: string | null;
	plannedStart: PreciseDate | null;
	plannedEnd: PreciseDate | null;
	late: boolean;
	retiredOn: string | null;
	retirementReason: string | null;
	url: string;
}

export interface MeasureLink {
	measureId: string;
	measureNumber: string;
}

export interface MilestoneRow extends MeasureLink {
	id: string;
	position: number;
	title: string;
	description: string | null;
	planned: PreciseDate | null;
	forecast: string | null;
	doneOn: string | null;
	weight: number;
	late: boolean;
	replanCount: number;
}

export interface EvidenceRow extends MeasureLink {
	id: string;
	milestoneId: string | null;
	title: string;
	url: string;
	kind: EvidenceKind;
	date: string | null;
	datePrecision: DatePrecision | null;
}

export interface IndicatorRow extends MeasureLink, IndicatorSummary {
	position: number;
	latestValue: number | null;
	latestDate: string | null;
}

export interface ValueRow extends MeasureLink {
	id: string;
	indicatorId: string;
	date: string;
	datePrecision: DatePrecision;
	value: number;
	qualifier: string | null;
	sourceUrl: string;
	note: string | null;
	automatic: boolean;
}

export interface UpdateRow {
	id: string;
	measureId: string | null;
	measureNumber: string | null;
	date: string;
	datePrecision: DatePrecision;
	text: string;
	blockers: string | null;
	nextSteps: string | null;
	sourceUrls: string[];
	publishedAt: Date;
}

/**
 * A link between a measure of this plan and a measure of another plan: `next` when this plan's
 * measure goes on elsewhere (or was abandoned), `previous` when it goes on from an older plan's.
 */
interface SuccessionRow extends MeasureLink {
	id: string;
	direction: 'next' | 'previous';
	kind: SuccessionKind;
	otherPlanSlug: string | null;
	otherMeasureNumber: string | null;
	otherMeasureUrl: string | null;
	reason: string | null;
	recordedOn: string;
}

export interface PlanData {
	plan: PlanInfo;
	today: string;
	measures: MeasureRow[];
	milestones: MilestoneRow[];
	evidence: EvidenceRow[];
	indicators: IndicatorRow[];
	values: ValueRow[];
	updates: UpdateRow[];
	successions: SuccessionRow[];
}

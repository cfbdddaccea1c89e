// What a reporting round records about each measure, and what changed between two rounds. Pure: the
// snapshot diff is computed from two frozen snapshots (or the live entries of a draft) only.
import type { PreciseDate } from './dates';
import type { StatusKey } from './status';

export const REPORT_SECTION_KEYS = ['utiliser', 'publier', 'accompagner', 'attractivite', 'vieInterne'] as const;
type ReportSectionKey = (typeof REPORT_SECTION_KEYS)[number];
export type ReportSections = Record<ReportSectionKey, string>;

export const COMPLETION_GRADES = ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'] as const;
export type CompletionGrade = (typeof COMPLETION_GRADES)[number];

interface SnapshotMilestone {
	id: string;
	title: string;
	planned: PreciseDate | null;
	doneOn: string | null;
}

interface SnapshotIndicator {
	id: string;
	name: string;
	unit: string;
	latest: { date: string; value: number } | null;
}

/** One measure in a round, frozen at submission. */
export interface MeasureSnapshot {
	measureId: string;
	number: string;
	title: string;
	status: StatusKey;
	progress: number | null;
	confidence: 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | null;
	confidenceExplanation: string | null;
	milestones: SnapshotMilestone[];
	indicators: SnapshotIndicator[];
	evidence: { title: string; url: string; date: string | null }[];
	/** Published progress updates dated within the round's period. */
	updates: { date: string; text: string }[];
}

export interface MeasureChange {
	number: string;
	title: string;
	/** The measure was not in the previous round. */
	added: boolean;
	status: { from: StatusKey; to: StatusKey } | null;
	milestonesDone: string[];
	milestonesReplanned: { title: string; from: PreciseDate | null; to: PreciseDate | null }[];
	indicators: { name: string; unit: string; from: number | null; to: number | null }[];
}

const samePlanned = (a: PreciseDate | null, b: PreciseDate | null) => (a?.start ?? null) === (b?.start ?? null) && (a?.precision ?? null) === (b?.precision ?? null);

/** Changes from `previous` to `current`, measure by measure; measures without a change are left out. */
export function diffSnapshots(previous: readonly MeasureSnapshot[], current: readonly MeasureSnapshot[]): MeasureChange[] {
	const before = new Map(previous.map((m) => [m.measureId, m]));
	const changes: MeasureChange[] = [];
	for (const now of current) {
		const then = before.get(now.measureId);
		if (!then) {
			changes.push({ number: now.number, title: now.title, added: true, status: null, milestonesDone: [], milestonesReplanned: [], indicators: [] });
			continue;
		}
		const oldMilestones = new Map(then.milestones.map((m) => [m.id, m]));
		const milestonesDone = now.milestones.filter((m) => m.doneOn && !oldMilestones.get(m.id)?.doneOn).map((m) => m.title);
		const milestonesReplanned = now.milestones
			.filter((m) => oldMilestones.has(m.id) && !samePlanned(oldMilestones.get(m.id)!.planned, m.planned))
			.map((m) => ({ title: m.title, from: oldMilestones.get(m.id)!.planned, to: m.planned }));
		const oldIndicators = new Map(then.indicators.map((i) => [i.id, i]));
		const indicators = now.indicators
			.map((i) => ({ name: i.name, unit: i.unit, from: oldIndicators.get(i.id)?.latest?.value ?? null, to: i.latest?.value ?? null }))
			.filter((i) => i.from !== i.to);
		const status = then.status !== now.status ? { from: then.status, to: now.status } : null;
		if (status || milestonesDone.length || milestonesReplanned.length || indicators.length) {
			changes.push({ number: now.number, title: now.title, added: false, status, milestonesDone, milestonesReplanned, indicators });
		}
	}
	return changes;
}

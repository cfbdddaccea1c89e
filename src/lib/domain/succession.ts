// What became of a measure of an older plan in newer ones (issue 11, "archive and succession"): continued
// by, merged into or replaced by measures of other plans, or abandoned with a reason. One pure rule,
// used by the write in its transaction and testable on its own.

export const SUCCESSION_KINDS = ['CONTINUED_BY', 'MERGED_INTO', 'REPLACED_BY', 'ABANDONED'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

export interface SuccessionRequest {
	kind: SuccessionKind;
	/** The plan of the successor measure, null when none is given. */
	successor: { id: string; planId: string } | null;
	reason: string | null;
}

export interface SuccessionProblem {
	/** The i18n key under editing.successions.errors. */
	key: 'reasonRequired' | 'noSuccessorWhenAbandoned' | 'successorRequired' | 'samePlan' | 'alreadyAbandoned' | 'alreadyContinued' | 'duplicate';
	field?: 'reason' | 'successorId';
}

/**
 * Why this succession cannot be recorded for a measure of `planId` that already has `existing`
 * ones, or null. A measure is either abandoned (once, with a reason) or goes on in other plans'
 * measures (each once): never both.
 */
export function successionProblem(planId: string, request: SuccessionRequest, existing: readonly { kind: SuccessionKind; successorId: string | null }[]): SuccessionProblem | null {
	if (request.kind === 'ABANDONED') {
		if (request.successor) return { key: 'noSuccessorWhenAbandoned', field: 'successorId' };
		if (!request.reason) return { key: 'reasonRequired', field: 'reason' };
		if (existing.some((s) => s.kind === 'ABANDONED')) return { key: 'alreadyAbandoned' };
		if (existing.length > 0) return { key: 'alreadyContinued' };
		return null;
	}
	if (!request.successor) return { key: 'successorRequired', field: 'successorId' };
	if (request.successor.planId === planId) return { key: 'samePlan', field: 'successorId' };
	if (existing.some((s) => s.kind === 'ABANDONED')) return { key: 'alreadyAbandoned' };
	if (existing.some((s) => s.successorId === request.successor?.id)) return { key: 'duplicate', field: 'successorId' };
	return null;
}

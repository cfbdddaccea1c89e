import { describe, expect, it } from 'vitest';
import { successionProblem, type SuccessionRequest } from './succession';

const next = { id: 'm-next', planId: 'plan-2025' };
const continued = (successor = next): SuccessionRequest => ({ kind: 'CONTINUED_BY', successor, reason: null });
const abandoned = (reason: string | null = 'Objectif atteint par une autre voie'): SuccessionRequest => ({ kind: 'ABANDONED', successor: null, reason });

describe('successionProblem', () => {
	it('accepts a measure of another plan as successor, with or without a reason', () => {
		expect(successionProblem('plan-2021', continued(), [])).toBeNull();
		expect(successionProblem('plan-2021', { kind: 'MERGED_INTO', successor: next, reason: 'Fusion des deux chantiers' }, [])).toBeNull();
	});

	it('refuses a successor in the same plan, a missing one, and the same successor twice', () => {
		expect(successionProblem('plan-2025', continued(), [])).toEqual({ key: 'samePlan', field: 'successorId' });
		expect(successionProblem('plan-2021', { kind: 'REPLACED_BY', successor: null, reason: null }, [])).toEqual({ key: 'successorRequired', field: 'successorId' });
		expect(successionProblem('plan-2021', continued(), [{ kind: 'CONTINUED_BY', successorId: 'm-next' }])).toEqual({ key: 'duplicate', field: 'successorId' });
	});

	it('accepts several successors (a measure split in two)', () => {
		expect(successionProblem('plan-2021', continued({ id: 'm-other', planId: 'plan-2025' }), [{ kind: 'CONTINUED_BY', successorId: 'm-next' }])).toBeNull();
	});

	it('wants a reason and no successor to abandon, once, and never beside a continuation', () => {
		expect(successionProblem('plan-2021', abandoned(), [])).toBeNull();
		expect(successionProblem('plan-2021', abandoned(null), [])).toEqual({ key: 'reasonRequired', field: 'reason' });
		expect(successionProblem('plan-2021', { kind: 'ABANDONED', successor: next, reason: 'x' }, [])).toEqual({ key: 'noSuccessorWhenAbandoned', field: 'successorId' });
		expect(successionProblem('plan-2021', abandoned(), [{ kind: 'ABANDONED', successorId: null }])).toEqual({ key: 'alreadyAbandoned' });
		expect(successionProblem('plan-2021', abandoned(), [{ kind: 'CONTINUED_BY', successorId: 'm-next' }])).toEqual({ key: 'alreadyContinued' });
		expect(successionProblem('plan-2021', continued(), [{ kind: 'ABANDONED', successorId: null }])).toEqual({ key: 'alreadyAbandoned' });
	});
});

import { describe, expect, it } from 'vitest';
import { defaultQuorum, tallyVotes, type CastVote, type VoteChoice } from '../../src/lib/domain/adoption';

const eco = ['e1', 'e2', 'e3', 'e4'];
const v = (voterId: string, choice: VoteChoice): CastVote => ({ voterId, choice });

describe('opinion adoption rule', () => {
	it('defaults the quorum to half of the ecosystem members, rounded up, never below one', () => {
		expect([0, 1, 2, 3, 4, 5].map(defaultQuorum)).toEqual([1, 1, 1, 2, 2, 3]);
	});

	it('is not adopted below the quorum, even when every vote is for', () => {
		const t = tallyVotes({ votes: [v('e1', 'FOR')], ecosystemMemberIds: eco, quorumSetting: null });
		expect(t).toMatchObject({ for: 1, cast: 1, quorum: 2, quorumReached: false, majorityFor: true, adopted: false });
	});

	it('is adopted when exactly the quorum voted and most are for', () => {
		expect(tallyVotes({ votes: [v('e1', 'FOR'), v('e2', 'FOR')], ecosystemMemberIds: eco, quorumSetting: null }).adopted).toBe(true);
	});

	it('needs a strict majority of the votes cast: a tie is not adopted, an abstention counts as cast', () => {
		expect(tallyVotes({ votes: [v('e1', 'FOR'), v('e2', 'AGAINST')], ecosystemMemberIds: eco, quorumSetting: null }).adopted).toBe(false);
		expect(tallyVotes({ votes: [v('e1', 'FOR'), v('e2', 'ABSTAIN')], ecosystemMemberIds: eco, quorumSetting: null }).adopted).toBe(false);
		expect(tallyVotes({ votes: [v('e1', 'FOR'), v('e2', 'FOR'), v('e3', 'ABSTAIN')], ecosystemMemberIds: eco, quorumSetting: null }).adopted).toBe(true);
	});

	it('ignores the votes of council members outside the ecosystem', () => {
		const t = tallyVotes({ votes: [v('e1', 'FOR'), v('x1', 'FOR'), v('x2', 'FOR')], ecosystemMemberIds: eco, quorumSetting: null });
		expect(t).toMatchObject({ for: 1, cast: 1, ignored: 2, adopted: false });
		const against = tallyVotes({ votes: [v('e1', 'FOR'), v('e2', 'AGAINST'), v('e3', 'AGAINST'), v('x1', 'FOR'), v('x2', 'FOR')], ecosystemMemberIds: eco, quorumSetting: null });
		expect(against.adopted).toBe(false);
	});

	it('uses the plan quorum setting when there is one, and never a quorum of zero', () => {
		const votes = [v('e1', 'FOR'), v('e2', 'FOR')];
		expect(tallyVotes({ votes, ecosystemMemberIds: eco, quorumSetting: 3 })).toMatchObject({ quorum: 3, adopted: false });
		expect(tallyVotes({ votes: [...votes, v('e3', 'AGAINST')], ecosystemMemberIds: eco, quorumSetting: 3 }).adopted).toBe(true);
		expect(tallyVotes({ votes: [], ecosystemMemberIds: eco, quorumSetting: 0 })).toMatchObject({ quorum: 1, adopted: false });
		expect(tallyVotes({ votes: [], ecosystemMemberIds: [], quorumSetting: null })).toMatchObject({ quorum: 1, adopted: false });
	});

	it('counts one vote per member', () => {
		const t = tallyVotes({ votes: [v('e1', 'FOR'), v('e1', 'FOR')], ecosystemMemberIds: eco, quorumSetting: null });
		expect(t).toMatchObject({ for: 1, cast: 1, adopted: false });
	});
});

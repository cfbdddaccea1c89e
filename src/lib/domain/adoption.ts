// The CLL council's adoption rule for an opinion, as a pure function so that it is tested on its own.
// Only the votes of members flagged "écosystème" count. An opinion is adopted when
//   - a quorum of those members voted (for, against or abstain all count towards the quorum), and
//   - a strict majority of the votes they cast are "for" (an abstention is a vote cast that is not "for").
// The quorum is the plan's setting, or by default half of the ecosystem members rounded up; it is
// never below one, so that no opinion is adopted without a vote.

export type VoteChoice = 'FOR' | 'AGAINST' | 'ABSTAIN';

export interface CastVote {
	voterId: string;
	choice: VoteChoice;
}

export interface AdoptionInput {
	votes: readonly CastVote[];
	/** Ids of the council members flagged "écosystème" (active accounts). */
	ecosystemMemberIds: readonly string[];
	/** The plan's quorum setting; null means the default. */
	quorumSetting: number | null;
}

export interface AdoptionTally {
	for: number;
	against: number;
	abstain: number;
	cast: number;
	quorum: number;
	quorumReached: boolean;
	majorityFor: boolean;
	adopted: boolean;
	/** Votes by members outside the ecosystem: recorded, not counted. */
	ignored: number;
}

export function defaultQuorum(ecosystemMembers: number): number {
	return Math.max(1, Math.ceil(ecosystemMembers / 2));
}

export function tallyVotes({ votes, ecosystemMemberIds, quorumSetting }: AdoptionInput): AdoptionTally {
	const members = new Set(ecosystemMemberIds);
	const counted = new Map<string, VoteChoice>();
	let ignored = 0;
	for (const vote of votes) {
		if (members.has(vote.voterId)) counted.set(vote.voterId, vote.choice);
		else ignored += 1;
	}
	const choices = [...counted.values()];
	const tally = {
		for: choices.filter((c) => c === 'FOR').length,
		against: choices.filter((c) => c === 'AGAINST').length,
		abstain: choices.filter((c) => c === 'ABSTAIN').length
	};
	const cast = choices.length;
	const quorum = Math.max(1, quorumSetting ?? defaultQuorum(members.size));
	const quorumReached = cast >= quorum;
	const majorityFor = tally.for * 2 > cast;
	return { ...tally, cast, quorum, quorumReached, majorityFor, adopted: quorumReached && majorityFor, ignored };
}

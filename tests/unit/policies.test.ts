// Policy matrix: every role × every policy, with the expected answer written out. Deny by default:
// a role or a policy without its row fails the test.
import { describe, expect, it } from 'vitest';
import {
	canChangeMeasureOwners,
	canComment,
	canEditComment,
	canEditMeasure,
	canFollow,
	canModerate,
	canPostComment,
	canSeeComment,
	COMMENT_EDIT_WINDOW_MS,
	canEditSomething,
	canManagePlan,
	canManageUsers,
	canPublishUpdate,
	canSeeStaffNames,
	canViewDrafts,
	canViewInternal,
	measurePermissions,
	type Actor,
	type Viewer
} from '../../src/lib/server/policies';

const measure = { leadOwnerId: 'team-label', contributorOwnerIds: ['team-pole'] };
const actor = (roles: Actor['roles'], teamIds: string[] = []): Actor => ({ id: `u-${roles.join('-')}-${teamIds.join('-')}`, displayName: 'X', roles, teamIds });

const viewers = {
	anonymous: null,
	signedInWithoutRole: actor([]),
	amdac: actor(['AMDAC']),
	council: actor(['COUNCIL']),
	amdacInTheTeam: actor(['AMDAC'], ['team-label']),
	editorWithoutTeam: actor(['EDITOR']),
	editorOfAnotherTeam: actor(['EDITOR'], ['team-talents']),
	editorOfTheLeadTeam: actor(['EDITOR'], ['team-label']),
	editorOfAContributingTeam: actor(['EDITOR'], ['team-pole']),
	admin: actor(['ADMIN'])
} satisfies Record<string, Viewer>;
type Who = keyof typeof viewers;

const policies = {
	canViewInternal: (v: Viewer) => canViewInternal(v),
	canViewDrafts: (v: Viewer) => canViewDrafts(v),
	canEditMeasure: (v: Viewer) => canEditMeasure(v, measure),
	canEditARetiredMeasure: (v: Viewer) => canEditMeasure(v, { ...measure, retired: true }),
	canPublishUpdate: (v: Viewer) => canPublishUpdate(v, measure),
	canChangeMeasureOwners: (v: Viewer) => canChangeMeasureOwners(v),
	canManageUsers: (v: Viewer) => canManageUsers(v),
	canManagePlan: (v: Viewer) => canManagePlan(v),
	canEditSomething: (v: Viewer) => canEditSomething(v),
	canSeeStaffNamesOnAPlanThatHidesThem: (v: Viewer) => canSeeStaffNames(v, { showStaffNames: false }),
	canSeeStaffNamesOnAPlanThatShowsThem: (v: Viewer) => canSeeStaffNames(v, { showStaffNames: true })
};
type Policy = keyof typeof policies;

const F = false;
const T = true;
// Columns: viewInternal, viewDrafts, editMeasure, editRetiredMeasure, publishUpdate, changeOwners, manageUsers, managePlan, editSomething, namesHidden, namesShown
const order: Policy[] = [
	'canViewInternal',
	'canViewDrafts',
	'canEditMeasure',
	'canEditARetiredMeasure',
	'canPublishUpdate',
	'canChangeMeasureOwners',
	'canManageUsers',
	'canManagePlan',
	'canEditSomething',
	'canSeeStaffNamesOnAPlanThatHidesThem',
	'canSeeStaffNamesOnAPlanThatShowsThem'
];
const expected: Record<Who, boolean[]> = {
	anonymous: [F, F, F, F, F, F, F, F, F, F, T],
	signedInWithoutRole: [F, F, F, F, F, F, F, F, F, F, T],
	amdac: [T, T, F, F, F, F, F, F, F, T, T],
	council: [T, T, F, F, F, F, F, F, F, T, T],
	// An AMDAC member on the team (their ministry carries the measure) edits it, as an editor would.
	amdacInTheTeam: [T, T, T, F, T, F, F, F, T, T, T],
	editorWithoutTeam: [T, T, F, F, F, F, F, F, F, T, T],
	editorOfAnotherTeam: [T, T, F, F, F, F, F, F, T, T, T],
	editorOfTheLeadTeam: [T, T, T, F, T, F, F, F, T, T, T],
	editorOfAContributingTeam: [T, T, T, F, T, F, F, F, T, T, T],
	admin: [T, T, T, F, T, T, T, T, T, T, T]
};

describe('policy matrix', () => {
	it('has a row for every role and a column for every policy', () => {
		expect(Object.keys(expected).sort()).toEqual(Object.keys(viewers).sort());
		expect([...order].sort()).toEqual(Object.keys(policies).sort());
		for (const row of Object.values(expected)) expect(row).toHaveLength(order.length);
	});

	for (const who of Object.keys(viewers) as Who[]) {
		it(`answers as expected for ${who}`, () => {
			const answers = order.map((policy) => policies[policy](viewers[who]));
			expect(Object.fromEntries(order.map((p, i) => [p, answers[i]]))).toEqual(Object.fromEntries(order.map((p, i) => [p, expected[who][i]])));
		});
	}

	it('gives the measure page the same booleans as the policies', () => {
		for (const who of Object.keys(viewers) as Who[]) {
			const v = viewers[who];
			expect(measurePermissions(v, measure)).toEqual({
				edit: canEditMeasure(v, measure),
				publishUpdate: canPublishUpdate(v, measure),
				changeOwners: canChangeMeasureOwners(v),
				viewInternal: canViewInternal(v)
			});
		}
	});

	it('makes a retired measure read-only on its page, owners included', () => {
		expect(measurePermissions(viewers.admin, { ...measure, retired: true })).toEqual({ edit: false, publishUpdate: false, changeOwners: false, viewInternal: true });
	});

	it('does not let a team edit a measure it neither leads nor contributes to', () => {
		const other = { leadOwnerId: 'team-talents', contributorOwnerIds: [] };
		expect(canEditMeasure(viewers.editorOfTheLeadTeam, other)).toBe(false);
		expect(canEditMeasure(viewers.editorOfAContributingTeam, other)).toBe(false);
		expect(canEditMeasure(viewers.editorOfAnotherTeam, other)).toBe(true);
	});
});

describe('comment policy matrix', () => {
	const now = new Date('2026-11-30T10:00:00Z');
	const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
	const own = (v: Viewer, m: number, extra: { hiddenAt?: Date | null } = {}) => ({
		authorId: v?.id ?? 'nobody',
		createdAt: minutesAgo(m),
		hiddenAt: extra.hiddenAt ?? null,
		visibility: 'WORKING_GROUP' as const
	});
	const commentPolicies = {
		comment: (v: Viewer) => canComment(v),
		seePublic: (v: Viewer) => canSeeComment(v, 'PUBLIC'),
		seeWorkingGroup: (v: Viewer) => canSeeComment(v, 'WORKING_GROUP'),
		seeInternal: (v: Viewer) => canSeeComment(v, 'INTERNAL'),
		postPublic: (v: Viewer) => canPostComment(v, 'PUBLIC'),
		postWorkingGroup: (v: Viewer) => canPostComment(v, 'WORKING_GROUP'),
		postInternal: (v: Viewer) => canPostComment(v, 'INTERNAL'),
		editOwnFresh: (v: Viewer) => canEditComment(v, own(v, 5), now),
		editOwnOld: (v: Viewer) => canEditComment(v, own(v, 16), now),
		editSomeoneElses: (v: Viewer) => canEditComment(v, { ...own(v, 5), authorId: 'someone-else' }, now),
		editOwnHidden: (v: Viewer) => canEditComment(v, own(v, 5, { hiddenAt: minutesAgo(1) }), now),
		moderate: (v: Viewer) => canModerate(v),
		follow: (v: Viewer) => canFollow(v)
	};
	type CommentPolicy = keyof typeof commentPolicies;
	const columns = Object.keys(commentPolicies) as CommentPolicy[];
	const reader = [F, T, F, F, F, F, F, F, F, F, F, F, F];
	const groupMember = [T, T, T, F, T, T, F, T, F, F, F, F, T];
	const staff = [T, T, T, T, T, T, T, T, F, F, F, F, T];
	const table: Record<Who, boolean[]> = {
		anonymous: reader,
		signedInWithoutRole: reader,
		amdac: groupMember,
		council: groupMember,
		amdacInTheTeam: groupMember,
		// Staff means an editor of at least one team; without one, an editor discusses like the working group.
		editorWithoutTeam: groupMember,
		editorOfAnotherTeam: staff,
		editorOfTheLeadTeam: staff,
		editorOfAContributingTeam: staff,
		admin: [T, T, T, T, T, T, T, T, F, F, F, T, T]
	};

	it('has a row for every role and a column for every comment policy', () => {
		expect(Object.keys(table).sort()).toEqual(Object.keys(viewers).sort());
		for (const row of Object.values(table)) expect(row).toHaveLength(columns.length);
	});

	for (const who of Object.keys(viewers) as Who[]) {
		it(`answers as expected for ${who}`, () => {
			const answers = Object.fromEntries(columns.map((c) => [c, commentPolicies[c](viewers[who])]));
			expect(answers).toEqual(Object.fromEntries(columns.map((c, i) => [c, table[who][i]])));
		});
	}

	it('closes the edit window at exactly 15 minutes', () => {
		const v = viewers.amdac;
		const at = (ms: number) => ({ authorId: v.id, createdAt: new Date(now.getTime() - ms), hiddenAt: null, visibility: 'PUBLIC' as const });
		expect(canEditComment(v, at(COMMENT_EDIT_WINDOW_MS - 1), now)).toBe(true);
		expect(canEditComment(v, at(COMMENT_EDIT_WINDOW_MS), now)).toBe(false);
		// A comment dated in the future (clock skew) is not editable forever.
		expect(canEditComment(v, at(-60_000), now)).toBe(false);
	});

	it('does not let an author who lost the audience edit an internal comment', () => {
		const formerEditor = actor(['AMDAC']);
		expect(canEditComment(formerEditor, { authorId: formerEditor.id, createdAt: minutesAgo(1), hiddenAt: null, visibility: 'INTERNAL' }, now)).toBe(false);
	});
});

// ——— Reporting rounds and council opinions: role × object, every cell written out ———
import * as reportPolicies from '../../src/lib/server/policies';

describe('report and opinion policy matrix', () => {
	const p = reportPolicies;
	const round = (status: 'DRAFT' | 'SUBMITTED' | 'PUBLISHED') => ({ status });
	const opinion = (state: 'DRAFT' | 'ADOPTED' | 'PUBLISHED' | 'PRIVATE', voteCount = 0) => ({ state, voteCount });
	const secretariat = { councilEcosystem: true, councilSecretariat: true };
	const member = { councilEcosystem: true, councilSecretariat: false };
	// Columns follow `viewers`: anonymous, signedInWithoutRole, amdac, council, amdacInTheTeam,
	// editorWithoutTeam, editorOfAnotherTeam, editorOfTheLeadTeam, editorOfAContributingTeam, admin.
	const ALL = [T, T, T, T, T, T, T, T, T, T];
	const NONE = [F, F, F, F, F, F, F, F, F, F];
	const STAFF = [F, F, F, F, F, F, T, T, T, T];
	const INTERNAL = [F, F, T, T, T, T, T, T, T, T];
	const COUNCIL = [F, F, F, T, F, F, F, F, F, F];
	const ADMIN = [F, F, F, F, F, F, F, F, F, T];
	const cases: [string, (v: Viewer) => boolean, boolean[]][] = [
		['create a round', (v) => p.canCreateReportRound(v), STAFF],
		['view a draft round', (v) => p.canViewReportRound(v, round('DRAFT')), STAFF],
		['view a submitted round', (v) => p.canViewReportRound(v, round('SUBMITTED')), INTERNAL],
		['view a published round', (v) => p.canViewReportRound(v, round('PUBLISHED')), ALL],
		['edit a draft round', (v) => p.canEditReportRound(v, round('DRAFT')), STAFF],
		['edit a submitted round', (v) => p.canEditReportRound(v, round('SUBMITTED')), NONE],
		['edit a published round', (v) => p.canEditReportRound(v, round('PUBLISHED')), NONE],
		['submit a draft round', (v) => p.canSubmitReportRound(v, round('DRAFT')), STAFF],
		['submit a submitted round', (v) => p.canSubmitReportRound(v, round('SUBMITTED')), NONE],
		['publish a draft round', (v) => p.canPublishReportRound(v, round('DRAFT')), NONE],
		['publish a submitted round', (v) => p.canPublishReportRound(v, round('SUBMITTED')), ADMIN],
		['publish a published round', (v) => p.canPublishReportRound(v, round('PUBLISHED')), NONE],
		['draft an opinion on a draft round', (v) => p.canDraftOpinion(v, round('DRAFT')), NONE],
		['draft an opinion on a submitted round', (v) => p.canDraftOpinion(v, round('SUBMITTED')), COUNCIL],
		['draft an opinion on a published round', (v) => p.canDraftOpinion(v, round('PUBLISHED')), COUNCIL],
		['edit an opinion nobody voted on', (v) => p.canEditOpinion(v, opinion('DRAFT')), COUNCIL],
		['edit an opinion with votes', (v) => p.canEditOpinion(v, opinion('DRAFT', 1)), NONE],
		['edit an adopted opinion', (v) => p.canEditOpinion(v, opinion('ADOPTED')), NONE],
		['vote on a draft opinion', (v) => p.canVoteOnOpinion(v, opinion('DRAFT', 2)), COUNCIL],
		['vote on an adopted opinion', (v) => p.canVoteOnOpinion(v, opinion('ADOPTED')), NONE],
		['respond to a draft opinion', (v) => p.canRespondToOpinion(v, opinion('DRAFT')), NONE],
		['respond to an adopted opinion', (v) => p.canRespondToOpinion(v, opinion('ADOPTED')), ADMIN],
		['respond to a published opinion', (v) => p.canRespondToOpinion(v, opinion('PUBLISHED')), NONE],
		['decide on an adopted opinion, holding the secretariat', (v) => p.canDecideOpinionPublication(v, secretariat, opinion('ADOPTED')), COUNCIL],
		['decide on an adopted opinion, without the secretariat', (v) => p.canDecideOpinionPublication(v, member, opinion('ADOPTED')), NONE],
		['decide on an adopted opinion, flags unknown', (v) => p.canDecideOpinionPublication(v, null, opinion('ADOPTED')), NONE],
		['decide on a draft opinion, holding the secretariat', (v) => p.canDecideOpinionPublication(v, secretariat, opinion('DRAFT')), NONE],
		['decide again on a published opinion', (v) => p.canDecideOpinionPublication(v, secretariat, opinion('PUBLISHED')), NONE],
		['view a published opinion of a published round', (v) => p.canViewOpinion(v, opinion('PUBLISHED'), round('PUBLISHED')), ALL],
		['view a private opinion of a published round', (v) => p.canViewOpinion(v, opinion('PRIVATE'), round('PUBLISHED')), INTERNAL],
		['view a draft opinion of a submitted round', (v) => p.canViewOpinion(v, opinion('DRAFT'), round('SUBMITTED')), INTERNAL],
		['see the publication decision', (v) => p.canSeePublicationDecision(v), INTERNAL],
		['grade a submitted round', (v) => p.canGradeMeasures(v, { status: 'SUBMITTED', opinionPublished: false }), COUNCIL],
		['grade a draft round', (v) => p.canGradeMeasures(v, { status: 'DRAFT', opinionPublished: false }), NONE],
		['grade once an opinion is published', (v) => p.canGradeMeasures(v, { status: 'PUBLISHED', opinionPublished: true }), NONE],
		['see grades of a published round with a published opinion', (v) => p.canSeeGrades(v, { status: 'PUBLISHED', opinionPublished: true }), ALL],
		['see grades of a published round without a published opinion', (v) => p.canSeeGrades(v, { status: 'PUBLISHED', opinionPublished: false }), INTERNAL],
		['see grades of a submitted round', (v) => p.canSeeGrades(v, { status: 'SUBMITTED', opinionPublished: false }), INTERNAL]
	];
	const who = Object.keys(viewers) as Who[];

	it('lists the viewers in the order of the columns', () => {
		expect(who).toEqual([
			'anonymous',
			'signedInWithoutRole',
			'amdac',
			'council',
			'amdacInTheTeam',
			'editorWithoutTeam',
			'editorOfAnotherTeam',
			'editorOfTheLeadTeam',
			'editorOfAContributingTeam',
			'admin'
		]);
	});

	for (const [name, policy, row] of cases) {
		it(`may ${name}`, () => {
			expect(Object.fromEntries(who.map((w) => [w, policy(viewers[w])]))).toEqual(Object.fromEntries(who.map((w, i) => [w, row[i]])));
		});
	}
});

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
// Columns: viewInternal, viewDrafts, editMeasure, publishUpdate, changeOwners, manageUsers, managePlan, editSomething, namesHidden, namesShown
const order: Policy[] = [
	'canViewInternal',
	'canViewDrafts',
	'canEditMeasure',
	'canPublishUpdate',
	'canChangeMeasureOwners',
	'canManageUsers',
	'canManagePlan',
	'canEditSomething',
	'canSeeStaffNamesOnAPlanThatHidesThem',
	'canSeeStaffNamesOnAPlanThatShowsThem'
];
const expected: Record<Who, boolean[]> = {
	anonymous: [F, F, F, F, F, F, F, F, F, T],
	signedInWithoutRole: [F, F, F, F, F, F, F, F, F, T],
	amdac: [T, T, F, F, F, F, F, F, T, T],
	council: [T, T, F, F, F, F, F, F, T, T],
	amdacInTheTeam: [T, T, F, F, F, F, F, F, T, T],
	editorWithoutTeam: [T, T, F, F, F, F, F, F, T, T],
	editorOfAnotherTeam: [T, T, F, F, F, F, F, T, T, T],
	editorOfTheLeadTeam: [T, T, T, T, F, F, F, T, T, T],
	editorOfAContributingTeam: [T, T, T, T, F, F, F, T, T, T],
	admin: [T, T, T, T, T, T, T, T, T, T]
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
		editorWithoutTeam: staff,
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

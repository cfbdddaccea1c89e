// Policy matrix: every role × every policy, with the expected answer written out. Deny by default:
// a role or a policy without its row fails the test.
import { describe, expect, it } from 'vitest';
import {
	canChangeMeasureOwners,
	canEditMeasure,
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

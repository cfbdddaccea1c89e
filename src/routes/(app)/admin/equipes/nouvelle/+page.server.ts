import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManageTeams } from '$lib/server/policies';
import { createTeam, OWNER_KINDS } from '$lib/server/domain/teams/teams';
import { createTeamForm, newTeamValues } from '$lib/server/validation/teams';
import { runAction, wordings } from '$lib/server/forms/action';
import { localizeHref } from '$lib/i18n/routing';

export const load: PageServerLoad = async () => {
	requireAllowed(canManageTeams);
	return { initial: newTeamValues(), kinds: OWNER_KINDS };
};

export const actions: Actions = {
	create: (event) =>
		runAction(event, {
			guard: (e) => requireAllowed(canManageTeams, e),
			wording: wordings.teams,
			formId: 'team',
			schema: createTeamForm,
			run: async (admin, data) => createTeam(await requestDb(), admin, data),
			done: (created) => localizeHref(`/admin/equipes/${created.id}?ok=created`, event.locals.locale)
		})
};

import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManageTeams } from '$lib/server/policies';
import { getTeam, OWNER_KINDS, updateTeam, type TeamFields } from '$lib/server/domain/teams/teams';
import { teamValues, updateTeamForm } from '$lib/server/validation/teams';
import { loadAnswer, runAction, wordings } from '$lib/server/forms/action';
import { messages } from '$lib/i18n';
import { localizeHref } from '$lib/i18n/routing';

const SAVED = ['created', 'saved', 'unchanged'] as const;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const admin = requireAllowed(canManageTeams);
	const t = messages(locals.locale);
	const team = await getTeam(await requestDb(), admin, params.id).catch((cause: unknown) => loadAnswer(cause, wordings.teams(t)));
	const ok = url.searchParams.get('ok');
	return { team: { id: team.id, code: team.code }, initial: teamValues(team), kinds: OWNER_KINDS, saved: SAVED.find((key) => key === ok) ?? null };
};

export const actions: Actions = {
	save: (event) =>
		runAction(event, {
			guard: (e) => requireAllowed(canManageTeams, e),
			wording: wordings.teams,
			formId: 'team',
			schema: updateTeamForm,
			run: async (admin, data) => updateTeam(await requestDb(), admin, { ...data, id: event.params.id }),
			stored: (current: TeamFields & { version: number }) => teamValues(current),
			done: (result) => localizeHref(`/admin/equipes/${event.params.id}?ok=${result.changed ? 'saved' : 'unchanged'}`, event.locals.locale)
		})
};

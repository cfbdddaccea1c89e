import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManageTeams } from '$lib/server/policies';
import { listTeamsForAdmin } from '$lib/server/domain/teams/teams';

export const load: PageServerLoad = async () => {
	const admin = requireAllowed(canManageTeams);
	return { teams: await listTeamsForAdmin(await requestDb(), admin) };
};

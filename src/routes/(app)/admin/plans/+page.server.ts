import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManagePlan } from '$lib/server/policies';
import { listPlansForAdmin } from '$lib/server/domain/plans/settings';

export const load: PageServerLoad = async () => {
	const admin = requireAllowed(canManagePlan);
	return { plans: await listPlansForAdmin(await requestDb(), admin) };
};

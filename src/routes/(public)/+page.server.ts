import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getPlanDashboard } from '$lib/server/domain/plan-view';
import { getDefaultPlanSlug } from '$lib/server/domain/measure-view';

export const load: PageServerLoad = async () => {
	const db = await requestDb();
	const slug = await getDefaultPlanSlug(db);
	const dashboard = slug ? await getPlanDashboard(db, slug) : null;
	if (!dashboard) error(404, 'Aucun plan publié');
	return { dashboard };
};

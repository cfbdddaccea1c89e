import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getPlanDashboard } from '$lib/server/domain/plan-view';
import { getPlanAgenda } from '$lib/server/domain/plan-agenda';
import { getDefaultPlanSlug } from '$lib/server/domain/measure-view';
import { PUBLIC_CACHE_CONTROL } from '$lib/server/http/cache';

export const load: PageServerLoad = async ({ setHeaders }) => {
	const db = await requestDb();
	const slug = await getDefaultPlanSlug(db);
	const dashboard = slug ? await getPlanDashboard(db, slug) : null;
	if (!dashboard) error(404, 'Aucun plan publié');
	const agenda = await getPlanAgenda(db, dashboard.plan.id, dashboard.today);
	setHeaders({ 'Cache-Control': PUBLIC_CACHE_CONTROL });
	return { dashboard, agenda };
};

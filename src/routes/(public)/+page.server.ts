import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getPlanDashboard } from '$lib/server/domain/plan-view';
import { getDefaultPlanSlug } from '$lib/server/domain/measure-view';
import { messages } from '$lib/i18n';

export const load: PageServerLoad = async ({ locals }) => {
	const db = await requestDb();
	const slug = await getDefaultPlanSlug(db);
	const dashboard = slug ? await getPlanDashboard(db, slug) : null;
	if (!dashboard) error(404, messages(locals.locale).notFound.title);
	return { dashboard };
};

import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getDefaultPlanSlug } from '$lib/server/domain/measure-view';
import { getDashboardForRequest } from '$lib/server/domain/time-travel-view';

export const load: PageServerLoad = async ({ url }) => {
	const db = await requestDb();
	const slug = await getDefaultPlanSlug(db);
	// `?date=` shows the plan as it stood that day (checked in validation/time-travel.ts).
	const found = slug ? await getDashboardForRequest(db, slug, url.searchParams.get('date')) : null;
	if (!found) error(404, 'Aucun plan publié');
	return found;
};

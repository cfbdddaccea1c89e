import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getPlanAgenda } from '$lib/server/domain/plan-agenda';
import { getDefaultPlanSlug } from '$lib/server/domain/measure-view';
import { getDashboardForRequest } from '$lib/server/domain/time-travel-view';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { messages } from '$lib/i18n';
import { travelDateParam } from '$lib/server/validation/time-travel';

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
	// `?date=` shows the plan as it stood that day; a value that is not a day at all is a bad request.
	const date = travelDateParam.safeParse(url.searchParams.get('date'));
	if (!date.success) error(400, messages(locals.locale).timetravel.problems.malformed);
	const db = await requestDb();
	const slug = await getDefaultPlanSlug(db);
	// Out-of-range days are explained on the page (validation/time-travel.ts).
	const found = slug ? await getDashboardForRequest(db, slug, date.data) : null;
	if (!found) error(404, messages(locals.locale).notFound.title);
	// Upcoming and late milestones are about today: a past day has no agenda.
	const agenda = found.travel.date ? null : await getPlanAgenda(db, found.dashboard.plan.id, found.dashboard.today);
	// Signed-in visitors get `private, no-store` from the authenticate hook, which runs after this.
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	return { ...found, agenda };
};

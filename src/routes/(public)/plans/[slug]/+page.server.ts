import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getPlanAgenda } from '$lib/server/domain/plan-agenda';
import { getDashboardForRequest } from '$lib/server/domain/time-travel-view';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { messages } from '$lib/i18n';
import { travelDateParam } from '$lib/server/validation/time-travel';

const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });

export const load: PageServerLoad = async ({ params: raw, url, locals, setHeaders }) => {
	const parsed = params.safeParse(raw);
	if (!parsed.success) error(404, messages(locals.locale).notFound.title);
	// `?date=` shows the plan as it stood that day; a value that is not a day at all is a bad request.
	const date = travelDateParam.safeParse(url.searchParams.get('date'));
	if (!date.success) error(400, messages(locals.locale).timetravel.problems.malformed);
	const db = await requestDb();
	// Out-of-range days are explained on the page (validation/time-travel.ts).
	const found = await getDashboardForRequest(db, parsed.data.slug, date.data);
	if (!found) error(404, messages(locals.locale).notFound.title);
	// Upcoming and late milestones are about today: a past day has no agenda.
	const agenda = found.travel.date ? null : await getPlanAgenda(db, found.dashboard.plan.id, found.dashboard.today);
	// Signed-in visitors get `private, no-store` from the authenticate hook, which runs after this.
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	return { ...found, agenda };
};

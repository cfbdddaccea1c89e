import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getDashboardPage } from '$lib/server/domain/plans/dashboard-page';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { requestedDate } from '$lib/server/http/travel-date';
import { messages } from '$lib/i18n';

const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });

export const load: PageServerLoad = async ({ params: raw, url, locals, setHeaders }) => {
	const parsed = params.safeParse(raw);
	if (!parsed.success) error(404, messages(locals.locale).notFound.title);
	// `?date=` shows the plan as it stood that day.
	const date = requestedDate(url, locals.locale);
	const page = await getDashboardPage(await requestDb(), parsed.data.slug, date);
	if (!page) error(404, messages(locals.locale).notFound.title);
	// Signed-in visitors get `private, no-store` from the authenticate hook, which runs after this.
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	return page;
};

import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getOwnerPageForRequest } from '$lib/server/domain/time-travel/list-at';
import { SLUG } from '$lib/server/api/params';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { requestedDate } from '$lib/server/http/travel-date';
import { messages } from '$lib/i18n';

const CODE = z.string().regex(/^[A-Z0-9_]{1,60}$/);

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	const slug = SLUG.safeParse(params.slug);
	const code = CODE.safeParse(params.code);
	if (!slug.success || !code.success) error(404, messages(locals.locale).notFound.title);
	// `?date=` shows the team's measures as they stood that day; a value that is not a day is a bad request.
	const date = requestedDate(url, locals.locale);
	// Out-of-range days are explained on the page (validation/time-travel.ts).
	const found = await getOwnerPageForRequest(await requestDb(), slug.data, code.data, date);
	if (!found) error(404, messages(locals.locale).notFound.title);
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	return found;
};

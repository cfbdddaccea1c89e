import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { publicModels } from '$lib/server/read-models/instance';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { requestedDate } from '$lib/server/http/travel-date';
import { notFound } from '$lib/server/http/not-found';
import { renderedOnServer } from '$lib/render/unhydrated';

export const load: PageServerLoad = async ({ params, url, locals, setHeaders, isDataRequest }) => {
	// `?date=` shows the plan as it stood that day.
	const date = requestedDate(url, locals.locale);
	const page = await publicModels.dashboard(await requestDb(), params.slug, date);
	if (!page) notFound(locals.locale);
	// Signed-in visitors get `private, no-store` from the authenticate hook, which runs after this.
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	return renderedOnServer({ isDataRequest }, page);
};

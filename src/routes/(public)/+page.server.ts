import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { publicModels } from '$lib/server/read-models/instance';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { requestedDate } from '$lib/server/http/travel-date';
import { notFound } from '$lib/server/http/not-found';
import { renderedOnServer } from '$lib/render/unhydrated';

export const load: PageServerLoad = async ({ url, locals, setHeaders, isDataRequest }) => {
	const db = await requestDb();
	const plans = await publicModels.plans(db);
	// Signed-in visitors get `private, no-store` from the authenticate hook, which runs after this.
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	// Several public plans: the home lists them. One (or none yet): the plan's dashboard, as ever.
	if (plans.length !== 1) return { plans, lifecycle: null, dashboard: null };
	// `?date=` shows the plan as it stood that day.
	const date = requestedDate(url, locals.locale);
	const page = await publicModels.dashboard(db, plans[0]!.slug, date);
	if (!page) notFound(locals.locale);
	// The plan's banner (archived, followed by…), as its own pages show it from their layout.
	const lifecycle = await publicModels.lifecycle(db, plans[0]!.slug);
	return renderedOnServer({ isDataRequest }, { ...page, plans: null, lifecycle });
};

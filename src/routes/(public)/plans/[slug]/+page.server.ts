import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getPlanDashboard } from '$lib/server/domain/plan-view';
import { getPlanAgenda } from '$lib/server/domain/plan-agenda';
import { PUBLIC_CACHE_CONTROL } from '$lib/server/http/cache';
import { messages } from '$lib/i18n';

const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });

export const load: PageServerLoad = async ({ params: raw, locals, setHeaders }) => {
	const parsed = params.safeParse(raw);
	if (!parsed.success) error(404, messages(locals.locale).notFound.title);
	const db = await requestDb();
	const dashboard = await getPlanDashboard(db, parsed.data.slug);
	if (!dashboard) error(404, messages(locals.locale).notFound.title);
	const agenda = await getPlanAgenda(db, dashboard.plan.id, dashboard.today);
	// Signed-in visitors get `private, no-store` from the authenticate hook, which runs after this.
	setHeaders({ 'Cache-Control': PUBLIC_CACHE_CONTROL });
	return { dashboard, agenda };
};

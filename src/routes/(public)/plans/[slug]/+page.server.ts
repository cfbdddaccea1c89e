import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getPlanDashboard } from '$lib/server/domain/plan-view';
import { messages } from '$lib/i18n';

const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });

export const load: PageServerLoad = async ({ params: raw, locals }) => {
	const parsed = params.safeParse(raw);
	if (!parsed.success) error(404, messages(locals.locale).notFound.title);
	const dashboard = await getPlanDashboard(await requestDb(), parsed.data.slug);
	if (!dashboard) error(404, messages(locals.locale).notFound.title);
	return { dashboard };
};

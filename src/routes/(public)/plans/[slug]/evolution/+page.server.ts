import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getProgressSeries } from '$lib/server/domain/time-travel/compare';
import { messages } from '$lib/i18n';

const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });

export const load: PageServerLoad = async ({ params: raw, locals }) => {
	const parsed = params.safeParse(raw);
	if (!parsed.success) error(404, messages(locals.locale).notFound.title);
	// Every point is rebuilt from one load of the plan's history (a fixed number of queries).
	const series = await getProgressSeries(await requestDb(), parsed.data.slug);
	if (!series) error(404, messages(locals.locale).notFound.title);
	return { series };
};

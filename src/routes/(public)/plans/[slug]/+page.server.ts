import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getDashboardForRequest } from '$lib/server/domain/time-travel-view';
import { messages } from '$lib/i18n';

const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });

export const load: PageServerLoad = async ({ params: raw, url, locals }) => {
	const parsed = params.safeParse(raw);
	if (!parsed.success) error(404, messages(locals.locale).notFound.title);
	// `?date=` shows the plan as it stood that day (checked in validation/time-travel.ts).
	const found = await getDashboardForRequest(await requestDb(), parsed.data.slug, url.searchParams.get('date'));
	if (!found) error(404, messages(locals.locale).notFound.title);
	return found;
};

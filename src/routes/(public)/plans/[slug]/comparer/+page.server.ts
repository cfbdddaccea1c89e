import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getPlanComparison } from '$lib/server/domain/time-travel/compare';
import { getPlanDates } from '$lib/server/domain/time-travel/view';
import { comparisonState } from '$lib/server/validation/time-travel';
import { toIsoDay } from '$lib/domain/dates';
import { messages } from '$lib/i18n';

const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });

export const load: PageServerLoad = async ({ params: raw, url, locals }) => {
	const parsed = params.safeParse(raw);
	if (!parsed.success) error(404, messages(locals.locale).notFound.title);
	const db = await requestDb();
	const dates = await getPlanDates(db, parsed.data.slug);
	if (!dates) error(404, messages(locals.locale).notFound.title);
	// Bad dates are reported next to their fields; the default period is compared meanwhile.
	const today = toIsoDay(new Date());
	const state = comparisonState(url.searchParams.get('du'), url.searchParams.get('au'), { today, ...dates });
	const comparison = await getPlanComparison(db, parsed.data.slug, state.from, state.to);
	if (!comparison) error(404, messages(locals.locale).notFound.title);
	return { comparison, state, adoptedOn: dates.adoptedOn, today };
};

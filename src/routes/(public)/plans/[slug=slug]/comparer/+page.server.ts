import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getPlanComparison } from '$lib/server/domain/time-travel/compare';
import { getPlanDates } from '$lib/server/domain/time-travel/view';
import { comparisonState } from '$lib/server/validation/time-travel';
import { toIsoDay } from '$lib/domain/dates';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const db = await requestDb();
	const dates = await getPlanDates(db, params.slug);
	if (!dates) notFound(locals.locale);
	// Bad dates are reported next to their fields; the default period is compared meanwhile.
	const today = toIsoDay(new Date());
	const state = comparisonState(url.searchParams.get('du'), url.searchParams.get('au'), { today, ...dates });
	const comparison = await getPlanComparison(db, params.slug, state.from, state.to);
	if (!comparison) notFound(locals.locale);
	return { comparison, state, adoptedOn: dates.adoptedOn, today };
};

import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getProgressSeries } from '$lib/server/domain/time-travel/compare';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = async ({ params, locals }) => {
	// Every point is rebuilt from one load of the plan's history (a fixed number of queries).
	const series = await getProgressSeries(await requestDb(), params.slug);
	if (!series) notFound(locals.locale);
	return { series };
};

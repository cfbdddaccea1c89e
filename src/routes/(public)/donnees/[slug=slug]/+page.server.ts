import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getOpenDataOverview } from '$lib/server/opendata/overview';
import { notFound } from '$lib/server/http/not-found';
import { publicOrigin } from '$lib/server/config';

export const load: PageServerLoad = async ({ params, locals }) => {
	const overview = await getOpenDataOverview(await requestDb(), params.slug, publicOrigin(), locals.locale);
	if (!overview) notFound(locals.locale);
	return { overview };
};

import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getOpenDataOverview } from '$lib/server/opendata/overview';
import { notFound } from '$lib/server/http/not-found';
import { publicOrigin } from '$lib/server/config';
import { countPossiblyDeadLinks } from '$lib/server/domain/links/read';

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await requestDb();
	const overview = await getOpenDataOverview(db, params.slug, publicOrigin(), locals.locale);
	if (!overview) notFound(locals.locale);
	return { overview, deadLinkCount: await countPossiblyDeadLinks(db, params.slug) };
};

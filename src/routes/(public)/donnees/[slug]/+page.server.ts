import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getOpenDataOverview } from '$lib/server/opendata/overview';
import { SLUG } from '$lib/server/api/params';
import { messages } from '$lib/i18n';
import { publicOrigin } from '$lib/server/config';

export const load: PageServerLoad = async ({ params, locals }) => {
	const slug = SLUG.safeParse(params.slug);
	if (!slug.success) error(404, messages(locals.locale).notFound.title);
	const overview = await getOpenDataOverview(await requestDb(), slug.data, publicOrigin(), locals.locale);
	if (!overview) error(404, messages(locals.locale).notFound.title);
	return { overview };
};

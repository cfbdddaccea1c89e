import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { planEmbed } from '$lib/server/domain/embed/embed';
import { notFound } from '$lib/server/http/not-found';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { publicOrigin } from '$lib/server/config';
import { embedUrls } from '$lib/embed/snippets';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const embed = await planEmbed(await requestDb(), params.slug);
	if (!embed) notFound(locals.locale);
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	return { embed, pageUrl: embedUrls(publicOrigin(), { kind: 'plan', slug: params.slug }, locals.locale).page };
};

import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getOwnerPage } from '$lib/server/domain/measure-list';
import { SLUG } from '$lib/server/api/params';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { messages } from '$lib/i18n';

const CODE = z.string().regex(/^[A-Z0-9_]{1,60}$/);

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const slug = SLUG.safeParse(params.slug);
	const code = CODE.safeParse(params.code);
	if (!slug.success || !code.success) error(404, messages(locals.locale).notFound.title);
	const page = await getOwnerPage(await requestDb(), slug.data, code.data);
	if (!page) error(404, messages(locals.locale).notFound.title);
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	return { page };
};

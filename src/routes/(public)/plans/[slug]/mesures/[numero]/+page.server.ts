import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getMeasureDetail } from '$lib/server/domain/measure-view';
import { messages } from '$lib/i18n';
import { measurePermissions } from '$lib/server/policies';

const params = z.object({
	slug: z.string().regex(/^[a-z0-9-]{1,120}$/),
	numero: z.string().regex(/^\d{1,3}(\.\d{1,3}){0,2}$/)
});

export const load: PageServerLoad = async ({ params: raw, locals }) => {
	const parsed = params.safeParse(raw);
	if (!parsed.success) error(404, messages(locals.locale).notFound.title);
	const measure = await getMeasureDetail(await requestDb(), parsed.data.slug, parsed.data.numero);
	if (!measure) error(404, messages(locals.locale).notFound.title);
	const { ownership, ...detail } = measure;
	// The page receives booleans only; with no one signed in they are all false.
	return { measure: detail, can: measurePermissions(locals.user, ownership) };
};

import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getMeasureHistory } from '$lib/server/domain/measures/history';
import { messages } from '$lib/i18n';

const params = z.object({
	slug: z.string().regex(/^[a-z0-9-]{1,120}$/),
	numero: z.string().regex(/^\d{1,3}(\.\d{1,3}){0,2}$/)
});

export const load: PageServerLoad = async ({ params: raw, locals }) => {
	const parsed = params.safeParse(raw);
	if (!parsed.success) error(404, messages(locals.locale).notFound.title);
	const history = await getMeasureHistory(await requestDb(), locals.user, parsed.data.slug, parsed.data.numero);
	if (!history) error(404, messages(locals.locale).notFound.title);
	return { history };
};

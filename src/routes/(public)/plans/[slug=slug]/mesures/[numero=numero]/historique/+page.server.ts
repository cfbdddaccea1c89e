import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getMeasureHistory } from '$lib/server/domain/measures/history';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = async ({ params, locals }) => {
	const history = await getMeasureHistory(await requestDb(), locals.user, params.slug, params.numero);
	if (!history) notFound(locals.locale);
	return { history };
};

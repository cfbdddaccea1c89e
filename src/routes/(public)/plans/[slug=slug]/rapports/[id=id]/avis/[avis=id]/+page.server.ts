import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getRound } from '$lib/server/domain/reports/view';
import { reportParams } from '$lib/server/forms/report-params';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { slug, id, avis } = reportParams(params, locals.locale);
	// As the public: an opinion kept private, or not decided yet, is not found, even by its URL.
	const view = await getRound(await requestDb(), null, slug, id);
	const opinion = view?.opinions.find((o) => o.id === avis);
	if (!view || !opinion) notFound(locals.locale);
	return { plan: view.plan, round: { id: view.round.id, title: view.round.title }, opinion };
};

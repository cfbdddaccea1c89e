import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { listRounds } from '$lib/server/domain/reports/view';
import { reportParams } from '$lib/server/forms/report-params';
import { canViewInternal } from '$lib/server/policies';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { slug } = reportParams(params, locals.locale);
	// The public list: published rounds only, whoever asks.
	const list = await listRounds(await requestDb(), null, slug);
	if (!list) notFound(locals.locale);
	return { plan: list.plan, rounds: list.rounds, workspace: canViewInternal(locals.user) };
};

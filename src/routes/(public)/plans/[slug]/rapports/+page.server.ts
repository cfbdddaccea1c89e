import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { listRounds } from '$lib/server/domain/reports/view';
import { reportParams } from '$lib/server/forms/report-params';
import { canViewInternal } from '$lib/server/policies';
import { messages } from '$lib/i18n';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { slug } = reportParams(params, locals.locale);
	// The public list: published rounds only, whoever asks.
	const list = await listRounds(await requestDb(), null, slug);
	if (!list) error(404, messages(locals.locale).notFound.title);
	return { plan: list.plan, rounds: list.rounds, workspace: canViewInternal(locals.user) };
};

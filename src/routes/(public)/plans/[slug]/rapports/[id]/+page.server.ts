import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getRound } from '$lib/server/domain/report-view';
import { reportParams } from '$lib/server/reports/params';
import { canViewInternal } from '$lib/server/policies';
import { messages } from '$lib/i18n';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { slug, id } = reportParams(params, locals.locale);
	// Read as the public (viewer null): a draft or submitted round is a 404 here, even for staff.
	const view = await getRound(await requestDb(), null, slug, id);
	if (!view) error(404, messages(locals.locale).notFound.title);
	return { view, workspace: canViewInternal(locals.user) };
};

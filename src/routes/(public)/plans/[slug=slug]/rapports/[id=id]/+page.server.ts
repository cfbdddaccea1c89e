import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getRound } from '$lib/server/domain/reports/view';
import { reportParams } from '$lib/server/forms/report-params';
import { loadReportThread, reportThreadContext } from '$lib/server/forms/report-thread';
import { commentActions } from '$lib/server/forms/comment-thread';
import { canViewInternal } from '$lib/server/policies';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { slug, id } = reportParams(params, locals.locale);
	// Read as the public (viewer null): a draft or submitted round is a 404 here, even for staff.
	const db = await requestDb();
	const view = await getRound(db, null, slug, id);
	if (!view) notFound(locals.locale);
	const comments = await loadReportThread(db, locals.user, view.round.id, url, locals.locale);
	return { view, workspace: canViewInternal(locals.user), comments };
};

export const actions: Actions = commentActions(reportThreadContext);

// The comment thread of a report round, shared by the council's working page and the published
// page: the round must exist in that plan and be visible to the viewer, or the thread is a 404.
import { type RequestEvent } from '@sveltejs/kit';
import type { Db } from '../db';
import { requestDb } from '../db/request';
import { canViewReportRound, type Viewer } from '../policies';
import { loadCommentThread, type CommentThreadData, type ThreadContext } from './comment-thread';
import { reportParams } from './report-params';
import { messages, type Locale } from '$lib/i18n';
import { notFound } from '../http/not-found';

const TARGET = 'report';

async function visibleRound(db: Db, viewer: Viewer, slug: string, id: string) {
	const round = await db.reportRound.findFirst({ where: { id, plan: { slug } }, select: { id: true, status: true } });
	return round && canViewReportRound(viewer, round) ? round : null;
}

export async function loadReportThread(db: Db, viewer: Viewer, roundId: string, url: URL, locale: Locale): Promise<CommentThreadData> {
	return loadCommentThread(db, viewer, {
		scope: { reportId: roundId },
		targets: [{ value: TARGET, label: messages(locale).comments.targetReport }],
		url,
		locale
	});
}

/** For `commentActions`: the round of the URL, as the signed-in viewer may see it. */
export async function reportThreadContext(event: RequestEvent): Promise<ThreadContext> {
	const { slug, id } = reportParams(event.params, event.locals.locale);
	const db = await requestDb();
	const round = await visibleRound(db, event.locals.user, slug, id);
	if (!round) notFound(event.locals.locale);
	return {
		db,
		scope: { reportId: round.id },
		target: (value) => (value === TARGET ? { type: 'REPORT', reportId: round.id } : null)
	};
}

import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RouteParams } from './$types';
import { requestDb } from '$lib/server/db/request';
import { publicModels } from '$lib/server/read-models/instance';
import { commentActions, loadCommentThread, type ThreadContext } from '$lib/server/forms/comment-thread';
import { measureCommentTargets, type CommentTarget } from '$lib/server/domain/comments/comments';
import { format, messages } from '$lib/i18n';
import { canManagePlan, measurePermissions } from '$lib/server/policies';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { requestedDate } from '$lib/server/http/travel-date';
import { notFound } from '$lib/server/http/not-found';
import { renderedOnServer } from '$lib/render/unhydrated';

export const load: PageServerLoad = async ({ params, url, locals, setHeaders, isDataRequest }) => {
	// `?date=` shows the measure as it stood that day; a value that is not a day at all is a bad request.
	const date = requestedDate(url, locals.locale);
	const db = await requestDb();
	// Out-of-range days are explained on the page (validation/time-travel.ts).
	const found = await publicModels.measure(db, params.slug, params.numero, date);
	if (!found) notFound(locals.locale);
	if (found.measure === 'absent') error(404, messages(locals.locale).timetravel.absent);
	const { ownership, ...detail } = found.measure;
	// A past view is never editable and has no discussion: both belong to today's page.
	const past = found.travel.date !== null;
	const t = messages(locals.locale).comments;
	const targets = [
		{ value: 'measure', label: t.targetMeasure },
		...detail.milestones.map((m) => ({ value: `milestone:${m.id}`, label: format(t.targetMilestone, { title: m.title }) }))
	];
	const comments = past
		? null
		: await loadCommentThread(db, locals.user, {
				scope: { measureId: detail.id },
				targets,
				measureId: detail.id,
				url,
				locale: locals.locale,
				anonymous: () => publicModels.anonymousComments(db, detail.id)
			});
	// Public comments change with the audit sequence like everything else on the page, so anonymous
	// readers may share it; signed-in visitors get `private, no-store` from the authenticate hook.
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	// The page receives booleans only; with no one signed in they are all false.
	// Successions are today's knowledge of the plans, shown on today's page.
	const successions = past ? null : await publicModels.successions(db, detail.id, locals.user !== null);
	// Today's observations only: a past view gets none (see deadLinkNotices).
	const urls = [...detail.evidence.map((e) => e.url), ...detail.updates.flatMap((u) => u.sourceUrls), ...detail.indicators.flatMap((i) => i.values.map((v) => v.sourceUrl))];
	const deadLinks = past ? {} : await publicModels.deadLinks(db, detail.id, urls);
	const can = measurePermissions(past ? null : locals.user, ownership);
	// An archived plan is read-only: no edit link, except to its successions (admins), which stay open.
	const archived = locals.plan?.status === 'ARCHIVED';
	return renderedOnServer(
		{ isDataRequest },
		{
			measure: detail,
			can: { ...can, edit: can.edit && !archived, successions: archived && !past && canManagePlan(locals.user) },
			travel: found.travel,
			comments,
			successions,
			deadLinks
		}
	);
};

/** The measure of the URL, and the targets its comment form accepts: the measure or one of its milestones. */
async function thread(event: RequestEvent<RouteParams>): Promise<ThreadContext> {
	const db = await requestDb();
	const found = await measureCommentTargets(db, event.params.slug, event.params.numero);
	if (!found) notFound(event.locals.locale);
	const { measureId, milestoneIds } = found;
	return {
		db,
		scope: { measureId },
		measureId,
		target: (value): CommentTarget | null => {
			if (value === 'measure') return { type: 'MEASURE', measureId };
			const milestoneId = value.startsWith('milestone:') ? value.slice('milestone:'.length) : null;
			return milestoneId && milestoneIds.has(milestoneId) ? { type: 'MILESTONE', milestoneId } : null;
		}
	};
}

export const actions: Actions = commentActions(thread);

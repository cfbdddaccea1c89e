// Following a measure, and the in-app notifications it brings: a new comment the follower may read,
// a published progress update. The daily digest (digest.ts) mails the ones not mailed yet.
import type { Db } from '../../db';
import type { Prisma } from '../../db/generated/client';
import { auditActor, recordAudit } from '../../audit';
import { canFollow, canSeeComment, canViewReportRound, type Actor, type Viewer } from '../../policies';
import { ACTOR_SELECT, actorFromUser } from '../../auth/actor';
import { ForbiddenError, NotFoundError } from '../errors';

type Tx = Prisma.TransactionClient;

/**
 * One notification per follower of the measure (but the one who acted), for followers whose roles
 * let them read what happened. Called inside the transaction of the write it reports.
 */
export async function notifyFollowers(
	tx: Tx,
	event: {
		measureId: string;
		kind: 'COMMENT' | 'UPDATE_PUBLISHED';
		commentId?: string;
		progressUpdateId?: string;
		excludeUserId: string | null;
		mayRead?: (reader: Actor) => boolean;
		now?: Date;
	}
): Promise<number> {
	const follows = await tx.follow.findMany({
		where: { measureId: event.measureId, user: { disabledAt: null } },
		select: { user: { select: ACTOR_SELECT } }
	});
	const readers = follows.map((f) => actorFromUser(f.user)).filter((reader) => reader.id !== event.excludeUserId && canFollow(reader) && (event.mayRead?.(reader) ?? true));
	if (readers.length === 0) return 0;
	const { count } = await tx.notification.createMany({
		data: readers.map((reader) => ({
			userId: reader.id,
			kind: event.kind,
			measureId: event.measureId,
			commentId: event.commentId ?? null,
			progressUpdateId: event.progressUpdateId ?? null,
			createdAt: event.now ?? new Date()
		}))
	});
	return count;
}

export async function isFollowing(db: Db, viewer: Viewer, measureId: string): Promise<boolean> {
	if (!viewer) return false;
	return (await db.follow.count({ where: { userId: viewer.id, measureId } })) > 0;
}

export async function setFollowing(db: Db, actor: Viewer, input: { measureId: string; follow: boolean }): Promise<{ changed: boolean }> {
	if (!actor || !canFollow(actor)) throw new ForbiddenError();
	return db.$transaction(async (tx) => {
		const measure = await tx.measure.findUnique({ where: { id: input.measureId }, select: { id: true, planId: true } });
		if (!measure) throw new NotFoundError();
		const key = { userId_measureId: { userId: actor.id, measureId: measure.id } };
		const existing = await tx.follow.findUnique({ where: key });
		if (Boolean(existing) === input.follow) return { changed: false };
		if (input.follow) await tx.follow.create({ data: { userId: actor.id, measureId: measure.id } });
		else await tx.follow.delete({ where: key });
		await recordAudit(tx, auditActor(actor), {
			action: input.follow ? 'create' : 'delete',
			entityType: 'Follow',
			entityId: `${actor.id}:${measure.id}`,
			planId: measure.planId,
			measureId: measure.id
		});
		return { changed: true };
	});
}

export interface NotificationView {
	id: string;
	kind: 'COMMENT' | 'UPDATE_PUBLISHED' | 'REPORT_SUBMITTED' | 'REPORT_PUBLISHED';
	createdAt: string;
	read: boolean;
	/** The measure of a comment or update; null for a report notification. */
	measure: { number: string; title: string; planSlug: string } | null;
	/** The report round of a REPORT_* notification; null otherwise. */
	round: { id: string; title: string; planSlug: string } | null;
	/** Who commented, for a comment; null for an update or a comment hidden since. */
	commentAuthor: string | null;
	commentId: string | null;
}

const NOTIFICATION_PAGE = 50;

/** The viewer's latest notifications, newest first; what they may no longer read is left out. */
export async function listNotifications(db: Db, viewer: Actor): Promise<NotificationView[]> {
	const rows = await db.notification.findMany({
		where: { userId: viewer.id },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: NOTIFICATION_PAGE,
		include: {
			comment: { select: { visibility: true, hiddenAt: true, author: { select: { displayName: true } } } },
			round: { select: { id: true, title: true, status: true, plan: { select: { slug: true } } } }
		}
	});
	const measureIds = [...new Set(rows.flatMap((r) => (r.measureId ? [r.measureId] : [])))];
	const measures = measureIds.length
		? await db.measure.findMany({ where: { id: { in: measureIds } }, select: { id: true, number: true, title: true, plan: { select: { slug: true } } } })
		: [];
	const byId = new Map(measures.map((m) => [m.id, m]));
	return rows.flatMap((row): NotificationView[] => {
		const base = { id: row.id, kind: row.kind, createdAt: row.createdAt.toISOString(), read: row.readAt !== null };
		if (row.round) {
			if (!canViewReportRound(viewer, row.round)) return [];
			return [{ ...base, measure: null, round: { id: row.round.id, title: row.round.title, planSlug: row.round.plan.slug }, commentAuthor: null, commentId: null }];
		}
		const measure = row.measureId ? byId.get(row.measureId) : undefined;
		if (!measure) return [];
		if (row.comment && !canSeeComment(viewer, row.comment.visibility)) return [];
		return [
			{
				...base,
				measure: { number: measure.number, title: measure.title, planSlug: measure.plan.slug },
				round: null,
				commentAuthor: row.comment && !row.comment.hiddenAt ? row.comment.author.displayName : null,
				commentId: row.commentId
			}
		];
	});
}

export async function unreadCount(db: Db, viewer: Viewer): Promise<number> {
	if (!viewer) return 0;
	return db.notification.count({ where: { userId: viewer.id, readAt: null } });
}

export async function markAllRead(db: Db, actor: Viewer, now: Date = new Date()): Promise<{ count: number }> {
	if (!actor || !canFollow(actor)) throw new ForbiddenError();
	return db.$transaction(async (tx) => {
		const { count } = await tx.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: now } });
		if (count > 0) {
			await recordAudit(tx, auditActor(actor), { action: 'update', entityType: 'NotificationRead', entityId: actor.id, after: { count } });
		}
		return { count };
	});
}

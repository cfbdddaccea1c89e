// Comments on a measure, a milestone or a report, with one level of replies. Who reads a comment
// depends on its visibility (policies.canSeeComment), filtered in SQL; the text is a Markdown subset
// rendered to sanitised HTML here, on the server. Every write is one transaction with an audit event;
// posting also notifies the measure's followers who may read the comment.
import type { Db } from '../../db';
import { Prisma, type Comment } from '../../db/generated/client';
import { auditActor, recordAudit } from '../../audit';
import { renderMarkdown } from '../../markdown';
import { canComment, canEditComment, canModerate, canPostComment, canSeeComment, COMMENT_VISIBILITIES, type Actor, type CommentVisibility, type Viewer } from '../../policies';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors';
import { notifyFollowers } from '../notifications/notifications';
import { claimFormToken, type OneTimeForm } from '../submissions';

type Tx = Prisma.TransactionClient;

/** What a comment is about. Who may see a report is checked by the route that loaded it. */
export type CommentTarget = { type: 'MEASURE'; measureId: string } | { type: 'MILESTONE'; milestoneId: string } | { type: 'REPORT'; reportId: string };

/** Which comments a page lists: a measure page shows the measure's and its milestones' comments. */
export type CommentScope = { measureId: string } | { reportId: string };

/**
 * The measure of a page's comment form, by plan slug and number, with the ids of its milestones (the
 * other targets a comment there may have); null when the plan has no such measure.
 */
export async function measureCommentTargets(db: Db, slug: string, number: string): Promise<{ measureId: string; milestoneIds: Set<string> } | null> {
	const measure = await db.measure.findFirst({ where: { number, plan: { slug } }, select: { id: true, milestones: { select: { id: true } } } });
	return measure ? { measureId: measure.id, milestoneIds: new Set(measure.milestones.map((m) => m.id)) } : null;
}

/** At most this many comments per user in the window: stored in Postgres, so it holds across servers. */
export const RATE_LIMIT = { count: 5, windowMs: 10 * 60 * 1000 };
export const BODY_MAX = 5000;
export const REASON_MAX = 500;

/** Too many comments in a short time; nothing was written. */
export class RateLimitError extends Error {
	constructor(readonly retryAfterSeconds: number) {
		super('rate limited');
		this.name = 'RateLimitError';
	}
}

export interface CommentView {
	id: string;
	targetType: 'MEASURE' | 'MILESTONE' | 'REPORT';
	milestoneId: string | null;
	milestoneTitle: string | null;
	visibility: CommentVisibility;
	authorName: string;
	authorOrganisation: string | null;
	createdAt: string;
	editedAt: string | null;
	hidden: boolean;
	hiddenReason: string | null;
	/** Sanitised HTML; null when hidden (moderators still get it, to decide on restoring). */
	html: string | null;
	/** The Markdown source, only for the author while they may still edit it. */
	body: string | null;
	version: number;
	can: { edit: boolean; reply: boolean; moderate: boolean };
	/** What a reply by the viewer may be visible to (never wider than this comment). */
	replyVisibilities: CommentVisibility[];
	replies: CommentView[];
}

const RANK: Record<CommentVisibility, number> = { PUBLIC: 0, WORKING_GROUP: 1, INTERNAL: 2 };

function visibleTo(viewer: Viewer): CommentVisibility[] {
	return COMMENT_VISIBILITIES.filter((v) => canSeeComment(viewer, v));
}

/** Visibilities the viewer may choose for a reply to `parent` (never wider than the parent's). */
export function visibilityChoices(viewer: Viewer, parent?: CommentVisibility): CommentVisibility[] {
	return COMMENT_VISIBILITIES.filter((v) => canPostComment(viewer, v) && (!parent || RANK[v] >= RANK[parent]));
}

const snapshot = (c: Comment) => ({
	targetType: c.targetType,
	measureId: c.measureId,
	milestoneId: c.milestoneId,
	reportId: c.reportId,
	parentId: c.parentId,
	visibility: c.visibility,
	body: c.body,
	editedAt: c.editedAt?.toISOString() ?? null,
	hiddenAt: c.hiddenAt?.toISOString() ?? null,
	hiddenReason: c.hiddenReason,
	hiddenById: c.hiddenById
});

async function audit(tx: Tx, actor: Actor, action: 'create' | 'update', row: Comment, planId: string | null, before?: Comment, reason?: string | null) {
	await recordAudit(tx, auditActor(actor), {
		action,
		entityType: 'Comment',
		entityId: row.id,
		planId,
		measureId: row.measureId,
		before: before ? snapshot(before) : undefined,
		after: snapshot(row),
		reason
	});
}

interface ResolvedTarget {
	targetType: 'MEASURE' | 'MILESTONE' | 'REPORT';
	measureId: string | null;
	milestoneId: string | null;
	reportId: string | null;
	planId: string | null;
}

async function resolveTarget(tx: Tx, target: CommentTarget): Promise<ResolvedTarget> {
	switch (target.type) {
		case 'MEASURE': {
			const measure = await tx.measure.findUnique({ where: { id: target.measureId }, select: { id: true, planId: true } });
			if (!measure) throw new NotFoundError();
			return { targetType: 'MEASURE', measureId: measure.id, milestoneId: null, reportId: null, planId: measure.planId };
		}
		case 'MILESTONE': {
			const milestone = await tx.milestone.findUnique({ where: { id: target.milestoneId }, select: { id: true, measure: { select: { id: true, planId: true } } } });
			if (!milestone) throw new NotFoundError();
			return { targetType: 'MILESTONE', measureId: milestone.measure.id, milestoneId: milestone.id, reportId: null, planId: milestone.measure.planId };
		}
		case 'REPORT': {
			const round = await tx.reportRound.findUnique({ where: { id: target.reportId }, select: { id: true, planId: true } });
			if (!round) throw new NotFoundError();
			return { targetType: 'REPORT', measureId: null, milestoneId: null, reportId: round.id, planId: round.planId };
		}
	}
}

const sameTarget = (a: ResolvedTarget, b: Comment) => a.targetType === b.targetType && a.measureId === b.measureId && a.milestoneId === b.milestoneId && a.reportId === b.reportId;

async function enforceRateLimit(tx: Tx, authorId: string, now: Date): Promise<void> {
	const since = new Date(now.getTime() - RATE_LIMIT.windowMs);
	const recent = await tx.comment.findMany({
		where: { authorId, createdAt: { gt: since } },
		orderBy: { createdAt: 'asc' },
		select: { createdAt: true },
		take: RATE_LIMIT.count
	});
	if (recent.length >= RATE_LIMIT.count) {
		const freesAt = recent[0]!.createdAt.getTime() + RATE_LIMIT.windowMs;
		throw new RateLimitError(Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)));
	}
}

export interface PostInput {
	target: CommentTarget;
	/** A reply: the top-level comment it answers, on the same target. */
	parentId?: string | null;
	visibility: CommentVisibility;
	body: string;
}

export async function postComment(db: Db, actor: Viewer, input: PostInput & OneTimeForm, now: Date = new Date()): Promise<{ id: string }> {
	if (!actor || !canPostComment(actor, input.visibility)) throw new ForbiddenError();
	return db.$transaction(async (tx) => {
		await claimFormToken(tx, actor, input);
		const target = await resolveTarget(tx, input.target);
		if (input.parentId) {
			const parent = await tx.comment.findUnique({ where: { id: input.parentId } });
			if (!parent || !sameTarget(target, parent) || !canSeeComment(actor, parent.visibility)) throw new NotFoundError();
			if (parent.parentId) throw new RuleError('comments.errors.replyDepth');
			if (parent.hiddenAt) throw new RuleError('comments.errors.replyHidden');
			if (RANK[input.visibility] < RANK[parent.visibility]) throw new RuleError('comments.errors.replyWider', 'visibility');
		}
		await enforceRateLimit(tx, actor.id, now);
		const created = await tx.comment.create({
			data: {
				targetType: target.targetType,
				measureId: target.measureId,
				milestoneId: target.milestoneId,
				reportId: target.reportId,
				parentId: input.parentId ?? null,
				authorId: actor.id,
				visibility: input.visibility,
				body: input.body,
				createdAt: now
			}
		});
		await audit(tx, actor, 'create', created, target.planId);
		if (created.measureId) {
			await notifyFollowers(tx, {
				measureId: created.measureId,
				kind: 'COMMENT',
				commentId: created.id,
				excludeUserId: actor.id,
				mayRead: (reader) => canSeeComment(reader, created.visibility),
				now
			});
		}
		return { id: created.id };
	});
}

async function loadForWrite(tx: Tx, commentId: string, version: number): Promise<Comment> {
	const row = await tx.comment.findUnique({ where: { id: commentId } });
	if (!row) throw new NotFoundError();
	if (row.version !== version) throw new ConflictError({ version: row.version, body: row.body });
	return row;
}

async function planOf(tx: Tx, row: Comment): Promise<string | null> {
	if (!row.measureId) return null;
	return (await tx.measure.findUnique({ where: { id: row.measureId }, select: { planId: true } }))?.planId ?? null;
}

async function save(tx: Tx, row: Comment, data: Prisma.CommentUncheckedUpdateManyInput): Promise<Comment> {
	const { count } = await tx.comment.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
	if (count === 0) throw new ConflictError({ version: row.version, body: row.body });
	return tx.comment.findUniqueOrThrow({ where: { id: row.id } });
}

/** The author corrects their comment within 15 minutes; it then shows "modifié". */
export async function editComment(db: Db, actor: Viewer, input: { commentId: string; version: number; body: string }, now: Date = new Date()): Promise<void> {
	if (!actor || !canComment(actor)) throw new ForbiddenError();
	await db.$transaction(async (tx) => {
		const row = await loadForWrite(tx, input.commentId, input.version);
		if (!canSeeComment(actor, row.visibility)) throw new NotFoundError();
		if (!canEditComment(actor, row, now)) {
			if (row.authorId === actor.id && !row.hiddenAt) throw new RuleError('comments.errors.editWindow');
			throw new ForbiddenError();
		}
		if (row.body === input.body) return;
		const saved = await save(tx, row, { body: input.body, editedAt: now });
		await audit(tx, actor, 'update', saved, await planOf(tx, row), row);
	});
}

/** Moderation: the comment stays, its text is replaced by "masqué par la modération : raison". */
export async function hideComment(db: Db, actor: Viewer, input: { commentId: string; version: number; reason: string }, now: Date = new Date()): Promise<void> {
	if (!actor || !canModerate(actor)) throw new ForbiddenError();
	await db.$transaction(async (tx) => {
		const row = await loadForWrite(tx, input.commentId, input.version);
		if (row.hiddenAt) throw new RuleError('comments.errors.alreadyHidden');
		const saved = await save(tx, row, { hiddenAt: now, hiddenReason: input.reason, hiddenById: actor.id });
		await audit(tx, actor, 'update', saved, await planOf(tx, row), row, input.reason);
	});
}

export async function restoreComment(db: Db, actor: Viewer, input: { commentId: string; version: number }): Promise<void> {
	if (!actor || !canModerate(actor)) throw new ForbiddenError();
	await db.$transaction(async (tx) => {
		const row = await loadForWrite(tx, input.commentId, input.version);
		if (!row.hiddenAt) throw new RuleError('comments.errors.notHidden');
		const saved = await save(tx, row, { hiddenAt: null, hiddenReason: null, hiddenById: null });
		await audit(tx, actor, 'update', saved, await planOf(tx, row), row);
	});
}

/** A comment as a thread lists it: its columns, with its author's name and its milestone's title. */
interface ListRow {
	id: string;
	targetType: CommentView['targetType'];
	milestoneId: string | null;
	parentId: string | null;
	authorId: string;
	visibility: CommentVisibility;
	body: string;
	createdAt: Date;
	editedAt: Date | null;
	hiddenAt: Date | null;
	hiddenReason: string | null;
	version: number;
	authorName: string;
	authorOrganisation: string | null;
	milestoneTitle: string | null;
}

function toView(viewer: Viewer, row: ListRow, now: Date): CommentView {
	const moderate = canModerate(viewer);
	const edit = canEditComment(viewer, row, now);
	const reply = !row.parentId && !row.hiddenAt && canComment(viewer);
	return {
		id: row.id,
		targetType: row.targetType,
		milestoneId: row.milestoneId,
		milestoneTitle: row.milestoneTitle,
		visibility: row.visibility,
		authorName: row.authorName,
		authorOrganisation: row.authorOrganisation,
		createdAt: row.createdAt.toISOString(),
		editedAt: row.editedAt?.toISOString() ?? null,
		hidden: row.hiddenAt !== null,
		hiddenReason: row.hiddenReason,
		html: row.hiddenAt && !moderate ? null : renderMarkdown(row.body),
		body: edit ? row.body : null,
		version: row.version,
		can: { edit, reply, moderate },
		replyVisibilities: reply ? visibilityChoices(viewer, row.visibility) : [],
		replies: []
	};
}

/** The comments of a page the viewer may read, oldest first, replies under their parent. */
export async function listComments(db: Db, viewer: Viewer, scope: CommentScope, now: Date = new Date()): Promise<CommentView[]> {
	const visibilities = visibleTo(viewer);
	if (visibilities.length === 0) return [];
	const where = 'measureId' in scope ? Prisma.sql`c."measureId" = ${scope.measureId}` : Prisma.sql`c."reportId" = ${scope.reportId} AND c."targetType"::text = 'REPORT'`;
	// One round trip on every page with a thread (Prisma's include sends one per relation, even for no comment).
	const rows = await db.$queryRaw<ListRow[]>`
		SELECT c."id", c."targetType"::text AS "targetType", c."milestoneId", c."parentId", c."authorId", c."visibility"::text AS "visibility",
			c."body", c."createdAt", c."editedAt", c."hiddenAt", c."hiddenReason", c."version",
			a."displayName" AS "authorName", a."organisation" AS "authorOrganisation", ms."title" AS "milestoneTitle"
		FROM "Comment" c JOIN "User" a ON a."id" = c."authorId" LEFT JOIN "Milestone" ms ON ms."id" = c."milestoneId"
		WHERE ${where} AND c."visibility"::text IN (${Prisma.join(visibilities)})
		ORDER BY c."createdAt" ASC, c."id" ASC`;
	const top = new Map<string, CommentView>();
	for (const row of rows) if (!row.parentId) top.set(row.id, toView(viewer, row, now));
	// A reply whose parent the viewer may not read is left out with it.
	for (const row of rows) if (row.parentId) top.get(row.parentId)?.replies.push(toView(viewer, row, now));
	return [...top.values()];
}

// Comments, follows and notifications against a real (PGlite or PostgreSQL) database: every write
// audited, forbidden actors rejected with nothing written, the 15-minute edit window, the rate limit,
// and visibility filtering per role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { measureId } from '../helpers/editing';
import { makeUser } from './auth-fixtures';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { createRound } from '../../src/lib/server/domain/reports/rounds';
import { REPORT_SECTION_KEYS, type ReportSections } from '../../src/lib/domain/report-snapshot';
import {
	editComment,
	hideComment,
	listComments,
	measureCommentTargets,
	postComment,
	RATE_LIMIT,
	RateLimitError,
	restoreComment,
	type CommentView
} from '../../src/lib/server/domain/comments/comments';
import { listNotifications, markAllRead, setFollowing, unreadCount } from '../../src/lib/server/domain/notifications/notifications';
import { publishUpdate, saveUpdateDraft } from '../../src/lib/server/domain/measures/progress-updates';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../src/lib/server/domain/errors';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/policies';

let database: TestDatabase;
let db: Db;
let m11: string;
let m12: string;
let milestoneOf11: string;
const people = {} as Record<'admin' | 'label' | 'amdac' | 'council' | 'talents' | 'noRole', Actor>;

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
	db = database.prisma;
	m11 = await measureId(db, '1.1');
	m12 = await measureId(db, '1.2');
	const milestone = await db.milestone.findFirst({ where: { measureId: m11 } });
	milestoneOf11 = milestone?.id ?? (await db.milestone.create({ data: { measureId: m11, title: 'Jalon de test', position: 99 } })).id;
	people.admin = await makeUser(db, ['ADMIN']);
	people.label = await makeUser(db, ['EDITOR'], ['LABEL']);
	people.talents = await makeUser(db, ['EDITOR'], ['TALENTS']);
	people.amdac = await makeUser(db, ['AMDAC']);
	people.council = await makeUser(db, ['COUNCIL']);
	// Accounts always have a role; a role-less actor stands for one whose roles were all removed.
	people.noRole = { id: 'user-without-role', displayName: 'Sans rôle', roles: [], teamIds: [] };
}, 120_000);
afterAll(async () => {
	await database?.close();
});

/** Everything a comment write could change, to prove that a refused one wrote nothing. */
async function footprint() {
	const [comments, audit, follows, notifications] = await Promise.all([
		db.comment.findMany({ orderBy: { id: 'asc' } }),
		db.auditEvent.count(),
		db.follow.count(),
		db.notification.findMany({ orderBy: { id: 'asc' } })
	]);
	return JSON.stringify({ comments, audit, follows, notifications });
}

async function lastAudit() {
	return db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
}

const ids = (views: CommentView[]) => views.flatMap((v) => [v.id, ...v.replies.map((r) => r.id)]);
let clock = new Date('2026-11-30T08:00:00Z').getTime();
/** A fresh minute for each post, so that the rate limit of one user is not reached by accident. */
const later = () => new Date((clock += 3 * 60 * 1000));

describe('writes are audited, one event each, in the same transaction', () => {
	it('post, reply, edit, hide, restore, follow, unfollow, mark as read', async () => {
		const now = later();
		const audits = async () => db.auditEvent.count();
		let count = await audits();

		const { id } = await postComment(db, people.amdac, { target: { type: 'MEASURE', measureId: m11 }, visibility: 'PUBLIC', body: 'Premier *avis*' }, now);
		expect(await audits()).toBe(++count);
		expect(await lastAudit()).toMatchObject({ action: 'create', entityType: 'Comment', entityId: id, measureId: m11, actorId: people.amdac.id, actorRole: 'AMDAC' });

		const reply = await postComment(db, people.council, { target: { type: 'MEASURE', measureId: m11 }, parentId: id, visibility: 'PUBLIC', body: 'Réponse' }, now);
		expect(await audits()).toBe(++count);
		expect(await lastAudit()).toMatchObject({ entityId: reply.id, action: 'create' });

		await editComment(db, people.amdac, { commentId: id, version: 1, body: 'Premier **avis** corrigé' }, new Date(now.getTime() + 60_000));
		expect(await audits()).toBe(++count);
		const edited = await lastAudit();
		expect(edited).toMatchObject({ action: 'update', entityId: id });
		expect(edited.before).toMatchObject({ body: 'Premier *avis*' });
		expect(edited.after).toMatchObject({ body: 'Premier **avis** corrigé' });

		await hideComment(db, people.admin, { commentId: id, version: 2, reason: 'Hors sujet' }, now);
		expect(await audits()).toBe(++count);
		expect(await lastAudit()).toMatchObject({ action: 'update', entityId: id, reason: 'Hors sujet', actorRole: 'ADMIN' });

		await restoreComment(db, people.admin, { commentId: id, version: 3 });
		expect(await audits()).toBe(++count);

		await setFollowing(db, people.council, { measureId: m11, follow: true });
		expect(await audits()).toBe(++count);
		expect(await lastAudit()).toMatchObject({ action: 'create', entityType: 'Follow', measureId: m11 });
		// Following twice changes nothing and records nothing.
		expect(await setFollowing(db, people.council, { measureId: m11, follow: true })).toEqual({ changed: false });
		expect(await audits()).toBe(count);

		await postComment(db, people.amdac, { target: { type: 'MEASURE', measureId: m11 }, visibility: 'PUBLIC', body: 'Pour le suiveur' }, later());
		count += 1;
		expect(await unreadCount(db, people.council)).toBe(1);
		await markAllRead(db, people.council);
		expect(await audits()).toBe(++count);
		expect(await unreadCount(db, people.council)).toBe(0);

		await setFollowing(db, people.council, { measureId: m11, follow: false });
		expect(await audits()).toBe(count + 1);
		expect(await lastAudit()).toMatchObject({ action: 'delete', entityType: 'Follow' });
	});

	it('leaves comment events out of the public change history', async () => {
		const { getMeasureHistory } = await import('../../src/lib/server/domain/measures/history');
		const { DEFAULT_PLAN_SLUG } = await import('../../src/lib/server/seed');
		const history = await getMeasureHistory(db, null, DEFAULT_PLAN_SLUG, '1.1');
		expect(JSON.stringify(history)).not.toContain('Premier');
	});
});

describe('forbidden actors are rejected with nothing written', () => {
	let target: string;
	beforeAll(async () => {
		target = (await postComment(db, people.label, { target: { type: 'MEASURE', measureId: m12 }, visibility: 'PUBLIC', body: 'Cible' }, later())).id;
	});

	const cases: [string, () => Promise<unknown>, new (...args: never[]) => Error][] = [
		['an anonymous visitor posts', () => postComment(db, null, { target: { type: 'MEASURE', measureId: m12 }, visibility: 'PUBLIC', body: 'x' }), ForbiddenError],
		['an account without a role posts', () => postComment(db, people.noRole, { target: { type: 'MEASURE', measureId: m12 }, visibility: 'PUBLIC', body: 'x' }), ForbiddenError],
		[
			'an AMDAC member posts an internal comment',
			() => postComment(db, people.amdac, { target: { type: 'MEASURE', measureId: m12 }, visibility: 'INTERNAL', body: 'x' }),
			ForbiddenError
		],
		[
			'a council member posts an internal comment',
			() => postComment(db, people.council, { target: { type: 'MEASURE', measureId: m12 }, visibility: 'INTERNAL', body: 'x' }),
			ForbiddenError
		],
		[
			'someone posts on a missing measure',
			() => postComment(db, people.amdac, { target: { type: 'MEASURE', measureId: 'missing' }, visibility: 'PUBLIC', body: 'x' }),
			NotFoundError
		],
		[
			'someone replies across measures',
			() => postComment(db, people.amdac, { target: { type: 'MEASURE', measureId: m11 }, parentId: target, visibility: 'PUBLIC', body: 'x' }),
			NotFoundError
		],
		['someone else edits the comment', () => editComment(db, people.council, { commentId: target, version: 1, body: 'pris' }), ForbiddenError],
		['another editor edits the comment', () => editComment(db, people.talents, { commentId: target, version: 1, body: 'pris' }), ForbiddenError],
		['an editor hides a comment', () => hideComment(db, people.label, { commentId: target, version: 1, reason: 'x' }), ForbiddenError],
		['an AMDAC member hides a comment', () => hideComment(db, people.amdac, { commentId: target, version: 1, reason: 'x' }), ForbiddenError],
		['an anonymous visitor hides a comment', () => hideComment(db, null, { commentId: target, version: 1, reason: 'x' }), ForbiddenError],
		['a council member restores a comment', () => restoreComment(db, people.council, { commentId: target, version: 1 }), ForbiddenError],
		['an anonymous visitor follows', () => setFollowing(db, null, { measureId: m12, follow: true }), ForbiddenError],
		['an account without a role follows', () => setFollowing(db, people.noRole, { measureId: m12, follow: true }), ForbiddenError],
		['an admin hides with a stale version', () => hideComment(db, people.admin, { commentId: target, version: 7, reason: 'x' }), ConflictError]
	];
	for (const [name, attempt, error] of cases) {
		it(`refuses when ${name}`, async () => {
			const before = await footprint();
			await expect(attempt()).rejects.toBeInstanceOf(error);
			expect(await footprint()).toBe(before);
		});
	}
});

describe('the 15-minute edit window', () => {
	it('lets the author edit until 15 minutes, marks the comment edited, then refuses', async () => {
		const postedAt = later();
		const { id } = await postComment(db, people.council, { target: { type: 'MEASURE', measureId: m12 }, visibility: 'WORKING_GROUP', body: 'Version 1' }, postedAt);
		const at = (minutes: number) => new Date(postedAt.getTime() + minutes * 60_000);
		await editComment(db, people.council, { commentId: id, version: 1, body: 'Version 2' }, at(14.9));
		const row = await db.comment.findUniqueOrThrow({ where: { id } });
		expect(row).toMatchObject({ body: 'Version 2', version: 2 });
		expect(row.editedAt?.toISOString()).toBe(at(14.9).toISOString());
		const view = (await listComments(db, people.council, { measureId: m12 }, at(14.9))).find((c) => c.id === id);
		expect(view?.editedAt).not.toBeNull();

		const before = await footprint();
		await expect(editComment(db, people.council, { commentId: id, version: 2, body: 'Version 3' }, at(15))).rejects.toMatchObject({ messageKey: 'comments.errors.editWindow' });
		expect(await footprint()).toBe(before);
		const late = (await listComments(db, people.council, { measureId: m12 }, at(15))).find((c) => c.id === id);
		expect(late?.can.edit).toBe(false);
		expect(late?.body).toBeNull();
	});

	it('refuses editing a hidden comment, even within the window', async () => {
		const postedAt = later();
		const { id } = await postComment(db, people.amdac, { target: { type: 'MEASURE', measureId: m12 }, visibility: 'PUBLIC', body: 'À masquer' }, postedAt);
		await hideComment(db, people.admin, { commentId: id, version: 1, reason: 'Propos injurieux' }, postedAt);
		await expect(editComment(db, people.amdac, { commentId: id, version: 2, body: 'Changé' }, postedAt)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('rate limit, stored in the database', () => {
	it(`accepts ${RATE_LIMIT.count} comments in the window, refuses the next, accepts again once the window has passed`, async () => {
		const writer = await makeUser(db, ['AMDAC']);
		const start = new Date('2026-12-01T09:00:00Z');
		const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
		for (let i = 0; i < RATE_LIMIT.count; i++) {
			await postComment(db, writer, { target: { type: 'MEASURE', measureId: m12 }, visibility: 'PUBLIC', body: `Message ${i}` }, at(i));
		}
		const before = await footprint();
		const refused = postComment(db, writer, { target: { type: 'MEASURE', measureId: m12 }, visibility: 'PUBLIC', body: 'De trop' }, at(60));
		await expect(refused).rejects.toBeInstanceOf(RateLimitError);
		await expect(refused).rejects.toMatchObject({ retryAfterSeconds: RATE_LIMIT.windowMs / 1000 - 60 });
		expect(await footprint()).toBe(before);
		// Another user is not affected.
		await expect(postComment(db, people.label, { target: { type: 'MEASURE', measureId: m12 }, visibility: 'PUBLIC', body: 'Autre' }, at(61))).resolves.toHaveProperty('id');
		// Once the first comment is older than the window, one more is accepted.
		await expect(
			postComment(db, writer, { target: { type: 'MEASURE', measureId: m12 }, visibility: 'PUBLIC', body: 'Plus tard' }, at(RATE_LIMIT.windowMs / 1000 + 1))
		).resolves.toHaveProperty('id');
	});
});

describe('visibility filtering per role', () => {
	let measure: string;
	const posted = {} as Record<'public' | 'group' | 'internal' | 'internalReply' | 'milestone', string>;
	beforeAll(async () => {
		measure = await measureId(db, '1.1');
		await db.comment.deleteMany({ where: { measureId: measure } });
		posted.public = (await postComment(db, people.amdac, { target: { type: 'MEASURE', measureId: measure }, visibility: 'PUBLIC', body: 'Public' }, later())).id;
		posted.group = (await postComment(db, people.amdac, { target: { type: 'MEASURE', measureId: measure }, visibility: 'WORKING_GROUP', body: 'Groupe' }, later())).id;
		posted.internal = (await postComment(db, people.label, { target: { type: 'MEASURE', measureId: measure }, visibility: 'INTERNAL', body: 'Interne' }, later())).id;
		posted.internalReply = (
			await postComment(db, people.admin, { target: { type: 'MEASURE', measureId: measure }, parentId: posted.internal, visibility: 'INTERNAL', body: 'Réponse interne' }, later())
		).id;
		posted.milestone = (
			await postComment(db, people.council, { target: { type: 'MILESTONE', milestoneId: milestoneOf11 }, visibility: 'PUBLIC', body: 'Sur le jalon' }, later())
		).id;
	});

	it.each([
		['anonymous', null, ['public', 'milestone']],
		['no role', 'noRole', ['public', 'milestone']],
		['amdac', 'amdac', ['public', 'group', 'milestone']],
		['council', 'council', ['public', 'group', 'milestone']],
		['editor of the team', 'label', ['public', 'group', 'internal', 'internalReply', 'milestone']],
		['editor of another team', 'talents', ['public', 'group', 'internal', 'internalReply', 'milestone']],
		['admin', 'admin', ['public', 'group', 'internal', 'internalReply', 'milestone']]
	] as const)('%s sees what their role allows', async (_name, who, expected) => {
		const viewer = who ? people[who] : null;
		const seen = ids(await listComments(db, viewer, { measureId: measure }));
		expect(seen.sort()).toEqual(expected.map((k) => posted[k]).sort());
	});

	it('shows the author’s name and organisation, and the milestone a comment is about', async () => {
		const views = await listComments(db, null, { measureId: measure });
		const milestone = views.find((v) => v.id === posted.milestone);
		expect(milestone).toMatchObject({ targetType: 'MILESTONE', milestoneId: milestoneOf11, authorName: people.council.displayName });
		expect(milestone?.milestoneTitle).toBeTruthy();
		expect(views.find((v) => v.id === posted.public)?.html).toBe('<p>Public</p>');
	});

	it('refuses a reply wider than its parent, and a reply to a reply', async () => {
		await expect(
			postComment(db, people.label, { target: { type: 'MEASURE', measureId: measure }, parentId: posted.internal, visibility: 'PUBLIC', body: 'Fuite' }, later())
		).rejects.toMatchObject({ messageKey: 'comments.errors.replyWider', field: 'visibility' });
		await expect(
			postComment(db, people.label, { target: { type: 'MEASURE', measureId: measure }, parentId: posted.internalReply, visibility: 'INTERNAL', body: 'Trop profond' }, later())
		).rejects.toBeInstanceOf(RuleError);
		// An AMDAC member cannot reply to what they cannot read: it does not exist for them.
		await expect(
			postComment(db, people.amdac, { target: { type: 'MEASURE', measureId: measure }, parentId: posted.internal, visibility: 'WORKING_GROUP', body: 'x' }, later())
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('replaces a hidden comment’s text by the moderation notice, except for moderators', async () => {
		const row = await db.comment.findUniqueOrThrow({ where: { id: posted.public } });
		await hideComment(db, people.admin, { commentId: row.id, version: row.version, reason: 'Données personnelles' });
		const publicView = (await listComments(db, null, { measureId: measure })).find((v) => v.id === posted.public);
		expect(publicView).toMatchObject({ hidden: true, hiddenReason: 'Données personnelles', html: null, can: { reply: false } });
		const adminView = (await listComments(db, people.admin, { measureId: measure })).find((v) => v.id === posted.public);
		expect(adminView).toMatchObject({ hidden: true, html: '<p>Public</p>', can: { moderate: true } });
		await expect(hideComment(db, people.admin, { commentId: row.id, version: row.version + 1, reason: 'encore' })).rejects.toBeInstanceOf(RuleError);
	});

	it('lists report comments by report, and refuses a report that does not exist', async () => {
		const sections = Object.fromEntries(REPORT_SECTION_KEYS.map((key) => [key, ''])) as ReportSections;
		const round = await createRound(db, people.admin, { planSlug: DEFAULT_PLAN_SLUG, title: 'Rapport T4 2026', periodStart: '2026-10-01', periodEnd: '2026-12-31', sections });
		const { id } = await postComment(db, people.council, { target: { type: 'REPORT', reportId: round.id }, visibility: 'WORKING_GROUP', body: 'Avis sur le rapport' }, later());
		expect(ids(await listComments(db, people.amdac, { reportId: round.id }))).toEqual([id]);
		expect(await listComments(db, null, { reportId: round.id })).toEqual([]);
		const before = await db.comment.count();
		await expect(postComment(db, people.council, { target: { type: 'REPORT', reportId: 'no-such-report' }, visibility: 'PUBLIC', body: 'Perdu' }, later())).rejects.toBeInstanceOf(
			NotFoundError
		);
		expect(await db.comment.count()).toBe(before);
	});
});

describe('what a measure page lets a comment be about', () => {
	it('the measure of the URL and its own milestones, nothing from another measure or plan', async () => {
		const found = await measureCommentTargets(db, DEFAULT_PLAN_SLUG, '1.1');
		expect(found?.measureId).toBe(m11);
		const milestones = await db.milestone.findMany({ where: { measureId: m11 }, select: { id: true } });
		expect([...found!.milestoneIds].sort()).toEqual(milestones.map((m) => m.id).sort());
		expect(found!.milestoneIds.has(milestoneOf11)).toBe(true);
		const other = await measureCommentTargets(db, DEFAULT_PLAN_SLUG, '1.2');
		expect(other?.measureId).toBe(m12);
		expect(other!.milestoneIds.has(milestoneOf11)).toBe(false);
		expect(await measureCommentTargets(db, DEFAULT_PLAN_SLUG, '99.9')).toBeNull();
		expect(await measureCommentTargets(db, 'autre-plan', '1.1')).toBeNull();
	});
});

describe('notifications of followers', () => {
	it('notifies followers who may read the comment, never the author, and on published updates', async () => {
		const m = await measureId(db, '1.3');
		const amdac = await makeUser(db, ['AMDAC']);
		const editor = await makeUser(db, ['EDITOR'], ['LABEL']);
		await setFollowing(db, amdac, { measureId: m, follow: true });
		await setFollowing(db, editor, { measureId: m, follow: true });

		await postComment(db, editor, { target: { type: 'MEASURE', measureId: m }, visibility: 'INTERNAL', body: 'Entre nous' }, later());
		expect(await unreadCount(db, amdac)).toBe(0);
		expect(await unreadCount(db, editor)).toBe(0);

		const { id } = await postComment(db, editor, { target: { type: 'MEASURE', measureId: m }, visibility: 'PUBLIC', body: 'Pour tous' }, later());
		expect(await unreadCount(db, amdac)).toBe(1);
		const [notification] = await listNotifications(db, amdac);
		expect(notification).toMatchObject({ kind: 'COMMENT', commentId: id, commentAuthor: editor.displayName, read: false, measure: { number: '1.3' } });

		const draft = await saveUpdateDraft(db, editor, {
			measureId: m,
			updateId: null,
			version: null,
			date: { start: '2026-11-20', precision: 'DAY' },
			text: 'Avancée',
			blockers: null,
			nextSteps: null,
			sourceUrls: []
		});
		await publishUpdate(db, editor, { measureId: m, updateId: draft.id, version: 1 });
		const kinds = (await listNotifications(db, amdac)).map((n) => n.kind);
		expect(kinds.sort()).toEqual(['COMMENT', 'UPDATE_PUBLISHED']);
		expect(await unreadCount(db, editor)).toBe(0);
	});
});

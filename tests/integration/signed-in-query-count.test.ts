// What a signed-in request costs besides the public read models it shares with anonymous readers: the
// session check runs on every one of them (with the header's unread count), the signed-in measure page
// adds the reader's comment thread, the editing form its guard and the measure as it is now. The
// counts are fixed: they must not grow with what the measure holds (contributors, evidence, comments).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase, type CountingDatabase } from '../helpers/database';
import { measureId } from '../helpers/editing';
import * as factories from '../factories';
import { makeUser } from './auth-fixtures';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { getMeasureForEdit, ownerChoices, updateMeasure } from '../../src/lib/server/domain/measures/edit';
import { findMeasureRef } from '../../src/lib/server/domain/measures/editing';
import { failingFeeds } from '../../src/lib/server/domain/indicator-feeds/feeds';
import { loadCommentThread } from '../../src/lib/server/forms/comment-thread';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { ForbiddenError } from '../../src/lib/server/domain/errors';
import { planLifecycle } from '../../src/lib/server/domain/plans/lifecycle';
import { smallPlan } from '../factories';

let counted: CountingDatabase;

beforeAll(async () => {
	counted = await countingDatabase({ plan: true });
}, 120_000);
afterAll(async () => {
	await counted?.close();
});

describe('SQL queries of a signed-in request', () => {
	it('checking a session is one query (session, user, teams and unread count together) when nothing needs writing', async () => {
		const db = counted.prisma;
		const editor = await makeUser(db, ['EDITOR'], ['LABEL', 'TALENTS']);
		await db.notification.createMany({
			data: [
				{ userId: editor.id, kind: 'UPDATE_PUBLISHED' },
				{ userId: editor.id, kind: 'UPDATE_PUBLISHED' },
				{ userId: editor.id, kind: 'UPDATE_PUBLISHED', readAt: new Date() }
			]
		});
		const now = new Date();
		const { token } = await createSession(db, editor.id, {}, now);
		let found: Awaited<ReturnType<typeof validateSessionToken>> = null;
		expect(await counted.queriesFor(async () => (found = await validateSessionToken(db, token, now)))).toBe(1);
		expect(found!.user).toMatchObject({ id: editor.id, displayName: editor.displayName, email: editor.email, roles: ['EDITOR'] });
		expect([...found!.user.teamIds].sort()).toEqual([...editor.teamIds].sort());
		expect(found!.session.unreadNotifications).toBe(2);
		// A user without teams has none (not a list with a null in it), and no notification counts 0.
		const admin = await makeUser(db, ['ADMIN']);
		const second = await createSession(db, admin.id, {}, now);
		const adminSession = (await validateSessionToken(db, second.token, now))!;
		expect(adminSession.user.teamIds).toEqual([]);
		expect(adminSession.session.unreadNotifications).toBe(0);
	});

	it('the editing form reads the measure once when its guard has just read it, and still refuses someone not allowed', async () => {
		const db = counted.prisma;
		const editor = await makeUser(db, ['EDITOR'], ['LABEL']);
		const ref = (await findMeasureRef(db, DEFAULT_PLAN_SLUG, '1.1'))!;
		const id = await measureId(db, '1.1');
		const alone = await counted.queriesFor(() => getMeasureForEdit(db, editor, id));
		const withRef = await counted.queriesFor(() => getMeasureForEdit(db, editor, id, ref));
		expect(withRef).toBeLessThan(alone);
		const stranger = await makeUser(db, ['EDITOR'], ['EQUIPE_SANS_MESURE']);
		await expect(getMeasureForEdit(db, stranger, id, ref)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it("the editing form's loads cost 4 queries whatever the measure holds: guard, failing feeds, values and proofs", async () => {
		const db = counted.prisma;
		const editor = await makeUser(db, ['EDITOR'], ['LABEL']);
		// The teams come from the public read models on the server: read once here, outside the count.
		const owners = await ownerChoices(db);
		// Measure 1.2 has six evidence links and a contributing team; 1.1 fewer.
		for (const number of ['1.1', '1.2']) {
			let model: Awaited<ReturnType<typeof getMeasureForEdit>> | null = null;
			const queries = await counted.queriesFor(async () => {
				// The layout and the page share the guard's read (forms/editing.ts); they run side by side.
				const ref = (await findMeasureRef(db, DEFAULT_PLAN_SLUG, number))!;
				[, model] = await Promise.all([failingFeeds(db, ref.id), getMeasureForEdit(db, editor, ref.id, ref, async () => owners)]);
			});
			expect(queries, `measure ${number}`).toBe(4);
			expect(model!.ref).toMatchObject({ number, plan: { slug: DEFAULT_PLAN_SLUG } });
			expect(model!.ref.ownerCodes[model!.owners.leadOwnerId]).toBe('LABEL');
			for (const id of model!.owners.contributorOwnerIds) expect(model!.ref.ownerCodes[id]).toBeTruthy();
		}
	});

	it("the signed-in measure page's own part (the reader's comment thread and following) is 2 queries whatever the thread holds", async () => {
		const db = counted.prisma;
		const amdac = await makeUser(db, ['AMDAC']);
		const id = await measureId(db, '1.3');
		const milestone = await factories.milestone(db, id);
		const thread = () => loadCommentThread(db, amdac, { scope: { measureId: id }, targets: [], measureId: id, url: new URL('http://localhost/'), locale: 'fr' });
		const empty = await counted.queriesFor(thread);
		await factories.comment(db, amdac.id, { measureId: id, visibility: 'WORKING_GROUP' });
		await factories.comment(db, amdac.id, { milestoneId: milestone.id, measureId: id });
		let data: Awaited<ReturnType<typeof thread>> | null = null;
		const withComments = await counted.queriesFor(async () => (data = await thread()));
		expect([empty, withComments]).toEqual([2, 2]);
		expect(data!.comments.map((c) => [c.authorName, c.milestoneTitle])).toEqual([
			[amdac.displayName, null],
			[amdac.displayName, milestone.title]
		]);
	});

	it('saving the measure form is 5 queries: guard with the plan lock, stored values, update, audit with the version', async () => {
		const db = counted.prisma;
		const editor = await makeUser(db, ['EDITOR'], ['LABEL']);
		const id = await measureId(db, '1.2');
		const model = await getMeasureForEdit(db, editor, id);
		let saved: { changed: boolean } | null = null;
		const queries = await counted.queriesFor(
			async () => (saved = await updateMeasure(db, editor, { ...model.fields, version: model.version, measureId: id, reason: null, confidenceExplanation: 'Relu.' }))
		);
		expect(saved).toEqual({ changed: true });
		// Measure with its plan locked, stored values, update, then the audit event with the content version it moves, one
		// statement (was 12, then 7, then 6).
		expect(queries).toBe(5);
	});

	it("a plan's life cycle (the plan-access hook's read, fresh on every form post) is one query, its successor shown unless a draft", async () => {
		const db = counted.prisma;
		const next = await smallPlan(db, { axes: 1, measures: 1, plan: { title: 'Plan suivant', titleEn: 'Next plan' } });
		const draft = await smallPlan(db, { axes: 1, measures: 1, plan: { status: 'DRAFT' } });
		const archivedOn = new Date('2026-03-01');
		const old = await smallPlan(db, { axes: 1, measures: 1, plan: { status: 'ARCHIVED', archivedOn, archiveNote: 'Clos', successorPlanId: next.plan.id } });
		const other = await smallPlan(db, { axes: 1, measures: 1, plan: { status: 'ARCHIVED', successorPlanId: draft.plan.id } });
		let read: Awaited<ReturnType<typeof planLifecycle>> = null;
		expect(await counted.queriesFor(async () => (read = await planLifecycle(db, old.plan.slug)))).toBe(1);
		expect(read).toEqual({
			slug: old.plan.slug,
			status: 'ARCHIVED',
			archivedOn: '2026-03-01',
			archiveNote: 'Clos',
			archiveNoteEn: null,
			successor: { slug: next.plan.slug, title: 'Plan suivant', titleEn: 'Next plan' }
		});
		expect(await planLifecycle(db, other.plan.slug)).toMatchObject({ status: 'ARCHIVED', archivedOn: null, successor: null });
		expect(await planLifecycle(db, next.plan.slug)).toMatchObject({ status: 'ACTIVE', successor: null });
		expect(await planLifecycle(db, 'plan-inconnu')).toBeNull();
	});
});

// A create form posted twice with the same one-time token adds nothing the second time (a double
// click, a request sent again after a lost answer), through the real action layer and database; the
// token is claimed in the creation's own transaction, so a refused first post leaves it free.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { actionEvent, submitAction } from '../helpers/request-event';
import { smallPlan, user } from '../factories';
import { postComment } from '../../src/lib/server/domain/comments/comments';
import { createRound } from '../../src/lib/server/domain/reports/rounds';
import { addMilestone } from '../../src/lib/server/domain/measures/milestones';
import { DuplicateSubmissionError, NotFoundError } from '../../src/lib/server/domain/errors';
import { generateToken } from '../../src/lib/server/auth/tokens';
import { purgeExpired } from '../../src/lib/server/maintenance/purge';
import type { FormAnswer } from '../../src/lib/server/forms/action';
import type { Actor } from '../../src/lib/server/policies';
import type { Db } from '../../src/lib/server/db';

const dbRef = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../src/lib/server/db/request', () => ({ requestDb: async () => dbRef.current }));

const milestonesPage = await import('../../src/routes/(app)/plans/[slug=slug]/mesures/[numero]/modifier/jalons/+page.server');
const measurePage = await import('../../src/routes/(public)/plans/[slug=slug]/mesures/[numero=numero]/+page.server');
const layout = await import('../../src/routes/+layout.server');

let database: TestDatabase;
let db: Db;
let editor: Actor;
let admin: Actor;
let slug: string;
let measureId: string;

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	dbRef.current = db;
	const arranged = await smallPlan(db, { axes: 1, measures: 1 });
	slug = arranged.plan.slug;
	measureId = arranged.measures[0]!.id;
	const row = await user(db, { roles: ['EDITOR'], teamIds: [arranged.team.id] });
	editor = { id: row.id, displayName: row.displayName, roles: ['EDITOR'], teamIds: [arranged.team.id] };
	const adminRow = await user(db, { roles: ['ADMIN'] });
	admin = { id: adminRow.id, displayName: adminRow.displayName, roles: ['ADMIN'], teamIds: [] };
});
afterAll(async () => {
	await database?.close();
});

const event = (path: string, params: Record<string, string>, actor: Actor | null, body?: URLSearchParams) => actionEvent<never>(path, params, actor, body);
const submit = (action: (e: never) => unknown, e: never) => submitAction<unknown>(action, e);

const milestoneCount = () => db.milestone.count({ where: { measureId } });

describe('the form that adds a milestone', () => {
	const params = () => ({ slug, numero: '1.1' });
	const add = (fields: Record<string, string>) =>
		submit(milestonesPage.actions.addMilestone!, event(`/plans/${slug}/mesures/1.1/modifier/jalons?/addMilestone`, params(), editor, new URLSearchParams(fields)));
	const milestone = (title: string, formToken?: string) => ({ title, titleEn: '', description: '', weight: '1', planned: '2027-03-31', ...(formToken ? { formToken } : {}) });

	it('adds the milestone once when the same form is posted twice, and says so the second time', async () => {
		const before = await milestoneCount();
		const audit = await db.auditEvent.count();
		const token = generateToken();

		expect(await add(milestone('Publier le guide', token))).toEqual({ saved: true });
		const again = await add(milestone('Publier le guide', token));

		expect(again).toMatchObject({ saved: false, status: 409 });
		const answer = (again as { data: FormAnswer }).data;
		expect(answer.formError).toMatch(/déjà été envoyé/);
		// What the form held is saved already: it shows as first loaded, not ready for a third click.
		expect(answer.values).toBeUndefined();
		expect(await milestoneCount()).toBe(before + 1);
		expect(await db.auditEvent.count()).toBe(audit + 1);
	});

	it('adds both when each post carries its own token (a new render of the page gives a new one)', async () => {
		const before = await milestoneCount();
		expect(await add(milestone('Premier', generateToken()))).toEqual({ saved: true });
		expect(await add(milestone('Premier', generateToken()))).toEqual({ saved: true });
		expect(await milestoneCount()).toBe(before + 2);
	});

	it('adds one of two identical posts sent at the same time', async () => {
		const before = await milestoneCount();
		const token = generateToken();
		const answers = await Promise.all([add(milestone('En même temps', token)), add(milestone('En même temps', token))]);
		expect(answers.filter((a) => a.saved)).toHaveLength(1);
		expect(answers.filter((a) => !a.saved)).toMatchObject([{ status: 409 }]);
		expect(await milestoneCount()).toBe(before + 1);
	});

	it('leaves the token free when the post is refused, so that the corrected form goes through', async () => {
		const before = await milestoneCount();
		const token = generateToken();
		const refused = await add({ ...milestone('', token) });
		expect(refused).toMatchObject({ saved: false, status: 400 });
		expect(await add(milestone('Corrigé', token))).toEqual({ saved: true });
		expect(await milestoneCount()).toBe(before + 1);
	});

	it('refuses a forged token that is not one of ours, and writes nothing', async () => {
		const before = await milestoneCount();
		expect(await add(milestone('Forgé', 'x'))).toMatchObject({ saved: false, status: 400 });
		expect(await milestoneCount()).toBe(before);
	});
});

describe('the comment form of a measure page', () => {
	const post = (body: string, formToken: string) =>
		submit(
			measurePage.actions.postComment!,
			event(
				`/plans/${slug}/mesures/1.1?/postComment`,
				{ slug, numero: '1.1' },
				editor,
				new URLSearchParams({ target: 'measure', parentId: '', visibility: 'PUBLIC', body, formToken })
			)
		);

	it('posts the comment once', async () => {
		const token = generateToken();
		expect(await post('Un seul exemplaire', token)).toEqual({ saved: true });
		const again = await post('Un seul exemplaire', token);
		expect(again).toMatchObject({ saved: false, status: 409, data: { comments: { formId: 'new', errors: {} } } });
		expect((again as { data: { comments: FormAnswer } }).data.comments.values).toBeUndefined();
		expect(await db.comment.count({ where: { body: 'Un seul exemplaire' } })).toBe(1);
	});
});

describe('the domain commands', () => {
	it('roll the claim back with the creation: a reply to a missing comment leaves the token free', async () => {
		const token = generateToken();
		const input = { target: { type: 'MEASURE' as const, measureId }, visibility: 'PUBLIC' as const, body: 'Réponse', formToken: token };
		await expect(postComment(db, editor, { ...input, parentId: 'missing-comment' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(postComment(db, editor, input)).resolves.toHaveProperty('id');
		await expect(postComment(db, editor, input)).rejects.toBeInstanceOf(DuplicateSubmissionError);
	});

	it('refuse a second report round from the same form before checking that the title is free', async () => {
		const token = generateToken();
		const round = { title: 'Rapport unique', periodStart: '2026-01-01', periodEnd: '2026-03-31', planSlug: slug, formToken: token };
		const sections = { utiliser: '', publier: '', accompagner: '', attractivite: '', vieInterne: '' };
		await createRound(db, admin, { ...round, sections });
		await expect(createRound(db, admin, { ...round, sections })).rejects.toBeInstanceOf(DuplicateSubmissionError);
		expect(await db.reportRound.count({ where: { title: 'Rapport unique' } })).toBe(1);
	});

	it('create as before without a token (scripts, imports)', async () => {
		const before = await milestoneCount();
		const fields = { title: 'Sans jeton', titleEn: null, description: null, weight: 1, planned: null, measureId };
		await addMilestone(db, editor, fields);
		await addMilestone(db, editor, fields);
		expect(await milestoneCount()).toBe(before + 2);
	});

	it('keep a used token a week, then the purge forgets it', async () => {
		const token = generateToken();
		await addMilestone(db, editor, { title: 'Purgé', titleEn: null, description: null, weight: 1, planned: null, measureId, formToken: token });
		const inEightDays = new Date(Date.now() + 8 * 86_400_000);
		expect((await purgeExpired(db, new Date(Date.now() + 6 * 86_400_000))).formTokens).toBe(0);
		expect((await purgeExpired(db, inEightDays)).formTokens).toBeGreaterThanOrEqual(1);
		expect(await db.formSubmission.findUnique({ where: { token } })).toBeNull();
	});
});

describe('the page data', () => {
	it('gives a signed-in page a new token at each render, and an anonymous one none', async () => {
		const load = (actor: Actor | null) => layout.load(event('/', {}, actor)) as Promise<{ formToken: string | null }>;
		const [first, second, anonymous] = await Promise.all([load(editor), load(editor), load(null)]);
		expect(first.formToken).toMatch(/^[a-z2-7]{32}$/);
		expect(second.formToken).not.toBe(first.formToken);
		expect(anonymous.formToken).toBeNull();
	});
});

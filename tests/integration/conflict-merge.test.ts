// Saving a form loaded before someone else's save: a three-way merge against the values the form was
// loaded with (posted as `base_<field>`), through the real action layer and database. A field the
// second person did not touch keeps the first person's value; a field both changed is a 409 with
// the stored value, and nothing is written.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestDatabase } from '../helpers/database';
import { actionEvent, submitAction } from '../helpers/request-event';
import { footprint, measureId, seededEditingDatabase, type Actors } from '../helpers/editing';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { createRound, submitRound } from '../../src/lib/server/domain/reports/rounds';
import { createOpinion } from '../../src/lib/server/domain/reports/opinions';
import type { FormAnswer } from '../../src/lib/server/forms/action';
import type { FormValues } from '../../src/lib/server/forms/form';
import type { Actor } from '../../src/lib/server/policies';
import type { Db } from '../../src/lib/server/db';

const dbRef = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../src/lib/server/db/request', () => ({ requestDb: async () => dbRef.current }));

const measurePage = await import('../../src/routes/(app)/plans/[slug=slug]/mesures/[numero]/modifier/+page.server');
const roundPage = await import('../../src/routes/(app)/plans/[slug=slug]/rapports/travail/[id]/+page.server');

let database: TestDatabase;
let db: Db;
let actors: Actors;
let m11: string;

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	dbRef.current = db;
	m11 = await measureId(db, '1.1');
});
afterAll(async () => {
	await database?.close();
});

/** The post of a form loaded with `loaded`, the user's changes applied: what the browser sends. */
function post(loaded: FormValues, changes: Record<string, string>, hidden: Record<string, string> = {}): URLSearchParams {
	const body = new URLSearchParams(hidden);
	for (const [key, value] of Object.entries({ ...loaded, ...changes })) for (const v of [value].flat()) body.append(key, v);
	for (const [key, value] of Object.entries(loaded)) if (key !== 'version') for (const v of [value].flat()) body.append(`base_${key}`, v);
	return body;
}

const event = actionEvent;
const submit = (action: (e: never) => unknown, e: unknown) => submitAction<FormAnswer>(action, e);

describe('the measure form', () => {
	const params = { slug: DEFAULT_PLAN_SLUG, numero: '1.1' };
	const path = `/plans/${DEFAULT_PLAN_SLUG}/mesures/1.1/modifier`;
	const open = async (user: Actor) => ((await measurePage.load(event(path, params, user) as never)) as { measure: FormValues }).measure;
	const save = (user: Actor, body: URLSearchParams) => submit(measurePage.actions.updateMeasure!, event(`${path}?/updateMeasure`, params, user, body));
	const stored = () => db.measure.findUniqueOrThrow({ where: { id: m11 } });

	it('keeps the first tab’s status when the second tab, loaded before, changes only the English title', async () => {
		const tabA = await open(actors.label);
		const tabB = await open(actors.pole);
		expect(await save(actors.label, post(tabA, { status: 'IN_PROGRESS' }))).toEqual({ saved: true });
		const audit = await db.auditEvent.count();

		expect(await save(actors.pole, post(tabB, { titleEn: 'Merged title' }))).toEqual({ saved: true });
		const after = await stored();
		expect(after.status).toBe('IN_PROGRESS');
		expect(after.titleEn).toBe('Merged title');
		expect(after.version).toBe(Number(tabB.version) + 2);
		// The merge is a save like any other: audited.
		expect(await db.auditEvent.count()).toBe(audit + 1);
	});

	it('answers 409 with the stored value when both changed the same field, and writes nothing', async () => {
		const tabA = await open(actors.label);
		const tabB = await open(actors.pole);
		expect(await save(actors.label, post(tabA, { description: 'Version de Louise' }))).toEqual({ saved: true });
		const before = await footprint(db);

		const answer = await save(actors.pole, post(tabB, { description: 'Version de Paul', confidence: 'AT_RISK' }));
		expect(answer).toMatchObject({ saved: false, status: 409 });
		const data = (answer as { data: FormAnswer }).data;
		expect(data.conflict).toEqual({ description: 'Version de Louise' });
		// The form keeps what was typed, on the stored version, based on what is stored now.
		expect(data.values).toMatchObject({ description: 'Version de Paul', confidence: 'AT_RISK', version: String(Number(tabB.version) + 1) });
		expect(data.base).toMatchObject({ description: 'Version de Louise' });
		expect(await footprint(db)).toBe(before);
		expect((await stored()).description).toBe('Version de Louise');
	});
});

describe('the report forms', () => {
	let roundId: string;
	let opinionId: string;
	const council = (): Actor => actors.council;

	beforeAll(async () => {
		await db.user.create({ data: { id: actors.council.id, email: 'council@example.test', displayName: 'Claude', roles: ['COUNCIL'], councilEcosystem: true } });
		const sections = { utiliser: 'Utiliser', publier: '', accompagner: '', attractivite: '', vieInterne: '' };
		({ id: roundId } = await createRound(db, actors.admin, {
			title: 'Rapport T3 2026',
			periodStart: '2026-07-01',
			periodEnd: '2026-09-30',
			sections,
			planSlug: DEFAULT_PLAN_SLUG
		}));
	});

	const params = () => ({ slug: DEFAULT_PLAN_SLUG, id: roundId });
	const path = () => `/plans/${DEFAULT_PLAN_SLUG}/rapports/travail/${roundId}`;
	const open = async (user: Actor) =>
		(await roundPage.load(event(path(), params(), user) as never)) as {
			roundForm: FormValues;
			view: { opinions: { id: string; version: number; title: string; text: string; date: string }[] };
		};
	const act = (name: keyof typeof roundPage.actions, user: Actor, body: URLSearchParams) => submit(roundPage.actions[name]!, event(`${path()}?/${name}`, params(), user, body));

	it('merges a round edit: the section saved by one tab stays when the other changes the title', async () => {
		const tabA = (await open(actors.admin)).roundForm;
		const tabB = (await open(actors.label)).roundForm;
		expect(await act('updateRound', actors.admin, post(tabA, { publier: 'Publié par A' }))).toEqual({ saved: true });
		expect(await act('updateRound', actors.label, post(tabB, { title: 'Rapport du T3 2026' }))).toEqual({ saved: true });
		const round = await db.reportRound.findUniqueOrThrow({ where: { id: roundId } });
		expect(round.title).toBe('Rapport du T3 2026');
		expect((round.sections as Record<string, string>).publier).toBe('Publié par A');
	});

	it('answers a round edit changed on both sides with the conflict table, writing nothing', async () => {
		const tabA = (await open(actors.admin)).roundForm;
		const tabB = (await open(actors.label)).roundForm;
		expect(await act('updateRound', actors.admin, post(tabA, { title: 'Titre A' }))).toEqual({ saved: true });
		const before = await footprint(db);
		const answer = await act('updateRound', actors.label, post(tabB, { title: 'Titre B' }));
		expect(answer).toMatchObject({ saved: false, status: 409, data: { conflict: { title: 'Titre A' }, values: { title: 'Titre B' } } });
		expect(await footprint(db)).toBe(before);
		expect((await db.reportRound.findUniqueOrThrow({ where: { id: roundId } })).title).toBe('Titre A');
	});

	it('merges an opinion edit, and refuses one changed on both sides', async () => {
		await submitRound(db, actors.admin, { roundId, version: (await db.reportRound.findUniqueOrThrow({ where: { id: roundId } })).version });
		({ id: opinionId } = await createOpinion(db, council(), { roundId, title: 'Avis du CLL', text: 'Texte', date: '2026-10-15' }));
		const loaded = async () => {
			const o = (await open(council())).view.opinions.find((x) => x.id === opinionId)!;
			return { version: String(o.version), title: o.title, text: o.text, date: o.date };
		};
		const tabA = await loaded();
		const tabB = await loaded();
		const target = { opinionId };
		expect(await act('updateOpinion', council(), post(tabA, { title: 'Avis du CLL sur le T3' }, target))).toEqual({ saved: true });
		expect(await act('updateOpinion', council(), post(tabB, { text: 'Texte complété' }, target))).toEqual({ saved: true });
		expect(await db.opinion.findUniqueOrThrow({ where: { id: opinionId } })).toMatchObject({ title: 'Avis du CLL sur le T3', text: 'Texte complété' });

		const tabC = await loaded();
		const tabD = await loaded();
		expect(await act('updateOpinion', council(), post(tabC, { text: 'Texte C' }, target))).toEqual({ saved: true });
		const answer = await act('updateOpinion', council(), post(tabD, { text: 'Texte D' }, target));
		expect(answer).toMatchObject({ saved: false, status: 409, data: { conflict: { text: 'Texte C' } } });
		expect((await db.opinion.findUniqueOrThrow({ where: { id: opinionId } })).text).toBe('Texte C');
	});

	it('merges grades: each member’s grade of a different measure is kept', async () => {
		const loaded = async () => ((await roundPage.load(event(path(), params(), council()) as never)) as { gradesForm: FormValues }).gradesForm;
		const tabA = await loaded();
		const tabB = await loaded();
		const [first, second] = Object.keys(tabA).filter((k) => k.startsWith('grade-'));
		expect(await act('grades', council(), post(tabA, { [first!]: 'LIMITED' }))).toEqual({ saved: true });
		expect(await act('grades', council(), post(tabB, { [second!]: 'COMPLETE' }))).toEqual({ saved: true });
		const grades = await db.measureGrade.findMany({ where: { roundId } });
		expect(Object.fromEntries(grades.map((g) => [`grade-${g.measureId}`, g.grade]))).toEqual({ [first!]: 'LIMITED', [second!]: 'COMPLETE' });

		const tabC = await loaded();
		const tabD = await loaded();
		expect(await act('grades', council(), post(tabC, { [first!]: 'SUBSTANTIAL' }))).toEqual({ saved: true });
		expect(await act('grades', council(), post(tabD, { [first!]: 'NOT_STARTED' }))).toMatchObject({ saved: false, status: 409, data: { conflict: { [first!]: 'SUBSTANTIAL' } } });
	});
});

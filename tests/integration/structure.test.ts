// Editing a plan's structure (issue 11): axes added, renamed and reordered, measures added, moved
// (renumbered after confirmation, the old number kept as a redirect), retired and reinstated. Admins
// only, with nothing written on a refusal; every write audited so that the public history and time
// travel tell the plan as it was the day before and as it is today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { owner, smallPlan, user } from '../factories';
import {
	addAxis,
	addMeasure,
	currentNumberOf,
	getPlanStructure,
	moveAxis,
	moveMeasure,
	proposeMove,
	reinstateMeasure,
	renameAxis,
	retireMeasure
} from '../../src/lib/server/domain/plans/structure';
import { updateMeasureOwners } from '../../src/lib/server/domain/measures/owners';
import { getMeasureHistory } from '../../src/lib/server/domain/measures/history';
import { getMeasureDetail } from '../../src/lib/server/domain/measures/view';
import { getPlanDashboard } from '../../src/lib/server/domain/plans/view';
import { getMeasureDetailAt, getPlanDashboardAt } from '../../src/lib/server/domain/time-travel/view';
import { getMeasureListAt } from '../../src/lib/server/domain/time-travel/list-at';
import { getPlanComparison } from '../../src/lib/server/domain/time-travel/compare';
import { listMeasures, NO_FILTERS } from '../../src/lib/server/domain/measures/list';
import { ConflictError, DuplicateSubmissionError, ForbiddenError, NotFoundError, RuleError } from '../../src/lib/server/domain/errors';
import { addMeasureForm, moveMeasureForm, retireMeasureForm } from '../../src/lib/server/validation/structure';
import { parseForm } from '../../src/lib/server/forms/form';
import { readContentVersion } from '../../src/lib/server/public-changes';
import { todayIso } from '../../src/lib/domain/dates';
import type { Actor } from '../../src/lib/server/policies';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let admin: Actor;
let editor: Actor;
let plan: Awaited<ReturnType<typeof smallPlan>>;
let slug: string;
const today = todayIso();
const yesterday = todayIso(new Date(Date.now() - 86_400_000));
const paging = { page: 1, perPage: 50 };

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	// Axis 1: 1.1, 1.2; axis 2: 2.1, 2.2 (factory rows: they have no audit events, as if imported).
	plan = await smallPlan(db, { axes: 2, measures: 2 });
	slug = plan.plan.slug;
	const row = await user(db, { roles: ['ADMIN'] });
	admin = { id: row.id, displayName: row.displayName, roles: ['ADMIN'], teamIds: [] };
	// An editor of the team that carries every measure: they edit measures, not the structure.
	editor = { id: 'editor', displayName: 'Éditrice', roles: ['EDITOR'], teamIds: [plan.team.id] };
});
afterAll(async () => {
	await database?.close();
});

const auditCount = () => db.auditEvent.count();
const axis = (n: number) => plan.axes[n - 1]!;
const measureNumbered = (number: string) => db.measure.findFirstOrThrow({ where: { planId: plan.plan.id, number } });
const newMeasure = (axisId: string, title: string) => ({
	slug,
	axisId,
	title,
	titleEn: null,
	description: 'Une mesure ajoutée.',
	leadOwnerId: plan.team.id,
	contributorOwnerIds: []
});

describe('who may change the structure', () => {
	it('refuses editors and anonymous visitors on the server, with nothing written', async () => {
		const before = await auditCount();
		const m = await measureNumbered('1.1');
		for (const who of [editor, null]) {
			await expect(getPlanStructure(db, who, slug)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(addAxis(db, who, { slug, title: 'Axe pirate', titleEn: null })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(renameAxis(db, who, { slug, axisId: axis(1).id, version: 1, title: 'Pirate', titleEn: null })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(moveAxis(db, who, { slug, axisId: axis(2).id, direction: 'up', position: axis(2).position })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(addMeasure(db, who, newMeasure(axis(1).id, 'Pirate'))).rejects.toBeInstanceOf(ForbiddenError);
			await expect(proposeMove(db, who, { slug, measureId: m.id, toAxisId: axis(2).id })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(moveMeasure(db, who, { slug, measureId: m.id, toAxisId: axis(2).id, version: m.version, newNumber: '2.3' })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(retireMeasure(db, who, { slug, measureId: m.id, version: m.version, reason: 'Non' })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(reinstateMeasure(db, who, { slug, measureId: m.id, version: m.version })).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect(await auditCount()).toBe(before);
		expect(await db.axis.count({ where: { planId: plan.plan.id } })).toBe(2);
		expect(await db.measure.count({ where: { planId: plan.plan.id } })).toBe(4);
	});

	it('answers 404 for another plan’s axis or measure', async () => {
		const other = await smallPlan(db, { axes: 1, measures: 1 });
		await expect(renameAxis(db, admin, { slug, axisId: other.axes[0]!.id, version: 1, title: 'X', titleEn: null })).rejects.toBeInstanceOf(NotFoundError);
		await expect(retireMeasure(db, admin, { slug, measureId: other.measures[0]!.id, version: 1, reason: 'X' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(addAxis(db, admin, { slug: 'plan-inconnu', title: 'X', titleEn: null })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('refuses every structure change of an archived plan, admins included, with nothing written', async () => {
		const archived = await smallPlan(db, { axes: 1, measures: 1, plan: { status: 'ARCHIVED', archivedOn: new Date('2025-06-30T00:00:00Z') } });
		const s = archived.plan.slug;
		const [a, m] = [archived.axes[0]!, archived.measures[0]!];
		const before = await auditCount();
		const attempts = [
			() => addAxis(db, admin, { slug: s, title: 'X', titleEn: null, formToken: 'structure-archived-0001' }),
			() => renameAxis(db, admin, { slug: s, axisId: a.id, version: 1, title: 'X', titleEn: null }),
			() => addMeasure(db, admin, { ...newMeasure(a.id, 'X'), slug: s, leadOwnerId: archived.team.id, formToken: 'structure-archived-0002' }),
			() => retireMeasure(db, admin, { slug: s, measureId: m.id, version: 1, reason: 'X' })
		];
		for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ messageKey: 'plans.errors.archived' });
		expect(await auditCount()).toBe(before);
		expect(await db.axis.count({ where: { planId: archived.plan.id } })).toBe(1);
	});
});

describe('axes', () => {
	it('adds an axis with the next number, last, audited; the same form posted twice adds it once', async () => {
		const version = await readContentVersion(db);
		const created = await addAxis(db, admin, { slug, title: 'Ouvrir les données', titleEn: 'Opening data', formToken: 'structure-axis-token-0001' });
		expect(created.number).toBe(3);
		const row = await db.axis.findUniqueOrThrow({ where: { id: created.id } });
		expect(row).toMatchObject({ number: 3, position: 3, title: 'Ouvrir les données', titleEn: 'Opening data', version: 1 });
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'Axis', entityId: created.id } });
		expect(event).toMatchObject({ action: 'create', planId: plan.plan.id, actorId: admin.id, after: { number: 3, position: 3, title: 'Ouvrir les données' } });
		expect(await readContentVersion(db)).not.toBe(version);
		await expect(addAxis(db, admin, { slug, title: 'Ouvrir les données', titleEn: null, formToken: 'structure-axis-token-0001' })).rejects.toBeInstanceOf(DuplicateSubmissionError);
		expect(await db.axis.count({ where: { planId: plan.plan.id } })).toBe(3);
	});

	it('renames an axis on its loaded version, audited with before and after; a stale version is a 409', async () => {
		expect(await renameAxis(db, admin, { slug, axisId: axis(1).id, version: 1, title: 'Axe un renommé', titleEn: null })).toEqual({ changed: true });
		expect(await renameAxis(db, admin, { slug, axisId: axis(1).id, version: 2, title: 'Axe un renommé', titleEn: null })).toEqual({ changed: false });
		const before = await auditCount();
		await expect(renameAxis(db, admin, { slug, axisId: axis(1).id, version: 1, title: 'Autre titre', titleEn: null })).rejects.toBeInstanceOf(ConflictError);
		expect(await auditCount()).toBe(before);
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'Axis', entityId: axis(1).id, action: 'update' } });
		expect(event).toMatchObject({ before: { title: 'Axe 1', titleEn: null }, after: { title: 'Axe un renommé', titleEn: null } });
		expect((await db.axis.findUniqueOrThrow({ where: { id: axis(1).id } })).number).toBe(1);
	});

	it('moves an axis up by swapping places; numbers stay; the first cannot go up; a stale place is a 409', async () => {
		await moveAxis(db, admin, { slug, axisId: axis(2).id, direction: 'up', position: 2 });
		const rows = await db.axis.findMany({ where: { planId: plan.plan.id }, orderBy: { position: 'asc' }, select: { id: true, number: true } });
		expect(rows.map((r) => r.number)).toEqual([2, 1, 3]);
		const events = await db.auditEvent.findMany({ where: { entityType: 'Axis', action: 'update', after: { path: ['position'], not: 'null' } }, orderBy: { id: 'asc' } });
		expect(events.map((e) => [e.entityId, e.before, e.after])).toEqual([
			[axis(2).id, { position: 2 }, { position: 1 }],
			[axis(1).id, { position: 1 }, { position: 2 }]
		]);
		const before = await auditCount();
		await expect(moveAxis(db, admin, { slug, axisId: axis(2).id, direction: 'up', position: 1 })).rejects.toMatchObject(new RuleError('structure.errors.alreadyFirst'));
		await expect(moveAxis(db, admin, { slug, axisId: axis(1).id, direction: 'down', position: 1 })).rejects.toBeInstanceOf(ConflictError);
		expect(await auditCount()).toBe(before);
		// Back to 1, 2, 3 for what follows.
		await moveAxis(db, admin, { slug, axisId: axis(1).id, direction: 'up', position: 2 });
	});
});

describe('measures', () => {
	it('adds a measure numbered <axis>.<next free>, at the end of its axis, with its teams, audited', async () => {
		const helper = await owner(db, { name: 'Équipe contributrice' });
		const created = await addMeasure(db, admin, { ...newMeasure(axis(1).id, 'Nouvelle mesure'), contributorOwnerIds: [helper.id, plan.team.id] });
		expect(created.number).toBe('1.3');
		const row = await db.measure.findUniqueOrThrow({ where: { id: created.id }, include: { contributors: true } });
		expect(row).toMatchObject({ axisId: axis(1).id, position: 3, title: 'Nouvelle mesure', retiredOn: null });
		// The lead is not also a contributor.
		expect(row.contributors.map((c) => c.ownerId)).toEqual([helper.id]);
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'Measure', entityId: created.id } });
		expect(event).toMatchObject({
			action: 'create',
			measureId: created.id,
			after: { axisId: axis(1).id, number: '1.3', title: 'Nouvelle mesure', contributorOwnerIds: [helper.id] }
		});
	});

	it('refuses an unknown team next to the field, with nothing written', async () => {
		const before = await auditCount();
		await expect(addMeasure(db, admin, { ...newMeasure(axis(1).id, 'Sans équipe'), leadOwnerId: 'inconnue' })).rejects.toMatchObject(
			new RuleError('structure.errors.unknownOwner', 'leadOwnerId')
		);
		expect(await auditCount()).toBe(before);
		expect(await db.measure.count({ where: { planId: plan.plan.id } })).toBe(5);
	});

	it('proposes the new number of a move, and moves only with that number confirmed; the old number redirects', async () => {
		const m = await measureNumbered('1.2');
		const proposal = await proposeMove(db, admin, { slug, measureId: m.id, toAxisId: axis(2).id });
		expect(proposal).toMatchObject({ measure: { number: '1.2' }, from: { number: 1 }, to: { number: 2 }, newNumber: '2.3' });
		const before = await auditCount();
		// Confirmed with a number that is not the one it would get: nothing moves.
		await expect(moveMeasure(db, admin, { slug, measureId: m.id, toAxisId: axis(2).id, version: m.version, newNumber: '2.9' })).rejects.toBeInstanceOf(ConflictError);
		await expect(moveMeasure(db, admin, { slug, measureId: m.id, toAxisId: axis(2).id, version: m.version + 5, newNumber: '2.3' })).rejects.toBeInstanceOf(ConflictError);
		await expect(moveMeasure(db, admin, { slug, measureId: m.id, toAxisId: axis(1).id, version: m.version, newNumber: '1.4' })).rejects.toMatchObject(
			new RuleError('structure.errors.sameAxis', 'toAxisId')
		);
		expect(await auditCount()).toBe(before);
		expect(await currentNumberOf(db, slug, '1.2')).toBeNull();

		expect(await moveMeasure(db, admin, { slug, measureId: m.id, toAxisId: axis(2).id, version: m.version, newNumber: '2.3' })).toEqual({ number: '2.3' });
		expect(await db.measure.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ number: '2.3', axisId: axis(2).id, position: 3, version: m.version + 1 });
		expect(await currentNumberOf(db, slug, '1.2')).toBe('2.3');
		expect(await currentNumberOf(db, 'autre-plan', '1.2')).toBeNull();
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'Measure', entityId: m.id, action: 'update' } });
		expect(event).toMatchObject({ before: { axisId: axis(1).id, number: '1.2', position: 2 }, after: { axisId: axis(2).id, number: '2.3', position: 3 } });
		expect(await getMeasureDetail(db, slug, '1.2')).toBeNull();
	});

	it('never gives a former number again', async () => {
		// Axis 1 now holds 1.1 and 1.3; 1.2 is 2.3's former number.
		const created = await addMeasure(db, admin, newMeasure(axis(1).id, 'Encore une'));
		expect(created.number).toBe('1.4');
		const structure = await getPlanStructure(db, admin, slug);
		expect(structure.axes.find((a) => a.number === 2)!.measures.find((m) => m.number === '2.3')!.formerNumbers).toEqual(['1.2']);
	});

	it('retires a measure today with a reason: read-only, shown as retired, left out of progress; then reinstates it', async () => {
		const m = await measureNumbered('2.1');
		const dashboardBefore = await getPlanDashboard(db, slug);
		const before = await auditCount();
		await expect(retireMeasure(db, admin, { slug, measureId: m.id, version: m.version + 1, reason: 'Fusionnée' })).rejects.toBeInstanceOf(ConflictError);
		expect(await auditCount()).toBe(before);

		expect(await retireMeasure(db, admin, { slug, measureId: m.id, version: m.version, reason: 'Fusionnée avec la mesure 2.2' })).toEqual({ retiredOn: today });
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'Measure', entityId: m.id, action: 'update' } });
		expect(event).toMatchObject({
			before: { retiredOn: null },
			after: { retiredOn: today, retirementReason: 'Fusionnée avec la mesure 2.2' },
			reason: 'Fusionnée avec la mesure 2.2'
		});
		await expect(retireMeasure(db, admin, { slug, measureId: m.id, version: m.version + 1, reason: 'Encore' })).rejects.toMatchObject(
			new RuleError('structure.errors.alreadyRetired')
		);

		// Its page stays, says so, and nobody edits it, not even an admin.
		const detail = (await getMeasureDetail(db, slug, '2.1'))!;
		expect(detail).toMatchObject({ retiredOn: today, retirementReason: 'Fusionnée avec la mesure 2.2', ownership: { retired: true } });
		await expect(
			updateMeasureOwners(db, admin, { measureId: m.id, version: m.version + 1, leadOwnerId: plan.team.id, contributorOwnerIds: [], reason: null })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(proposeMove(db, admin, { slug, measureId: m.id, toAxisId: axis(1).id })).rejects.toMatchObject(new RuleError('structure.errors.retired'));

		const dashboard = (await getPlanDashboard(db, slug))!;
		expect(dashboard.measureCount).toBe(dashboardBefore!.measureCount - 1);
		expect(dashboard.retiredCount).toBe(1);
		const axis2 = dashboard.axes.find((a) => a.number === 2)!;
		expect(axis2.retiredCount).toBe(1);
		expect(axis2.measures.find((s) => s.number === '2.1')!.retiredOn).toBe(today);
		const list = (await listMeasures(db, slug, NO_FILTERS))!;
		expect(list.results.find((r) => r.number === '2.1')).toMatchObject({ retiredOn: today, late: false });

		await reinstateMeasure(db, admin, { slug, measureId: m.id, version: m.version + 1 });
		expect(await db.measure.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ retiredOn: null, retirementReason: null });
		expect((await getPlanDashboard(db, slug))!.retiredCount).toBe(0);
		// Retired for the rest of the test file: the time-travel tests read it.
		await retireMeasure(db, admin, { slug, measureId: m.id, version: m.version + 2, reason: 'Fusionnée avec la mesure 2.2' });
	});
});

describe('the public history', () => {
	it('tells the structure events in words: added, moved with its numbers, retired, reinstated', async () => {
		const moved = (await getMeasureHistory(db, null, slug, '2.3'))!;
		const move = moved.entries.find((e) => e.kind === 'measureMoved')!;
		expect(move.changes).toEqual([
			{ field: 'number', before: { type: 'text', text: '1.2' }, after: { type: 'text', text: '2.3' } },
			{ field: 'axis', before: { type: 'text', text: '1 – Axe un renommé' }, after: { type: 'text', text: '2 – Axe 2' } }
		]);
		const added = (await getMeasureHistory(db, null, slug, '1.3'))!;
		expect(added.entries.map((e) => e.kind)).toEqual(['measureCreated']);
		expect(added.entries[0]!.changes.map((c) => c.field)).toEqual(['number', 'axis', 'title']);
		const retired = (await getMeasureHistory(db, null, slug, '2.1'))!;
		expect(retired.entries.map((e) => e.kind)).toEqual(['measureRetired', 'measureReinstated', 'measureRetired']);
		expect(retired.entries[0]).toMatchObject({ reason: 'Fusionnée avec la mesure 2.2', changes: [{ field: 'retiredOn', after: { type: 'date', date: { start: today } } }] });
	});
});

describe('time travel: the day before and the day of the changes', () => {
	it('the dashboard yesterday had neither the new axis nor the new measures, the moved measure at its old place, no retirement', async () => {
		const then = (await getPlanDashboardAt(db, slug, yesterday))!;
		expect(then.axes.map((a) => [a.number, a.title])).toEqual([
			[1, 'Axe 1'],
			[2, 'Axe 2']
		]);
		expect(then.axes[0]!.measures.map((m) => m.number)).toEqual(['1.1', '1.2']);
		expect(then.axes[1]!.measures.map((m) => [m.number, m.retiredOn])).toEqual([
			['2.1', null],
			['2.2', null]
		]);
		expect(then.measureCount).toBe(4);
		expect(then.retiredCount).toBe(0);

		const now = (await getPlanDashboardAt(db, slug, today))!;
		expect(now.axes.map((a) => [a.number, a.title])).toEqual([
			[1, 'Axe un renommé'],
			[2, 'Axe 2'],
			[3, 'Ouvrir les données']
		]);
		expect(now.axes[0]!.measures.map((m) => m.number)).toEqual(['1.1', '1.3', '1.4']);
		expect(now.axes[1]!.measures.map((m) => [m.number, m.retiredOn])).toEqual([
			['2.1', today],
			['2.2', null],
			['2.3', null]
		]);
		expect(now.retiredCount).toBe(1);
		expect(now.measureCount).toBe(5);
	});

	it('a measure page yesterday: a new measure did not exist, the moved one had its old number and axis, the retired one was not retired', async () => {
		expect(await getMeasureDetailAt(db, slug, '1.3', yesterday)).toBe('absent');
		expect(await getMeasureDetailAt(db, slug, '1.3', today)).toMatchObject({ number: '1.3' });
		expect(await getMeasureDetailAt(db, slug, '2.3', yesterday)).toMatchObject({ number: '1.2', axis: { number: 1, title: 'Axe 1' } });
		expect(await getMeasureDetailAt(db, slug, '2.3', today)).toMatchObject({ number: '2.3', axis: { number: 2 } });
		expect(await getMeasureDetailAt(db, slug, '2.1', yesterday)).toMatchObject({ retiredOn: null, retirementReason: null });
		expect(await getMeasureDetailAt(db, slug, '2.1', today)).toMatchObject({ retiredOn: today, retirementReason: 'Fusionnée avec la mesure 2.2' });
	});

	it('the list and the comparison agree', async () => {
		const then = (await getMeasureListAt(db, slug, NO_FILTERS, yesterday, paging))!;
		expect(then.results.map((r) => r.number)).toEqual(['1.1', '1.2', '2.1', '2.2']);
		expect(then.axes.map((a) => a.title)).toEqual(['Axe 1', 'Axe 2']);
		const now = (await getMeasureListAt(db, slug, NO_FILTERS, today, paging))!;
		expect(now.results.map((r) => [r.number, r.retiredOn])).toEqual([
			['1.1', null],
			['1.3', null],
			['1.4', null],
			['2.1', today],
			['2.2', null],
			['2.3', null]
		]);
		const comparison = (await getPlanComparison(db, slug, yesterday, today))!;
		expect(comparison.changes.filter((c) => c.isNew).map((c) => c.number)).toEqual(['1.3', '1.4']);
	});
});

describe('the structure forms', () => {
	const form = (fields: Record<string, string | string[]>) => {
		const data = new FormData();
		for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
		return data;
	};

	it('needs a reason to retire, a number of the right shape to move, a title and a lead to add', () => {
		const retire = parseForm(retireMeasureForm, form({ measureId: 'm1', version: '1', reason: '  ' }), 'fr');
		expect(retire).toMatchObject({ ok: false, errors: { reason: 'Ce champ est obligatoire.' } });
		const move = parseForm(moveMeasureForm, form({ measureId: 'm1', toAxisId: 'a2', version: '1', newNumber: '../2' }), 'fr');
		expect(move).toMatchObject({ ok: false, errors: { newNumber: 'Choisissez une des valeurs proposées.' } });
		const add = parseForm(addMeasureForm, form({ axisId: 'a1', title: '', titleEn: '', description: 'x', leadOwnerId: '', contributorOwnerIds: ['o1', 'o2'] }), 'fr');
		expect(add).toMatchObject({ ok: false, errors: { title: 'Ce champ est obligatoire.', leadOwnerId: 'Ce champ est obligatoire.' } });
		const ok = parseForm(addMeasureForm, form({ axisId: 'a1', title: 'T', titleEn: '', description: 'x', leadOwnerId: 'o1', contributorOwnerIds: 'o2' }), 'fr');
		expect(ok).toMatchObject({ ok: true, data: { titleEn: null, contributorOwnerIds: ['o2'] } });
	});

	it('refuses an extra field (no forged number on a new measure)', () => {
		const parsed = parseForm(addMeasureForm, form({ axisId: 'a1', title: 'T', titleEn: '', description: 'x', leadOwnerId: 'o1', number: '9.9' }), 'fr');
		expect(parsed.ok).toBe(false);
	});
});

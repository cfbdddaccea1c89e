import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/database';
import { footprint, measureId, seededEditingDatabase, type Actors } from '../helpers/editing';
import { getMeasureForEdit, updateMeasure, type MeasureFields } from '../../src/lib/server/domain/measures/edit';
import { updateMeasureOwners } from '../../src/lib/server/domain/measures/owners';
import { ConflictError, ForbiddenError, RuleError } from '../../src/lib/server/domain/errors';
import type { Db } from '../../src/lib/server/db';
import { evidenceLink, progressUpdate, smallPlan } from '../factories';

let database: TestDatabase;
let db: Db;
let actors: Actors;
let m11: string;

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	m11 = await measureId(db, '1.1');
});
afterAll(async () => {
	await database?.close();
});

async function current(id: string) {
	const model = await getMeasureForEdit(db, actors.admin, id);
	return { ...model.fields, version: model.version };
}

const edit = (base: MeasureFields & { version: number }, changes: Partial<MeasureFields>, reason: string | null = null) => ({
	...base,
	...changes,
	reason
});

describe('updateMeasure', () => {
	it('saves status, progress and confidence with their dates, and audits who did it and why', async () => {
		const before = await current(m11);
		const auditCount = await db.auditEvent.count();
		const result = await updateMeasure(
			db,
			actors.label,
			{ ...edit(before, { status: 'IN_PROGRESS', progressManual: 40, confidence: 'AT_RISK', confidenceExplanation: 'Marché en retard' }, 'Comité du 3 mars'), measureId: m11 },
			'2026-03-04'
		);
		expect(result.changed).toBe(true);
		const row = await db.measure.findUniqueOrThrow({ where: { id: m11 } });
		expect(row).toMatchObject({ status: 'IN_PROGRESS', progressManual: 40, confidence: 'AT_RISK', version: before.version + 1 });
		expect(row.statusAsOf?.toISOString().slice(0, 10)).toBe('2026-03-04');
		expect(row.progressAsOf?.toISOString().slice(0, 10)).toBe('2026-03-04');
		expect(row.confidenceAsOf?.toISOString().slice(0, 10)).toBe('2026-03-04');
		expect(await db.auditEvent.count()).toBe(auditCount + 1);
		const event = await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
		expect(event).toMatchObject({
			actorId: actors.label.id,
			actorLabel: 'Louise Label',
			actorRole: 'EDITOR:LABEL',
			action: 'update',
			entityType: 'Measure',
			entityId: m11,
			measureId: m11,
			reason: 'Comité du 3 mars'
		});
		expect(event.before).toMatchObject({ status: null, progressManual: null, confidence: null });
		expect(event.after).toMatchObject({ status: 'IN_PROGRESS', progressManual: 40, confidence: 'AT_RISK' });
	});

	it('lets a contributing team edit, and keeps "statut non renseigné" selectable', async () => {
		const before = await current(m11);
		await updateMeasure(db, actors.pole, { ...edit(before, { status: null, plannedEnd: { start: '2023-07-01', precision: 'SEMESTER' } }), measureId: m11 });
		const row = await db.measure.findUniqueOrThrow({ where: { id: m11 } });
		expect(row.status).toBeNull();
		expect(row.plannedEndPrecision).toBe('SEMESTER');
		const event = await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
		expect(event.actorRole).toBe('EDITOR:POLE_LL');
	});

	it('writes nothing when nothing changed', async () => {
		const before = await current(m11);
		const count = await db.auditEvent.count();
		expect(await updateMeasure(db, actors.label, { ...edit(before, {}), measureId: m11 })).toEqual({ changed: false });
		expect(await db.auditEvent.count()).toBe(count);
		expect((await current(m11)).version).toBe(before.version);
	});

	it('refuses other teams, read-only roles and anonymous visitors, writing nothing', async () => {
		const before = await current(m11);
		const snapshot = await footprint(db);
		for (const who of [actors.talents, actors.amdac, actors.council, null]) {
			await expect(updateMeasure(db, who, { ...edit(before, { status: 'DONE', description: 'piraté' }), measureId: m11 })).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect(await footprint(db)).toBe(snapshot);
	});

	it('never overwrites a newer change: a stale version is a conflict carrying the stored values', async () => {
		const stale = await current(m11);
		await updateMeasure(db, actors.label, { ...edit(stale, { description: 'Version de Louise' }), measureId: m11 });
		const snapshot = await footprint(db);
		const error = await updateMeasure(db, actors.pole, { ...edit(stale, { description: 'Version de Paul' }), measureId: m11 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConflictError);
		expect((error as ConflictError<MeasureFields & { version: number }>).current).toMatchObject({ description: 'Version de Louise', version: stale.version + 1 });
		expect(await footprint(db)).toBe(snapshot);
		expect((await current(m11)).description).toBe('Version de Louise');
	});
});

describe('closing a measure needs a proof', () => {
	let bare: string;
	beforeAll(async () => {
		const model = await db.measure.findUniqueOrThrow({ where: { id: m11 } });
		const created = await db.measure.create({
			data: { planId: model.planId, axisId: model.axisId, number: '1.9', position: 9, title: 'Mesure sans preuve', description: 'Test', leadOwnerId: model.leadOwnerId }
		});
		bare = created.id;
	});

	it('refuses "done" and "abandoned" without evidence or a sourced published update, writing nothing', async () => {
		const before = await current(bare);
		const snapshot = await footprint(db);
		for (const status of ['DONE', 'ABANDONED'] as const) {
			const error = await updateMeasure(db, actors.label, { ...edit(before, { status }), measureId: bare }).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(RuleError);
			expect(error).toMatchObject({ messageKey: 'editing.errors.proofRequired', field: 'status' });
		}
		expect(await footprint(db)).toBe(snapshot);
	});

	it('does not count a draft or an update without a source as a proof', async () => {
		const plan = await db.measure.findUniqueOrThrow({ where: { id: bare }, select: { planId: true } });
		await db.progressUpdate.createMany({
			data: [
				{ planId: plan.planId, measureId: bare, date: new Date('2026-01-01'), text: 'Brouillon sourcé', sourceUrls: ['https://example.org/a'] },
				{ planId: plan.planId, measureId: bare, date: new Date('2026-01-02'), text: 'Publié sans source', sourceUrls: [], publishedAt: new Date() }
			]
		});
		const before = await current(bare);
		await expect(updateMeasure(db, actors.label, { ...edit(before, { status: 'DONE' }), measureId: bare })).rejects.toBeInstanceOf(RuleError);
	});

	it('accepts "done" once a published update cites a source', async () => {
		const plan = await db.measure.findUniqueOrThrow({ where: { id: bare }, select: { planId: true } });
		await db.progressUpdate.create({
			data: { planId: plan.planId, measureId: bare, date: new Date('2026-01-03'), text: 'Livré', sourceUrls: ['https://example.org/b'], publishedAt: new Date() }
		});
		const before = await current(bare);
		await updateMeasure(db, actors.label, { ...edit(before, { status: 'DONE' }), measureId: bare });
		expect((await db.measure.findUniqueOrThrow({ where: { id: bare } })).status).toBe('DONE');
	});

	it('accepts "done" with an evidence link (measure 1.2 has six)', async () => {
		const id = await measureId(db, '1.2');
		const before = await current(id);
		await updateMeasure(db, actors.label, { ...edit(before, { status: 'ABANDONED' }), measureId: id });
		expect((await db.measure.findUniqueOrThrow({ where: { id } })).status).toBe('ABANDONED');
	});
});

describe('the proofs that count for "done", as the status field shows them (issue 10 #4)', () => {
	it('lists evidence links and sourced published updates, never a draft or an update without a source', async () => {
		const {
			measures: [m]
		} = await smallPlan(db, { axes: 1, measures: 1 });
		expect((await getMeasureForEdit(db, actors.admin, m!.id)).evidence).toEqual({ proofs: [], allowed: false });
		const link = await evidenceLink(db, m!.id, { title: 'Arrêté', url: 'https://example.org/arrete' });
		await progressUpdate(db, m!.id, { sourceUrls: ['https://example.org/brouillon'] });
		await progressUpdate(db, m!.id, { publishedAt: new Date() });
		const sourced = await progressUpdate(db, m!.id, {
			date: new Date('2026-02-01T00:00:00.000Z'),
			datePrecision: 'MONTH',
			sourceUrls: ['https://example.org/a', 'https://example.org/b'],
			publishedAt: new Date()
		});
		expect((await getMeasureForEdit(db, actors.admin, m!.id)).evidence).toEqual({
			allowed: true,
			proofs: [
				{ kind: 'link', id: link.id, title: 'Arrêté', url: 'https://example.org/arrete' },
				{ kind: 'update', id: sourced.id, date: '2026-02-01', precision: 'MONTH', url: 'https://example.org/a' }
			]
		});
	});

	it('refuses "done" exactly when the form lists no proof, and names the status field', async () => {
		const {
			measures: [m]
		} = await smallPlan(db, { axes: 1, measures: 1 });
		const model = await getMeasureForEdit(db, actors.admin, m!.id);
		expect(model.evidence.allowed).toBe(false);
		const input = { ...model.fields, status: 'DONE' as const, version: model.version, reason: null, measureId: m!.id };
		await expect(updateMeasure(db, actors.admin, input)).rejects.toMatchObject({ messageKey: 'editing.errors.proofRequired', field: 'status' });
		await evidenceLink(db, m!.id);
		expect((await getMeasureForEdit(db, actors.admin, m!.id)).evidence.allowed).toBe(true);
		await expect(updateMeasure(db, actors.admin, input)).resolves.toEqual({ changed: true });
	});
});

describe('updateMeasureOwners', () => {
	it('is for admins only: editors of the team are refused and nothing is written', async () => {
		const model = await getMeasureForEdit(db, actors.admin, m11);
		const snapshot = await footprint(db);
		const talents = model.allOwners.find((o) => o.code === 'TALENTS')!.id;
		for (const who of [actors.label, actors.pole, actors.amdac, null]) {
			await expect(updateMeasureOwners(db, who, { measureId: m11, version: model.version, leadOwnerId: talents, contributorOwnerIds: [], reason: null })).rejects.toBeInstanceOf(
				ForbiddenError
			);
		}
		expect(await footprint(db)).toBe(snapshot);
	});

	it('moves a measure to other teams, with its audit event; the old team loses the right to edit', async () => {
		const model = await getMeasureForEdit(db, actors.admin, m11);
		const code = (c: string) => model.allOwners.find((o) => o.code === c)!.id;
		await updateMeasureOwners(db, actors.admin, {
			measureId: m11,
			version: model.version,
			leadOwnerId: code('TALENTS'),
			contributorOwnerIds: [code('POLE_LL'), code('TALENTS')],
			reason: 'Réorganisation'
		});
		const after = await getMeasureForEdit(db, actors.admin, m11);
		expect(after.owners).toEqual({ leadOwnerId: code('TALENTS'), contributorOwnerIds: [code('POLE_LL')] });
		const event = await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
		expect(event).toMatchObject({ actorRole: 'ADMIN', reason: 'Réorganisation', before: { leadOwnerId: code('LABEL') }, after: { leadOwnerId: code('TALENTS') } });
		await expect(getMeasureForEdit(db, actors.label, m11)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getMeasureForEdit(db, actors.talents, m11)).resolves.toBeTruthy();
	});

	it('refuses an unknown owner', async () => {
		const model = await getMeasureForEdit(db, actors.admin, m11);
		await expect(
			updateMeasureOwners(db, actors.admin, { measureId: m11, version: model.version, leadOwnerId: 'nope', contributorOwnerIds: [], reason: null })
		).rejects.toMatchObject({ messageKey: 'editing.errors.unknownOwner' });
	});
});

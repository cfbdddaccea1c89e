import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/database';
import { footprint, measureId, seededEditingDatabase, type Actors } from '../helpers/editing';
import { addEvidence, listEvidenceForEdit, removeEvidence, updateEvidence } from '../../src/lib/server/domain/measures/evidence';
import { addIndicatorValue, listIndicatorsForEdit } from '../../src/lib/server/domain/measures/indicator-values';
import { addMilestone } from '../../src/lib/server/domain/measures/milestones';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../src/lib/server/domain/errors';
import type { Db } from '../../src/lib/server/db';
import { getMeasureForEdit, updateMeasure } from '../../src/lib/server/domain/measures/edit';
import { evidenceLink, progressUpdate, smallPlan } from '../factories';

let database: TestDatabase;
let db: Db;
let actors: Actors;
let m14: string;
let m22: string;

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	m14 = await measureId(db, '1.4');
	m22 = await measureId(db, '2.2');
});
afterAll(async () => {
	await database?.close();
});

const lastEvent = () => db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
const fields = { title: 'Annonce au JO', url: 'https://www.legifrance.gouv.fr/jorf/id/X', kind: 'DOCUMENT' as const, date: '2023-02-01', milestoneId: null };

describe('evidence links', () => {
	it('adds, edits and removes a link, each with its audit event', async () => {
		const audit = await db.auditEvent.count();
		const { id } = await addEvidence(db, actors.label, { measureId: m14, ...fields });
		expect(await lastEvent()).toMatchObject({ action: 'create', entityType: 'EvidenceLink', entityId: id, after: { title: 'Annonce au JO', date: '2023-02-01' } });
		let link = (await listEvidenceForEdit(db, actors.label, m14)).links.find((l) => l.id === id)!;
		await updateEvidence(db, actors.pole, { measureId: m14, evidenceId: id, version: link.version, ...fields, title: 'Arrêté au JO', kind: 'ARTICLE' });
		expect(await lastEvent()).toMatchObject({ action: 'update', before: { title: 'Annonce au JO', kind: 'DOCUMENT' }, after: { title: 'Arrêté au JO', kind: 'ARTICLE' } });
		link = (await listEvidenceForEdit(db, actors.label, m14)).links.find((l) => l.id === id)!;
		await removeEvidence(db, actors.label, { measureId: m14, evidenceId: id, version: link.version });
		expect(await db.evidenceLink.findUnique({ where: { id } })).toBeNull();
		expect(await lastEvent()).toMatchObject({ action: 'delete', entityId: id, before: { title: 'Arrêté au JO' } });
		expect(await db.auditEvent.count()).toBe(audit + 3);
	});

	it('ties a link to a milestone of the same measure only', async () => {
		const mine = await addMilestone(db, actors.label, { measureId: m14, title: 'Guide publié', description: null, weight: 1, planned: null });
		const other = await addMilestone(db, actors.admin, { measureId: m22, title: 'Autre', description: null, weight: 1, planned: null });
		const { id } = await addEvidence(db, actors.label, { measureId: m14, ...fields, milestoneId: mine.id });
		expect((await db.evidenceLink.findUniqueOrThrow({ where: { id } })).milestoneId).toBe(mine.id);
		await expect(addEvidence(db, actors.label, { measureId: m14, ...fields, milestoneId: other.id })).rejects.toMatchObject({ messageKey: 'editing.errors.unknownMilestone' });
	});

	it('detects a stale edit or removal and keeps the newer version', async () => {
		const { id } = await addEvidence(db, actors.label, { measureId: m14, ...fields, title: 'Original' });
		const stale = (await listEvidenceForEdit(db, actors.label, m14)).links.find((l) => l.id === id)!;
		await updateEvidence(db, actors.label, { measureId: m14, evidenceId: id, version: stale.version, ...fields, title: 'Corrigé' });
		const snapshot = await footprint(db);
		await expect(updateEvidence(db, actors.pole, { measureId: m14, evidenceId: id, version: stale.version, ...fields, title: 'Écrasé' })).rejects.toBeInstanceOf(ConflictError);
		await expect(removeEvidence(db, actors.pole, { measureId: m14, evidenceId: id, version: stale.version })).rejects.toBeInstanceOf(ConflictError);
		expect(await footprint(db)).toBe(snapshot);
		expect((await db.evidenceLink.findUniqueOrThrow({ where: { id } })).title).toBe('Corrigé');
	});

	it('refuses other teams, read-only roles and anonymous visitors, writing nothing', async () => {
		const [link] = (await listEvidenceForEdit(db, actors.admin, m14)).links;
		const snapshot = await footprint(db);
		for (const who of [actors.talents, actors.amdac, actors.council, null]) {
			await expect(addEvidence(db, who, { measureId: m14, ...fields })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(updateEvidence(db, who, { measureId: m14, evidenceId: link!.id, version: link!.version, ...fields })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(removeEvidence(db, who, { measureId: m14, evidenceId: link!.id, version: link!.version })).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(removeEvidence(db, actors.admin, { measureId: m22, evidenceId: link!.id, version: link!.version })).rejects.toBeInstanceOf(NotFoundError);
		expect(await footprint(db)).toBe(snapshot);
	});

	it('keeps the last proof of a closed measure', async () => {
		const plan = await db.measure.findUniqueOrThrow({ where: { id: m14 }, select: { planId: true, axisId: true, leadOwnerId: true } });
		const closed = await db.measure.create({ data: { ...plan, number: '1.8', position: 8, title: 'Close', description: 'x', status: 'DONE' } });
		const { id } = await addEvidence(db, actors.label, { measureId: closed.id, ...fields });
		const snapshot = await footprint(db);
		await expect(removeEvidence(db, actors.label, { measureId: closed.id, evidenceId: id, version: 1 })).rejects.toBeInstanceOf(RuleError);
		await expect(removeEvidence(db, actors.label, { measureId: closed.id, evidenceId: id, version: 1 })).rejects.toMatchObject({ messageKey: 'editing.errors.lastProof' });
		expect(await footprint(db)).toBe(snapshot);
	});
});

describe('removing a link, confirmed first (issue 10 #4)', () => {
	const oneMeasure = async (status: 'DONE' | 'IN_PROGRESS') => {
		const {
			measures: [m]
		} = await smallPlan(db, { axes: 1, measures: 1 });
		await db.measure.update({ where: { id: m!.id }, data: { status } });
		return m!.id;
	};

	it('says before the removal what would still prove the measure, or that it is refused', async () => {
		const done = await oneMeasure('DONE');
		const only = await evidenceLink(db, done, { title: 'Seule preuve' });
		expect((await listEvidenceForEdit(db, actors.admin, done, only.id)).removal).toEqual({
			link: { id: only.id, title: 'Seule preuve', version: 1 },
			status: 'DONE',
			remaining: [],
			refused: true,
			leavesNone: false
		});
		const update = await progressUpdate(db, done, { sourceUrls: ['https://example.org/source'], publishedAt: new Date() });
		expect((await listEvidenceForEdit(db, actors.admin, done, only.id)).removal).toMatchObject({
			refused: false,
			remaining: [{ kind: 'update', id: update.id, url: 'https://example.org/source' }]
		});
		const open = await oneMeasure('IN_PROGRESS');
		const last = await evidenceLink(db, open);
		expect((await listEvidenceForEdit(db, actors.admin, open, last.id)).removal).toMatchObject({ refused: false, leavesNone: true, remaining: [] });
		// A link of another measure, or none: no confirmation to show.
		expect((await listEvidenceForEdit(db, actors.admin, open, only.id)).removal).toBeNull();
		expect((await listEvidenceForEdit(db, actors.admin, open)).removal).toBeNull();
	});

	it('removes the link of a closed measure that a sourced published update still proves, with its audit event', async () => {
		const done = await oneMeasure('DONE');
		const link = await evidenceLink(db, done);
		await progressUpdate(db, done, { sourceUrls: ['https://example.org/source'], publishedAt: new Date() });
		await removeEvidence(db, actors.admin, { measureId: done, evidenceId: link.id, version: link.version });
		expect(await db.evidenceLink.findUnique({ where: { id: link.id } })).toBeNull();
		expect(await lastEvent()).toMatchObject({ action: 'delete', entityType: 'EvidenceLink', entityId: link.id, measureId: done });
	});

	it('never leaves a closed measure without a proof when closing it and removing its last link race', async () => {
		for (let i = 0; i < 4; i++) {
			const open = await oneMeasure('IN_PROGRESS');
			const link = await evidenceLink(db, open);
			const model = await getMeasureForEdit(db, actors.admin, open);
			const outcomes = await Promise.allSettled([
				updateMeasure(db, actors.admin, { ...model.fields, status: 'DONE', version: model.version, reason: null, measureId: open }),
				removeEvidence(db, actors.admin, { measureId: open, evidenceId: link.id, version: link.version })
			]);
			expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
			const status = (await db.measure.findUniqueOrThrow({ where: { id: open } })).status;
			const links = await db.evidenceLink.count({ where: { measureId: open } });
			expect(status === 'DONE' && links === 0).toBe(false);
		}
	});
});

describe('indicator values', () => {
	it('adds a dated, sourced value with its audit event', async () => {
		const [indicator] = await listIndicatorsForEdit(db, actors.pole, m22);
		const before = indicator!.values.length;
		const { id } = await addIndicatorValue(db, actors.pole, {
			measureId: m22,
			indicatorId: indicator!.id,
			date: { start: '2026-10-01', precision: 'MONTH' },
			value: 21000,
			qualifier: 'plus de',
			sourceUrl: 'https://code.gouv.fr/',
			note: null
		});
		const [after] = await listIndicatorsForEdit(db, actors.pole, m22);
		expect(after!.values).toHaveLength(before + 1);
		expect(after!.values.at(-1)).toMatchObject({ id, date: '2026-10-01', precision: 'MONTH', value: 21000, qualifier: 'plus de' });
		expect(await lastEvent()).toMatchObject({ action: 'create', entityType: 'IndicatorValue', entityId: id, measureId: m22, after: { value: 21000, indicatorId: indicator!.id } });
	});

	it('refuses other teams and indicators of another measure, writing nothing', async () => {
		const [indicator] = await listIndicatorsForEdit(db, actors.admin, m22);
		const input = {
			measureId: m22,
			indicatorId: indicator!.id,
			date: { start: '2026-10-01', precision: 'DAY' as const },
			value: 1,
			qualifier: null,
			sourceUrl: 'https://a.fr/',
			note: null
		};
		const snapshot = await footprint(db);
		for (const who of [actors.label, actors.talents, actors.amdac, actors.council, null]) {
			await expect(addIndicatorValue(db, who, input)).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(addIndicatorValue(db, actors.label, { ...input, measureId: m14 })).rejects.toBeInstanceOf(NotFoundError);
		expect(await footprint(db)).toBe(snapshot);
	});
});

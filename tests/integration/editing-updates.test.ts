import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/database';
import { footprint, measureId, seededEditingDatabase, type Actors } from '../helpers/editing';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { listDrafts, listUpdatesForEdit, publishUpdate, removeUpdateDraft, saveUpdateDraft } from '../../src/lib/server/domain/measures/progress-updates';
import { getMeasureDetail } from '../../src/lib/server/domain/measures/view';
import { getPlanDashboard } from '../../src/lib/server/domain/plans/view';
import { getMeasureHistory } from '../../src/lib/server/domain/measures/history';
import { ConflictError, ForbiddenError, RuleError } from '../../src/lib/server/domain/errors';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let actors: Actors;
// Measure 3.3: led by TALENTS, with POLE_LL contributing; LABEL is another team.
let m33: string;

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	m33 = await measureId(db, '3.3');
});
afterAll(async () => {
	await database?.close();
});

const fields = {
	date: { start: '2099-01-15', precision: 'DAY' as const },
	text: 'Brouillon secret : recrutement de trois experts',
	blockers: 'Budget',
	nextSteps: 'Publier les offres',
	sourceUrls: ['https://www.numerique.gouv.fr/']
};

async function publicTexts() {
	const detail = await getMeasureDetail(db, DEFAULT_PLAN_SLUG, '3.3');
	const dashboard = await getPlanDashboard(db, DEFAULT_PLAN_SLUG);
	const history = await getMeasureHistory(db, null, DEFAULT_PLAN_SLUG, '3.3');
	const summary = dashboard!.axes.flatMap((a) => a.measures).find((m) => m.number === '3.3')!;
	return {
		detail: detail!.updates.map((u) => u.text),
		latestFact: dashboard!.latestFact?.text,
		planFacts: dashboard!.planFacts.map((f) => f.text),
		measureLatest: summary.latestUpdate?.text,
		history: JSON.stringify(history),
		lastChangeAt: dashboard!.lastChangeAt,
		measureLastChangeAt: detail!.lastChangeAt
	};
}

describe('progress updates', () => {
	it('keeps a draft out of every public read: measure page, dashboard, latest facts, history, "last updated"', async () => {
		const before = await publicTexts();
		const { id } = await saveUpdateDraft(db, actors.talents, { measureId: m33, updateId: null, version: null, ...fields });
		const { drafts } = await listUpdatesForEdit(db, actors.talents, m33);
		expect(drafts.map((d) => d.id)).toContain(id);
		const event = await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
		expect(event).toMatchObject({ action: 'create', entityType: 'ProgressUpdateDraft', entityId: id, measureId: m33 });
		const after = await publicTexts();
		expect(after).toEqual(before);
		expect(after.history).not.toContain('Brouillon secret');
	});

	it('lets every internal reader, and no one else, read the drafts', async () => {
		for (const who of [actors.amdac, actors.council, actors.label, actors.admin]) {
			expect((await listDrafts(db, who, m33)).map((d) => d.text)).toEqual([fields.text]);
		}
		await expect(listDrafts(db, null, m33)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('edits a draft with version checks', async () => {
		const [draft] = (await listUpdatesForEdit(db, actors.talents, m33)).drafts;
		await saveUpdateDraft(db, actors.talents, { measureId: m33, updateId: draft!.id, version: draft!.version, ...fields, blockers: null });
		const snapshot = await footprint(db);
		await expect(saveUpdateDraft(db, actors.talents, { measureId: m33, updateId: draft!.id, version: draft!.version, ...fields, text: 'Écrasé' })).rejects.toBeInstanceOf(
			ConflictError
		);
		expect(await footprint(db)).toBe(snapshot);
		expect((await db.progressUpdate.findUniqueOrThrow({ where: { id: draft!.id } })).blockers).toBeNull();
	});

	it('refuses other teams and read-only roles, writing nothing', async () => {
		const [draft] = (await listUpdatesForEdit(db, actors.admin, m33)).drafts;
		const snapshot = await footprint(db);
		for (const who of [actors.label, actors.amdac, actors.council, null]) {
			await expect(saveUpdateDraft(db, who, { measureId: m33, updateId: null, version: null, ...fields })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(publishUpdate(db, who, { measureId: m33, updateId: draft!.id, version: draft!.version })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(removeUpdateDraft(db, who, { measureId: m33, updateId: draft!.id, version: draft!.version })).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect(await footprint(db)).toBe(snapshot);
	});

	it('publishes a draft: from then on it is public, in the history, and no longer editable as a draft', async () => {
		const [draft] = (await listUpdatesForEdit(db, actors.talents, m33)).drafts;
		await publishUpdate(db, actors.talents, { measureId: m33, updateId: draft!.id, version: draft!.version });
		const event = await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
		expect(event).toMatchObject({ action: 'publish', entityType: 'ProgressUpdate', entityId: draft!.id, actorRole: 'EDITOR:TALENTS' });
		const shown = await publicTexts();
		expect(shown.detail[0]).toBe(fields.text);
		expect(shown.measureLatest).toBe(fields.text);
		expect(shown.latestFact).toBe(fields.text);
		expect(shown.history).toContain(fields.text);
		const published = await db.progressUpdate.findUniqueOrThrow({ where: { id: draft!.id } });
		await expect(saveUpdateDraft(db, actors.talents, { measureId: m33, updateId: draft!.id, version: published.version, ...fields })).rejects.toBeInstanceOf(RuleError);
		await expect(removeUpdateDraft(db, actors.talents, { measureId: m33, updateId: draft!.id, version: published.version })).rejects.toBeInstanceOf(RuleError);
	});

	it('deletes a draft with its audit event', async () => {
		const { id } = await saveUpdateDraft(db, actors.admin, { measureId: m33, updateId: null, version: null, ...fields, text: 'À jeter' });
		await removeUpdateDraft(db, actors.admin, { measureId: m33, updateId: id, version: 1 });
		expect(await db.progressUpdate.findUnique({ where: { id } })).toBeNull();
		expect(await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({ action: 'delete', entityType: 'ProgressUpdateDraft', entityId: id });
	});
});

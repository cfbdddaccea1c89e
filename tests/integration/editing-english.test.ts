// The English version of a measure (title, description) and of a milestone (title), edited from the
// browser's forms: parsed by the same zod schemas as the forms, saved by the usual domain functions
// (optimistic concurrency, one audit event per write), shown in the public history and on /en pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/database';
import { footprint, measureId, seededEditingDatabase, type Actors } from '../helpers/editing';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { getMeasureForEdit, updateMeasure } from '../../src/lib/server/domain/measures/edit';
import { addMilestone, listMilestonesForEdit, updateMilestone } from '../../src/lib/server/domain/measures/milestones';
import { getMeasureHistory } from '../../src/lib/server/domain/measures/history';
import { ConflictError, ForbiddenError } from '../../src/lib/server/domain/errors';
import { parseForm } from '../../src/lib/server/forms/form';
import { measureForm, measureValues } from '../../src/lib/server/validation/measure';
import { addMilestoneForm, milestoneValues, updateMilestoneForm } from '../../src/lib/server/validation/milestone';
import type { Db } from '../../src/lib/server/db';

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

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	return data;
};
const lastEvent = () => db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });

/** What the measure form posts: the values it was loaded with, with some of them changed. */
async function measurePost(changes: Record<string, string>) {
	const model = await getMeasureForEdit(db, actors.admin, m11);
	const parsed = parseForm(measureForm, form({ ...(measureValues({ ...model.fields, version: model.version }) as Record<string, string>), ...changes }), 'fr');
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return { data: parsed.data, version: model.version };
}

describe('English version of a measure', () => {
	it('is saved from the form, bumps the version and writes one audit event with both versions', async () => {
		const { data, version } = await measurePost({ titleEn: '  Promote free software  ', descriptionEn: 'A catalogue of free software for public bodies.' });
		const audit = await db.auditEvent.count();
		expect(await updateMeasure(db, actors.label, { ...data, measureId: m11 })).toEqual({ changed: true });
		const row = await db.measure.findUniqueOrThrow({ where: { id: m11 } });
		expect(row).toMatchObject({ titleEn: 'Promote free software', descriptionEn: 'A catalogue of free software for public bodies.', version: version + 1 });
		expect(await db.auditEvent.count()).toBe(audit + 1);
		const event = await lastEvent();
		expect(event).toMatchObject({ entityType: 'Measure', entityId: m11, action: 'update', actorId: actors.label.id });
		expect(event.before).toMatchObject({ titleEn: null, descriptionEn: null });
		expect(event.after).toMatchObject({ titleEn: 'Promote free software', descriptionEn: 'A catalogue of free software for public bodies.' });
	});

	it('shows in the public history as English text', async () => {
		const history = await getMeasureHistory(db, null, DEFAULT_PLAN_SLUG, '1.1');
		const change = history!.entries[0]!.changes.find((c) => c.field === 'titleEn');
		expect(change).toEqual({ field: 'titleEn', before: { type: 'empty' }, after: { type: 'text', text: 'Promote free software', lang: 'en' } });
	});

	it('is cleared by an empty field (the English pages then show the French text)', async () => {
		const { data } = await measurePost({ titleEn: '', descriptionEn: '   ' });
		expect(data).toMatchObject({ titleEn: null, descriptionEn: null });
		await updateMeasure(db, actors.label, { ...data, measureId: m11 });
		expect(await db.measure.findUniqueOrThrow({ where: { id: m11 } })).toMatchObject({ titleEn: null, descriptionEn: null });
	});

	it('is left as it is by a post without the English fields', async () => {
		await updateMeasure(db, actors.label, { ...(await measurePost({ titleEn: 'Promote free software' })).data, measureId: m11 });
		const { titleEn: _t, descriptionEn: _d, ...withoutEnglish } = (await measurePost({ status: 'IN_PROGRESS' })).data;
		expect(await updateMeasure(db, actors.label, { ...withoutEnglish, measureId: m11 })).toEqual({ changed: true });
		expect(await db.measure.findUniqueOrThrow({ where: { id: m11 } })).toMatchObject({ status: 'IN_PROGRESS', titleEn: 'Promote free software' });
	});

	it('refuses a stale version: nothing written, the stored English text offered for comparison', async () => {
		const stale = await measurePost({ titleEn: 'First translation' });
		await updateMeasure(db, actors.label, { ...(await measurePost({ titleEn: 'Second translation' })).data, measureId: m11 });
		const before = await footprint(db);
		const error = await updateMeasure(db, actors.pole, { ...stale.data, measureId: m11 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConflictError);
		expect(measureValues((error as ConflictError).current as never)).toMatchObject({ titleEn: 'Second translation' });
		expect(await footprint(db)).toBe(before);
	});

	it('is refused to a team that does not carry the measure, with nothing written', async () => {
		const { data } = await measurePost({ titleEn: 'Not mine' });
		const before = await footprint(db);
		await expect(updateMeasure(db, actors.talents, { ...data, measureId: m11 })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await footprint(db)).toBe(before);
	});

	it('is validated: a title over 300 characters gets a localized message on its field', () => {
		const base = {
			version: '1',
			status: '',
			progressMethod: 'MANUAL',
			progressManual: '',
			confidence: '',
			confidenceExplanation: '',
			plannedStart: '',
			plannedEnd: '',
			description: 'D',
			subActions: '',
			reason: ''
		};
		const fr = parseForm(measureForm, form({ ...base, titleEn: 'x'.repeat(301), descriptionEn: '' }), 'fr');
		const en = parseForm(measureForm, form({ ...base, titleEn: 'x'.repeat(301), descriptionEn: '' }), 'en');
		expect(fr.ok).toBe(false);
		expect(en.ok).toBe(false);
		if (fr.ok || en.ok) return;
		expect(Object.keys(fr.errors)).toEqual(['titleEn']);
		expect(fr.errors.titleEn).toMatch(/\S/);
		expect(en.errors.titleEn).not.toBe(fr.errors.titleEn);
	});
});

describe('English title of a milestone', () => {
	it('is saved when the milestone is added, with the audit event', async () => {
		const parsed = parseForm(addMilestoneForm, form({ title: 'Catalogue publié', titleEn: 'Catalogue published', description: '', planned: '', weight: '1' }), 'fr');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const { id } = await addMilestone(db, actors.label, { ...parsed.data, measureId: m11 });
		expect(await db.milestone.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: 'Catalogue publié', titleEn: 'Catalogue published' });
		expect(await lastEvent()).toMatchObject({ entityType: 'Milestone', entityId: id, action: 'create', after: expect.objectContaining({ titleEn: 'Catalogue published' }) });
	});

	it('is changed alone through the edit form: version bumped, one audit event, stale version refused', async () => {
		const milestone = (await listMilestonesForEdit(db, actors.admin, m11)).find((m) => m.title === 'Catalogue publié')!;
		const values = milestoneValues({ ...milestone, planned: undefined }) as Record<string, string>;
		const post = (titleEn: string) => parseForm(updateMilestoneForm, form({ ...values, milestoneId: milestone.id, titleEn }), 'fr');
		const first = post('Catalogue online');
		const stale = post('Catalogue live');
		if (!first.ok || !stale.ok) throw new Error('form refused');
		const audit = await db.auditEvent.count();
		expect(await updateMilestone(db, actors.pole, { ...first.data, measureId: m11 })).toEqual({ changed: true });
		const row = await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
		expect(row).toMatchObject({ title: 'Catalogue publié', titleEn: 'Catalogue online', version: milestone.version + 1 });
		expect(await db.auditEvent.count()).toBe(audit + 1);
		expect(await lastEvent()).toMatchObject({
			action: 'update',
			before: expect.objectContaining({ titleEn: 'Catalogue published' }),
			after: expect.objectContaining({ titleEn: 'Catalogue online' })
		});
		const before = await footprint(db);
		await expect(updateMilestone(db, actors.pole, { ...stale.data, measureId: m11 })).rejects.toBeInstanceOf(ConflictError);
		expect(await footprint(db)).toBe(before);
		const history = await getMeasureHistory(db, null, DEFAULT_PLAN_SLUG, '1.1');
		expect(history!.entries[0]!.changes).toContainEqual({
			field: 'titleEn',
			before: { type: 'text', text: 'Catalogue published', lang: 'en' },
			after: { type: 'text', text: 'Catalogue online', lang: 'en' }
		});
	});
});

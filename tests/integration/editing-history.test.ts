import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/database';
import { measureId, seededEditingDatabase, type Actors } from '../helpers/editing';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { getMeasureForEdit, updateMeasure } from '../../src/lib/server/domain/measures/edit';
import { addMilestone, listMilestonesForEdit, replanMilestone } from '../../src/lib/server/domain/measures/milestones';
import { addEvidence } from '../../src/lib/server/domain/measures/evidence';
import { getMeasureHistory } from '../../src/lib/server/domain/measures/history';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let actors: Actors;
let m21: string;

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	m21 = await measureId(db, '2.1');
	const model = await getMeasureForEdit(db, actors.pole, m21);
	await updateMeasure(db, actors.pole, {
		...model.fields,
		measureId: m21,
		version: model.version,
		status: 'IN_PROGRESS',
		plannedEnd: { start: '2023-07-01', precision: 'SEMESTER' },
		reason: 'Point d’étape'
	});
	const { id } = await addMilestone(db, actors.admin, {
		measureId: m21,
		title: 'Guide d’ouverture',
		description: null,
		weight: 1,
		planned: { start: '2023-01-01', precision: 'QUARTER' }
	});
	const milestone = (await listMilestonesForEdit(db, actors.admin, m21)).find((m) => m.id === id)!;
	await replanMilestone(db, actors.admin, {
		measureId: m21,
		milestoneId: id,
		version: milestone.version,
		planned: { start: '2023-07-01', precision: 'QUARTER' },
		reason: 'Relecture juridique'
	});
	await addEvidence(db, actors.pole, { measureId: m21, title: 'Guide publié', url: 'https://code.gouv.fr/guide', kind: 'DOCUMENT', date: null, milestoneId: null });
});
afterAll(async () => {
	await database?.close();
});

describe('public history of a measure', () => {
	it('lists changes newest first, as readable field changes, with the role of who made them', async () => {
		const history = await getMeasureHistory(db, null, DEFAULT_PLAN_SLUG, '2.1');
		expect(history!.measure.number).toBe('2.1');
		const [evidence, replan, added, measure, ...rest] = history!.entries;
		expect(evidence).toMatchObject({ kind: 'evidenceAdded', subject: 'Guide publié', mode: 'created', actor: { role: 'EDITOR', team: 'POLE_LL', name: null } });
		expect(evidence!.changes).toContainEqual({ field: 'url', before: { type: 'empty' }, after: { type: 'url', url: 'https://code.gouv.fr/guide' } });
		expect(replan).toMatchObject({
			kind: 'milestoneReplanned',
			subject: 'Guide d’ouverture',
			reason: 'Relecture juridique',
			actor: { role: 'ADMIN', team: null, name: null },
			changes: [
				{
					field: 'planned',
					before: { type: 'date', date: { start: '2023-01-01', precision: 'QUARTER' } },
					after: { type: 'date', date: { start: '2023-07-01', precision: 'QUARTER' } }
				}
			]
		});
		expect(added).toMatchObject({ kind: 'milestoneAdded', mode: 'created' });
		expect(added!.changes.map((c) => c.field)).not.toContain('position');
		expect(measure).toMatchObject({ kind: 'measureUpdated', reason: 'Point d’étape' });
		// Only what changed, never the raw record.
		expect(measure!.changes).toEqual([
			{ field: 'status', before: { type: 'status', value: 'NOT_REPORTED' }, after: { type: 'status', value: 'IN_PROGRESS' } },
			{ field: 'plannedEnd', before: { type: 'empty' }, after: { type: 'date', date: { start: '2023-07-01', precision: 'SEMESTER' } } }
		]);
		// The seed's records become one import line instead of dozens.
		expect(rest).toHaveLength(1);
		expect(rest[0]).toMatchObject({ kind: 'import', actor: { role: 'SYSTEM' } });
		expect(rest[0]!.count).toBeGreaterThan(10);
		const times = history!.entries.map((e) => e.at);
		expect(times).toEqual([...times].sort().reverse());
	});

	it('names the staff only when the plan allows it (or for signed-in staff)', async () => {
		expect((await getMeasureHistory(db, null, DEFAULT_PLAN_SLUG, '2.1'))!.entries[0]!.actor.name).toBeNull();
		expect((await getMeasureHistory(db, actors.amdac, DEFAULT_PLAN_SLUG, '2.1'))!.entries[0]!.actor.name).toBe('Paul Pôle');
	});

	it('shows only whitelisted public fields, and nothing of other measures', async () => {
		await db.auditEvent.create({
			data: {
				actorId: 'x',
				actorLabel: 'x',
				actorRole: 'ADMIN',
				action: 'update',
				entityType: 'Measure',
				entityId: m21,
				measureId: m21,
				before: { internalNote: 'a' },
				after: { internalNote: 'secret' }
			}
		});
		const history = await getMeasureHistory(db, null, DEFAULT_PLAN_SLUG, '2.1');
		expect(JSON.stringify(history)).not.toContain('secret');
		const other = await getMeasureHistory(db, null, DEFAULT_PLAN_SLUG, '2.2');
		expect(other!.entries.map((e) => e.kind)).toEqual(['import']);
	});

	it('never turns a stored non-web address into a link', async () => {
		await db.auditEvent.create({
			data: {
				actorId: 'x',
				actorLabel: 'x',
				actorRole: 'ADMIN',
				action: 'create',
				entityType: 'EvidenceLink',
				entityId: 'e',
				measureId: m21,
				after: { title: 'Piège', url: 'javascript:alert(1)' }
			}
		});
		const [entry] = (await getMeasureHistory(db, null, DEFAULT_PLAN_SLUG, '2.1'))!.entries;
		expect(entry!.changes).toContainEqual({ field: 'url', before: { type: 'empty' }, after: { type: 'text', text: 'javascript:alert(1)' } });
	});

	it('returns null for an unknown measure', async () => {
		expect(await getMeasureHistory(db, null, DEFAULT_PLAN_SLUG, '9.9')).toBeNull();
	});
});

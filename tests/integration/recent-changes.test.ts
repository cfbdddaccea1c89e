// The dashboard's "recently updated measures" on a fresh install: the initial import (the seed) is
// where the plan starts, not a change, so the list is empty until someone changes something; the
// measure's history still shows the import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededEditingDatabase, measureId, type Actors } from '../helpers/editing';
import type { TestDatabase } from '../helpers/database';
import type { Db } from '../../src/lib/server/db';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { getPlanAgenda } from '../../src/lib/server/domain/plans/agenda';
import { publishUpdate, saveUpdateDraft } from '../../src/lib/server/domain/measures/progress-updates';

let database: TestDatabase;
let db: Db;
let actors: Actors;
let planId: string;

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	planId = (await db.plan.findUniqueOrThrow({ where: { slug: DEFAULT_PLAN_SLUG } })).id;
}, 120_000);
afterAll(async () => {
	await database?.close();
});

describe('recent changes start after the initial import', () => {
	it('lists no measure as recently updated on a fresh install, although the seed wrote public events', async () => {
		const seedEvents = await db.auditEvent.count({ where: { planId, actorLabel: 'seed', entityType: 'Measure' } });
		expect(seedEvents).toBeGreaterThan(0);
		const agenda = await getPlanAgenda(db, planId, '2026-11-23');
		expect(agenda.recent).toEqual([]);
	});

	it('lists a measure once someone publishes an update on it, and only that measure', async () => {
		const id = await measureId(db, '1.1');
		const draft = await saveUpdateDraft(db, actors.label, {
			measureId: id,
			updateId: null,
			version: null,
			date: { start: '2026-11-20', precision: 'DAY' },
			text: 'Nouvelle étape franchie.',
			blockers: null,
			nextSteps: null,
			sourceUrls: []
		});
		await publishUpdate(db, actors.label, { measureId: id, updateId: draft.id, version: 1 });
		const agenda = await getPlanAgenda(db, planId, '2026-11-23');
		expect(agenda.recent.map((m) => m.number)).toEqual(['1.1']);
		expect(agenda.recent[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/database';
import { footprint, measureId, seededEditingDatabase, type Actors } from '../helpers/editing';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { addMilestone, listMilestonesForEdit, moveMilestone, replanMilestone, setMilestoneDone, updateMilestone } from '../../src/lib/server/domain/measures/milestones';
import { getMeasureDetail } from '../../src/lib/server/domain/measures/view';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../src/lib/server/domain/errors';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let actors: Actors;
let m11: string;
let m31: string;

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	m11 = await measureId(db, '1.1');
	m31 = await measureId(db, '3.1');
});
afterAll(async () => {
	await database?.close();
});

const lastEvent = () => db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
const list = () => listMilestonesForEdit(db, actors.admin, m11);

describe('milestones', () => {
	it('adds milestones at the end of the list, each with its audit event', async () => {
		const audit = await db.auditEvent.count();
		const a = await addMilestone(db, actors.label, {
			measureId: m11,
			title: 'Cahier des charges',
			description: null,
			weight: 1,
			planned: { start: '2023-07-01', precision: 'QUARTER' }
		});
		const b = await addMilestone(db, actors.label, { measureId: m11, title: 'Marché notifié', description: 'Notification', weight: 2, planned: null });
		const c = await addMilestone(db, actors.pole, { measureId: m11, title: 'Catalogue en ligne', description: null, weight: 1, planned: { start: null, precision: 'CONTINUOUS' } });
		expect((await list()).map((m) => m.id)).toEqual([a.id, b.id, c.id]);
		expect(await db.auditEvent.count()).toBe(audit + 3);
		expect(await lastEvent()).toMatchObject({ action: 'create', entityType: 'Milestone', entityId: c.id, measureId: m11, actorRole: 'EDITOR:POLE_LL' });
	});

	it('edits title, description and weight; a stale form is a conflict and the newer change stays', async () => {
		const [first] = await list();
		await updateMilestone(db, actors.label, { measureId: m11, milestoneId: first!.id, version: first!.version, title: 'Cahier des clauses', description: 'CCTP', weight: 3 });
		const snapshot = await footprint(db);
		const error = await updateMilestone(db, actors.pole, {
			measureId: m11,
			milestoneId: first!.id,
			version: first!.version,
			title: 'Autre titre',
			description: null,
			weight: 1
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConflictError);
		expect((error as ConflictError<{ title: string }>).current.title).toBe('Cahier des clauses');
		expect(await footprint(db)).toBe(snapshot);
		expect(await lastEvent()).toMatchObject({ action: 'update', before: { title: 'Cahier des charges', weight: 1 }, after: { title: 'Cahier des clauses', weight: 3 } });
	});

	it('moves a milestone up and down; the ends do not move', async () => {
		const [a, b, c] = await list();
		await moveMilestone(db, actors.label, { measureId: m11, milestoneId: c!.id, version: c!.version, direction: 'up' });
		expect((await list()).map((m) => m.id)).toEqual([a!.id, c!.id, b!.id]);
		const moved = (await list())[1]!;
		expect(moved.version).toBe(c!.version + 1);
		expect(await lastEvent()).toMatchObject({ action: 'update', entityId: c!.id, before: { position: 2 }, after: { position: 1 } });
		const top = (await list())[0]!;
		expect(await moveMilestone(db, actors.label, { measureId: m11, milestoneId: top.id, version: top.version, direction: 'up' })).toEqual({ changed: false });
		await moveMilestone(db, actors.label, { measureId: m11, milestoneId: top.id, version: top.version, direction: 'down' });
		expect((await list()).map((m) => m.id)).toEqual([c!.id, a!.id, b!.id]);
	});

	it('marks a milestone done on a past day, refuses a future day, and reopens it', async () => {
		const target = (await list()).find((m) => m.title === 'Cahier des clauses')!;
		const error = await setMilestoneDone(db, actors.label, { measureId: m11, milestoneId: target.id, version: target.version, doneOn: '2026-12-01' }, '2026-11-23').catch(
			(e: unknown) => e
		);
		expect(error).toMatchObject({ messageKey: 'editing.errors.doneInFuture', field: 'doneOn' });
		await setMilestoneDone(db, actors.label, { measureId: m11, milestoneId: target.id, version: target.version, doneOn: '2026-11-20' }, '2026-11-23');
		const done = (await list()).find((m) => m.id === target.id)!;
		expect(done.doneOn).toBe('2026-11-20');
		expect(await lastEvent()).toMatchObject({ before: { doneOn: null }, after: { doneOn: '2026-11-20' } });
		await setMilestoneDone(db, actors.label, { measureId: m11, milestoneId: target.id, version: done.version, doneOn: null });
		expect((await list()).find((m) => m.id === target.id)!.doneOn).toBeNull();
	});

	it('re-plans with a reason and keeps the earlier date, publicly shown as re-planned', async () => {
		const target = (await list()).find((m) => m.title === 'Cahier des clauses')!;
		expect(target.planned).toEqual({ start: '2023-07-01', precision: 'QUARTER' });
		await replanMilestone(db, actors.label, {
			measureId: m11,
			milestoneId: target.id,
			version: target.version,
			planned: { start: '2024-01-01', precision: 'SEMESTER' },
			reason: 'Appel d’offres infructueux'
		});
		const after = (await list()).find((m) => m.id === target.id)!;
		expect(after.planned).toEqual({ start: '2024-01-01', precision: 'SEMESTER' });
		expect(after.replans).toEqual([{ previous: { start: '2023-07-01', precision: 'QUARTER' }, at: expect.any(String), reason: 'Appel d’offres infructueux' }]);
		expect(await lastEvent()).toMatchObject({
			action: 'replan',
			reason: 'Appel d’offres infructueux',
			before: { plannedDate: '2023-07-01', plannedPrecision: 'QUARTER' },
			after: { plannedDate: '2024-01-01', plannedPrecision: 'SEMESTER' }
		});

		const detail = await getMeasureDetail(db, DEFAULT_PLAN_SLUG, '1.1');
		const shown = detail!.milestones.find((m) => m.id === target.id)!;
		expect(shown.planned).toEqual({ start: '2024-01-01', precision: 'SEMESTER' });
		expect(shown.replans.map((r) => r.previous)).toEqual([{ start: '2023-07-01', precision: 'QUARTER' }]);

		await expect(
			replanMilestone(db, actors.label, { measureId: m11, milestoneId: target.id, version: after.version, planned: { start: '2024-01-01', precision: 'SEMESTER' }, reason: 'x' })
		).rejects.toBeInstanceOf(RuleError);
	});

	it('dates an undated milestone without calling it re-planned', async () => {
		const undated = (await list()).find((m) => m.title === 'Marché notifié')!;
		await replanMilestone(db, actors.label, {
			measureId: m11,
			milestoneId: undated.id,
			version: undated.version,
			planned: { start: '2024-03-01', precision: 'MONTH' },
			reason: 'Calendrier connu'
		});
		const after = (await list()).find((m) => m.id === undated.id)!;
		expect(after.planned).toEqual({ start: '2024-03-01', precision: 'MONTH' });
		expect(after.replans).toEqual([]);
	});

	it('refuses other teams and read-only roles, and ids of another measure, writing nothing', async () => {
		const [first] = await list();
		const snapshot = await footprint(db);
		for (const who of [actors.talents, actors.amdac, actors.council, null]) {
			await expect(addMilestone(db, who, { measureId: m11, title: 'x', description: null, weight: 1, planned: null })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(updateMilestone(db, who, { measureId: m11, milestoneId: first!.id, version: first!.version, title: 'x', description: null, weight: 1 })).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(moveMilestone(db, who, { measureId: m11, milestoneId: first!.id, version: first!.version, direction: 'down' })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(setMilestoneDone(db, who, { measureId: m11, milestoneId: first!.id, version: first!.version, doneOn: '2024-01-01' })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				replanMilestone(db, who, { measureId: m11, milestoneId: first!.id, version: first!.version, planned: { start: '2030-01-01', precision: 'YEAR' }, reason: 'x' })
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		// TALENTS may edit 3.1, but not through it reach a milestone of 1.1.
		await expect(
			updateMilestone(db, actors.talents, { measureId: m31, milestoneId: first!.id, version: first!.version, title: 'x', description: null, weight: 1 })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await footprint(db)).toBe(snapshot);
	});

	it('dates the progress figure when milestones drive it', async () => {
		await db.measure.update({ where: { id: m31 }, data: { progressMethod: 'MILESTONES', progressAsOf: null } });
		await addMilestone(db, actors.talents, { measureId: m31, title: 'Gazette', description: null, weight: 1, planned: null }, '2026-05-05');
		expect((await db.measure.findUniqueOrThrow({ where: { id: m31 } })).progressAsOf?.toISOString().slice(0, 10)).toBe('2026-05-05');
	});
});

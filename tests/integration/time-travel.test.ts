// Time travel on the real plan: dated facts by their own dates, edits made in the application by
// the audit log, and the comparison and the series computed from one load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { getPlanDashboard } from '../../src/lib/server/domain/plans/view';
import { getMeasureDetail } from '../../src/lib/server/domain/measures/view';
import { getMeasureDetailAt, getPlanDashboardAt } from '../../src/lib/server/domain/time-travel/view';
import { getPlanComparison, getProgressSeries } from '../../src/lib/server/domain/time-travel/compare';
import { updateMeasure } from '../../src/lib/server/domain/measures/edit';
import { addMilestone, setMilestoneDone } from '../../src/lib/server/domain/measures/milestones';

let database: TestDatabase;
const admin = { id: 'admin-tt', email: 'admin@example.gouv.fr', displayName: 'Admin', roles: ['ADMIN' as const], teamIds: [] };

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
	await database.prisma.user.create({ data: { id: admin.id, email: admin.email, displayName: admin.displayName, roles: ['ADMIN'] } });
});
afterAll(async () => {
	await database?.close();
});

describe('the real plan at a past date', () => {
	it('shows only the facts dated on or before the day', async () => {
		const today = await getPlanDashboard(database.prisma, DEFAULT_PLAN_SLUG);
		const past = await getPlanDashboardAt(database.prisma, DEFAULT_PLAN_SLUG, '2021-12-01');
		expect(past).not.toBeNull();
		expect(past!.today).toBe('2021-12-01');
		expect(past!.measureCount).toBe(today!.measureCount);
		expect(past!.planFacts).toHaveLength(5);
		expect(past!.planFacts.every((f) => f.date <= '2021-12-01')).toBe(true);
		expect(today!.planFacts.some((f) => f.date > '2021-12-01')).toBe(true);
		expect(past!.latestFact?.date).toBe('2021-12-01');
		const updatesShown = (d: typeof past) => d!.axes.flatMap((a) => a.measures).filter((m) => m.latestUpdate).length;
		expect(updatesShown(past)).toBeLessThan(updatesShown(today));
		// The seed keeps the real plan's record open (it is archived below, for the series).
		expect(past!.plan.status).toBe('ACTIVE');
		expect(past!.plan.archivedOn).toBeNull();
		// The import ran today: at that date no change had been made in Jalons.
		expect(past!.lastChangeAt).toBeNull();
	});

	it('a measure page keeps evidence, indicator values and updates known at the day', async () => {
		const now = await getMeasureDetail(database.prisma, DEFAULT_PLAN_SLUG, '2.2');
		const then = await getMeasureDetailAt(database.prisma, DEFAULT_PLAN_SLUG, '2.2', '2022-06-30');
		if (!then || then === 'absent') throw new Error('measure 2.2 should exist in 2022');
		expect(then.updates.length).toBeLessThan(now!.updates.length);
		expect(then.updates.every((u) => u.date <= '2022-06-30')).toBe(true);
		const repos = then.indicators.find((i) => i.values.length > 0)!;
		expect(repos.values.every((v) => v.date <= '2022-06-30')).toBe(true);
		expect(then.evidence.some((e) => e.date === '2024-11-29')).toBe(false);
		expect(now!.evidence.some((e) => e.date === '2024-11-29')).toBe(true);
	});

	it('rebuilds a status changed in the application: old value before the edit, new value after', async () => {
		const measure = await database.prisma.measure.findFirstOrThrow({ where: { number: '1.1' } });
		await updateMeasure(
			database.prisma,
			admin,
			{
				measureId: measure.id,
				version: measure.version,
				reason: null,
				status: 'IN_PROGRESS',
				progressMethod: 'MANUAL',
				progressManual: 40,
				confidence: null,
				confidenceExplanation: null,
				plannedStart: null,
				plannedEnd: null,
				description: measure.description,
				subActions: measure.subActions
			},
			'2026-11-30'
		);
		const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityId: measure.id, action: 'update' } });
		const editDay = event.at.toISOString().slice(0, 10);
		const dayBefore = new Date(event.at.getTime() - 86_400_000).toISOString().slice(0, 10);
		const before = await getMeasureDetailAt(database.prisma, DEFAULT_PLAN_SLUG, '1.1', dayBefore);
		const after = await getMeasureDetailAt(database.prisma, DEFAULT_PLAN_SLUG, '1.1', editDay);
		if (!before || before === 'absent' || !after || after === 'absent') throw new Error('measure 1.1 should exist');
		expect(before.status).toBe('NOT_REPORTED');
		expect(before.progress.value).toBeNull();
		expect(after.status).toBe('IN_PROGRESS');
		expect(after.progress.value).toBe(40);

		const comparison = await getPlanComparison(database.prisma, DEFAULT_PLAN_SLUG, dayBefore, editDay);
		const change = comparison!.changes.find((c) => c.number === '1.1');
		expect(change?.status).toEqual({ from: 'NOT_REPORTED', to: 'IN_PROGRESS' });
		expect(change?.progress).toEqual({ from: null, to: 40 });
		expect(comparison!.totals.status).toBe(1);
	});

	it('a milestone added in the application is absent before it was added; its done date is a dated fact', async () => {
		const measure = await database.prisma.measure.findFirstOrThrow({ where: { number: '3.3' } });
		const { id } = await addMilestone(database.prisma, admin, {
			measureId: measure.id,
			title: 'Jalon ajouté',
			description: null,
			weight: 1,
			planned: { start: '2022-07-01', precision: 'SEMESTER' }
		});
		await setMilestoneDone(database.prisma, admin, { measureId: measure.id, milestoneId: id, version: 1, doneOn: '2022-10-01' });
		const created = await database.prisma.milestone.findUniqueOrThrow({ where: { id } });
		const createdDay = created.createdAt.toISOString().slice(0, 10);
		const beforeCreation = await getMeasureDetailAt(database.prisma, DEFAULT_PLAN_SLUG, '3.3', '2022-12-31');
		const atCreation = await getMeasureDetailAt(database.prisma, DEFAULT_PLAN_SLUG, '3.3', createdDay);
		if (!beforeCreation || beforeCreation === 'absent' || !atCreation || atCreation === 'absent') throw new Error('measure 3.3 should exist');
		expect(beforeCreation.milestones.map((m) => m.title)).not.toContain('Jalon ajouté');
		expect(atCreation.milestones.find((m) => m.title === 'Jalon ajouté')?.doneOn).toBe('2022-10-01');
	});
});

describe('comparison between two dates on the real plan', () => {
	it('lists the updates, evidence and indicator values dated in between', async () => {
		const comparison = await getPlanComparison(database.prisma, DEFAULT_PLAN_SLUG, '2022-01-01', '2022-12-31');
		expect(comparison).not.toBeNull();
		const m22 = comparison!.changes.find((c) => c.number === '2.2')!;
		expect(m22.updates.length).toBeGreaterThan(0);
		expect(m22.updates.every((u) => u.date > '2022-01-01' && u.date <= '2022-12-31')).toBe(true);
		expect(m22.values.some((v) => v.date === '2022-09-19')).toBe(true);
		expect(comparison!.totals.updates).toBe(comparison!.changes.reduce((n, c) => n + c.updates.length, 0));
		expect(comparison!.planFacts.every((f) => f.date >= '2022-01-01' && f.date <= '2022-12-31')).toBe(true);
	});
});

describe('progress over time', () => {
	it('gives one point per quarter end from adoption to the archive date, all from the same history', async () => {
		// Archived here on the day its publisher declared it obsolete (after the edits above: an archived plan refuses them).
		await database.prisma.plan.update({ where: { slug: DEFAULT_PLAN_SLUG }, data: { status: 'ARCHIVED', archivedOn: new Date('2025-02-24T00:00:00Z') } });
		const series = await getProgressSeries(database.prisma, DEFAULT_PLAN_SLUG, '2026-11-30');
		const dates = series!.points.map((p) => p.date);
		expect(dates[0]).toBe('2021-12-31');
		expect(dates).toContain('2023-06-30');
		expect(dates.at(-1)).toBe('2025-02-24');
		for (const point of series!.points) expect(point.measureCount).toBe(10);
	});
});

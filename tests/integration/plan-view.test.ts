import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { buildPlanDashboard, DASHBOARD_MEASURE_INCLUDE, DASHBOARD_MEASURES_PER_AXIS, getPlanDashboard } from '../../src/lib/server/domain/plans/view';
import { createLargePlan } from '../helpers/large-plan';
import { getDefaultPlanSlug, getMeasureDetail } from '../../src/lib/server/domain/measures/view';
import { milestone, smallPlan } from '../factories';

let database: TestDatabase;

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
});
afterAll(async () => {
	await database?.close();
});

describe('plan dashboard', () => {
	it('shows the real plan honestly: 10 measures, all "non renseigné", progress unknown', async () => {
		expect(await getDefaultPlanSlug(database.prisma)).toBe(DEFAULT_PLAN_SLUG);
		const dashboard = await getPlanDashboard(database.prisma, DEFAULT_PLAN_SLUG, '2026-11-23');
		expect(dashboard).not.toBeNull();
		expect(dashboard!.axes.map((a) => a.measures.length)).toEqual([4, 3, 3]);
		expect(dashboard!.statusCounts.NOT_REPORTED).toBe(10);
		expect(dashboard!.progress).toEqual({ value: null, known: 0, unknown: 10 });
		const newest = await database.prisma.progressUpdate.findFirstOrThrow({ orderBy: { date: 'desc' } });
		expect(dashboard!.latestFact?.date).toBe(newest.date.toISOString().slice(0, 10));
		expect(dashboard!.planFacts).toHaveLength(5);
		expect(dashboard!.lastChangeAt).not.toBeNull();
	});

	it('rolls up progress from milestones and flags late ones', async () => {
		const db = database.prisma;
		const { plan, measures } = await smallPlan(db, { axes: 2, measures: 2 });
		const measure = measures[2]!; // 2.1
		await db.measure.update({ where: { id: measure.id }, data: { progressMethod: 'MILESTONES', status: 'IN_PROGRESS' } });
		await milestone(db, measure.id, { title: 'Gazette n°1', plannedDate: new Date('2022-01-01'), plannedPrecision: 'SEMESTER', doneOn: new Date('2022-03-01'), weight: 1 });
		await milestone(db, measure.id, { title: 'Gazette n°2', plannedDate: new Date('2022-07-01'), plannedPrecision: 'SEMESTER', weight: 3 });
		const dashboard = await getPlanDashboard(db, plan.slug, '2023-01-15');
		const axis2 = dashboard!.axes[1]!;
		const summary = axis2.measures.find((m) => m.number === '2.1')!;
		expect(summary.progress.value).toBe(25);
		expect(summary.status).toBe('IN_PROGRESS');
		expect(summary.nextMilestone).toMatchObject({ title: 'Gazette n°2', late: true });
		expect(summary.lateMilestones).toBe(1);
		expect(axis2.progress).toEqual({ value: 25, known: 1, unknown: 1 });
		expect(dashboard!.progress).toEqual({ value: 25, known: 1, unknown: 3 });
	});

	it('returns null for an unknown plan', async () => {
		expect(await getPlanDashboard(database.prisma, 'inconnu')).toBeNull();
	});
});

describe('measure detail', () => {
	it('gives description, sub-actions, owners, evidence, indicators and updates newest first', async () => {
		const detail = await getMeasureDetail(database.prisma, DEFAULT_PLAN_SLUG, '2.2');
		expect(detail).not.toBeNull();
		expect(detail!.title).toMatch(/code\.gouv\.fr/);
		expect(detail!.leadOwner.code).toBe('POLE_LL');
		expect(detail!.evidence).toHaveLength(6);
		expect(detail!.indicators[0]?.values.length).toBe(6);
		const dates = detail!.updates.map((u) => u.date);
		expect(dates).toEqual([...dates].sort().reverse());
		const measure12 = await getMeasureDetail(database.prisma, DEFAULT_PLAN_SLUG, '1.2');
		expect(measure12!.subActions).toHaveLength(4);
		expect(measure12!.contributors.map((c) => c.code)).toEqual(['POLE_LL']);
	});

	it('returns null for an unknown measure', async () => {
		expect(await getMeasureDetail(database.prisma, DEFAULT_PLAN_SLUG, '9.9')).toBeNull();
	});
});

describe('dashboard of a large plan', () => {
	const SLUG = 'grand-tableau';
	const TODAY = '2024-03-15';

	beforeAll(async () => {
		const { planId } = await createLargePlan(database.prisma, { slug: SLUG, measures: 90, milestonesPerMeasure: 4, axes: 3 });
		// Every progress method, and indicators that count (a target) or not (none, wrong way).
		const measures = await database.prisma.measure.findMany({ where: { planId }, orderBy: { position: 'asc' }, include: { indicators: true } });
		for (const [i, m] of measures.entries()) {
			if (i % 5 === 1) await database.prisma.measure.update({ where: { id: m.id }, data: { progressMethod: 'MANUAL', progressManual: i % 10 === 1 ? null : i } });
			if (i % 5 === 2) await database.prisma.measure.update({ where: { id: m.id }, data: { progressMethod: 'INDICATOR' } });
			if (i % 15 === 2) await database.prisma.indicator.update({ where: { id: m.indicators[0]!.id }, data: { target: i % 2 ? null : -5 } });
		}
	}, 120_000);

	it('rolls up every measure in SQL exactly as the in-memory rule does, and shows the first 12 of each axis', async () => {
		const dashboard = (await getPlanDashboard(database.prisma, SLUG, TODAY))!;
		const plan = await database.prisma.plan.findUniqueOrThrow({ where: { slug: SLUG } });
		const [axes, rows] = await Promise.all([
			database.prisma.axis.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' }, include: { leadOwner: true } }),
			database.prisma.measure.findMany({ where: { planId: plan.id }, orderBy: [{ position: 'asc' }, { id: 'asc' }], include: DASHBOARD_MEASURE_INCLUDE })
		]);
		const reference = buildPlanDashboard({ plan, axes, measures: rows, latestFacts: [], lastChangeAt: null, today: TODAY });
		expect(dashboard.measureCount).toBe(90);
		expect(dashboard.progress).toEqual(reference.progress);
		expect(dashboard.progress.known).toBeGreaterThan(30);
		expect(dashboard.statusCounts).toEqual(reference.statusCounts);
		expect(dashboard.axes.map((a) => [a.progress, a.statusCounts, a.measureCount])).toEqual(reference.axes.map((a) => [a.progress, a.statusCounts, a.measureCount]));
		expect(dashboard.axes.map((a) => a.measures.length)).toEqual([DASHBOARD_MEASURES_PER_AXIS, DASHBOARD_MEASURES_PER_AXIS, DASHBOARD_MEASURES_PER_AXIS]);
		expect(dashboard.axes.map((a) => a.measures)).toEqual(reference.axes.map((a) => a.measures));
		expect(dashboard.axes[0]!.measures[0]!.number).toBe('1.1');
	});
});

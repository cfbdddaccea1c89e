// Public pages must cost the same number of SQL queries whatever the plan's size (no N+1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultPlan, DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { getPlanDashboard } from '../../src/lib/server/domain/plan-view';
import { getMeasureDetail } from '../../src/lib/server/domain/measure-view';
import { getMeasureDetailAt, getPlanDashboardAt } from '../../src/lib/server/domain/time-travel-view';
import { getPlanComparison, getProgressSeries } from '../../src/lib/server/domain/time-travel-compare';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { createLargePlan } from '../helpers/large-plan';

let counted: TestDatabase;
let queries = 0;

beforeAll(async () => {
	counted = await freshDatabase({ onQuery: () => queries++ });
	await seedDefaultPlan(counted.prisma);
	await createLargePlan(counted.prisma, { slug: 'grand-plan', measures: 1000, milestonesPerMeasure: 10 });
}, 300_000);
afterAll(async () => {
	await counted?.close();
});

async function queriesFor(work: () => Promise<unknown>): Promise<number> {
	queries = 0;
	await work();
	return queries;
}

describe('SQL queries per public page', () => {
	it('the dashboard sends as many queries for 1,000 measures and 10,000 milestones as for the real plan', async () => {
		const small = await queriesFor(() => getPlanDashboard(counted.prisma, DEFAULT_PLAN_SLUG));
		const large = await queriesFor(() => getPlanDashboard(counted.prisma, 'grand-plan'));
		expect(small).toBeGreaterThan(0);
		expect(large).toBe(small);
	});

	it('a measure page sends the same number of queries on both plans', async () => {
		const small = await queriesFor(() => getMeasureDetail(counted.prisma, DEFAULT_PLAN_SLUG, '2.2'));
		const large = await queriesFor(() => getMeasureDetail(counted.prisma, 'grand-plan', '3.7'));
		expect(small).toBeGreaterThan(0);
		expect(large).toBe(small);
	});

	it('time travel: the dashboard and a measure page at a past date cost the same on both plans', async () => {
		const small = await queriesFor(() => getPlanDashboardAt(counted.prisma, DEFAULT_PLAN_SLUG, '2023-06-30'));
		const large = await queriesFor(() => getPlanDashboardAt(counted.prisma, 'grand-plan', '2023-06-30'));
		expect(small).toBeGreaterThan(0);
		expect(large).toBe(small);
		const smallMeasure = await queriesFor(() => getMeasureDetailAt(counted.prisma, DEFAULT_PLAN_SLUG, '2.2', '2023-06-30'));
		const largeMeasure = await queriesFor(() => getMeasureDetailAt(counted.prisma, 'grand-plan', '3.7', '2023-06-30'));
		expect(smallMeasure).toBeGreaterThan(0);
		expect(largeMeasure).toBe(smallMeasure);
	});

	it('time travel: the comparison and the progress series load the history once, whatever the plan or the number of dates', async () => {
		const small = await queriesFor(() => getPlanComparison(counted.prisma, DEFAULT_PLAN_SLUG, '2022-01-01', '2023-06-30'));
		const large = await queriesFor(() => getPlanComparison(counted.prisma, 'grand-plan', '2022-01-01', '2023-06-30'));
		expect(small).toBeGreaterThan(0);
		expect(large).toBe(small);
		// Three points (to mid-2022) or fourteen (to the archiving in 2025): the same queries.
		const shortSeries = await queriesFor(() => getProgressSeries(counted.prisma, DEFAULT_PLAN_SLUG, '2022-06-30'));
		const longSeries = await queriesFor(() => getProgressSeries(counted.prisma, DEFAULT_PLAN_SLUG, '2026-11-30'));
		expect(shortSeries).toBe(small);
		expect(longSeries).toBe(shortSeries);
	});
});

// Public pages must cost the same number of SQL queries whatever the plan's size (no N+1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { getPlanDashboard } from '../../src/lib/server/domain/plans/view';
import { getMeasureDetail } from '../../src/lib/server/domain/measures/view';
import { getOwnerPage, listMeasures, NO_FILTERS } from '../../src/lib/server/domain/measures/list';
import { getPlanAgenda } from '../../src/lib/server/domain/plans/agenda';
import { getDashboardPage } from '../../src/lib/server/domain/plans/dashboard-page';
import { getMeasureDetailAt, getPlanDashboardAt } from '../../src/lib/server/domain/time-travel/view';
import { getPlanComparison, getProgressSeries } from '../../src/lib/server/domain/time-travel/compare';
import { getMeasureListForRequest, getOwnerPageForRequest } from '../../src/lib/server/domain/time-travel/list-at';
import { countingDatabase, type CountingDatabase } from '../helpers/database';
import { createLargePlan } from '../helpers/large-plan';

let counted: CountingDatabase;

beforeAll(async () => {
	counted = await countingDatabase({ plan: true });
	await createLargePlan(counted.prisma, { slug: 'grand-plan', measures: 1000, milestonesPerMeasure: 10 });
}, 300_000);
afterAll(async () => {
	await counted?.close();
});

const queriesFor = (work: () => Promise<unknown>) => counted.queriesFor(work);

describe('SQL queries per public page', () => {
	it('the dashboard sends as many queries for 1,000 measures and 10,000 milestones as for the real plan', async () => {
		const small = await queriesFor(() => getPlanDashboard(counted.prisma, DEFAULT_PLAN_SLUG));
		const large = await queriesFor(() => getPlanDashboard(counted.prisma, 'grand-plan'));
		expect(small).toBeGreaterThan(0);
		expect(large).toBe(small);
	});

	it('the whole dashboard page (agenda, facts, indicators, grades) sends as many queries on both plans', async () => {
		const small = await queriesFor(() => getDashboardPage(counted.prisma, DEFAULT_PLAN_SLUG, null));
		const large = await queriesFor(() => getDashboardPage(counted.prisma, 'grand-plan', null));
		expect(small).toBeGreaterThan(0);
		expect(large).toBe(small);
	});

	it('a measure page sends the same number of queries on both plans', async () => {
		const small = await queriesFor(() => getMeasureDetail(counted.prisma, DEFAULT_PLAN_SLUG, '2.2'));
		const large = await queriesFor(() => getMeasureDetail(counted.prisma, 'grand-plan', '3.7'));
		expect(small).toBeGreaterThan(0);
		expect(large).toBe(small);
	});

	it('the measure list, filtered and searched, sends the same number of queries on both plans', async () => {
		const filters = { ...NO_FILTERS, status: 'IN_PROGRESS' as const, late: true, q: 'mesure logiciels' };
		for (const f of [NO_FILTERS, filters]) {
			const small = await queriesFor(() => listMeasures(counted.prisma, DEFAULT_PLAN_SLUG, f));
			const large = await queriesFor(() => listMeasures(counted.prisma, 'grand-plan', f));
			expect(small).toBeGreaterThan(0);
			expect(large).toBe(small);
		}
	});

	it('an owner page and the dashboard agenda send the same number of queries on both plans', async () => {
		const small = await queriesFor(() => getOwnerPage(counted.prisma, DEFAULT_PLAN_SLUG, 'POLE_LL'));
		const large = await queriesFor(() => getOwnerPage(counted.prisma, 'grand-plan', 'GEN_GRAND_PLAN'));
		expect(small).toBeGreaterThan(0);
		expect(large).toBe(small);
		const smallPlan = await counted.prisma.plan.findUniqueOrThrow({ where: { slug: DEFAULT_PLAN_SLUG } });
		const largePlan = await counted.prisma.plan.findUniqueOrThrow({ where: { slug: 'grand-plan' } });
		const agendaSmall = await queriesFor(() => getPlanAgenda(counted.prisma, smallPlan.id));
		const agendaLarge = await queriesFor(() => getPlanAgenda(counted.prisma, largePlan.id));
		expect(agendaSmall).toBeGreaterThan(0);
		expect(agendaLarge).toBe(agendaSmall);
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

	it('time travel: the measure list (filtered, searched, any page) and an owner page at a past date cost the same on both plans', async () => {
		const filters = { ...NO_FILTERS, status: 'IN_PROGRESS' as const, late: true, q: 'mesure' };
		for (const f of [NO_FILTERS, filters]) {
			for (const page of [1, 3]) {
				const paging = { page, perPage: 50 };
				const small = await queriesFor(() => getMeasureListForRequest(counted.prisma, DEFAULT_PLAN_SLUG, f, paging, '2023-06-30'));
				const large = await queriesFor(() => getMeasureListForRequest(counted.prisma, 'grand-plan', f, paging, '2023-06-30'));
				expect(small).toBeGreaterThan(0);
				expect(large).toBe(small);
			}
		}
		const smallOwner = await queriesFor(() => getOwnerPageForRequest(counted.prisma, DEFAULT_PLAN_SLUG, 'POLE_LL', '2023-06-30'));
		const largeOwner = await queriesFor(() => getOwnerPageForRequest(counted.prisma, 'grand-plan', 'GEN_GRAND_PLAN', '2023-06-30'));
		expect(smallOwner).toBeGreaterThan(0);
		expect(largeOwner).toBe(smallOwner);
	});

	it('time travel: the comparison and the progress series load the history once, whatever the plan or the number of dates', async () => {
		const small = await queriesFor(() => getPlanComparison(counted.prisma, DEFAULT_PLAN_SLUG, '2022-01-01', '2023-06-30'));
		const large = await queriesFor(() => getPlanComparison(counted.prisma, 'grand-plan', '2022-01-01', '2023-06-30'));
		expect(small).toBeGreaterThan(0);
		expect(large).toBe(small);
		// Three points (to mid-2022) or twenty (to the end of 2026): the same queries.
		const shortSeries = await queriesFor(() => getProgressSeries(counted.prisma, DEFAULT_PLAN_SLUG, '2022-06-30'));
		const longSeries = await queriesFor(() => getProgressSeries(counted.prisma, DEFAULT_PLAN_SLUG, '2026-11-30'));
		expect(shortSeries).toBe(small);
		expect(longSeries).toBe(shortSeries);
	});
});

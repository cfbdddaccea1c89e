// Public pages must cost the same number of SQL queries whatever the plan's size (no N+1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultPlan, DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { getPlanDashboard } from '../../src/lib/server/domain/plan-view';
import { getMeasureDetail } from '../../src/lib/server/domain/measure-view';
import { getOwnerPage, listMeasures, NO_FILTERS } from '../../src/lib/server/domain/measure-list';
import { getPlanAgenda } from '../../src/lib/server/domain/plan-agenda';
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
});

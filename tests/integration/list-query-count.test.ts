// A page of the measure list is rebuilt after every save in its plan (read-models/public.ts): it costs
// a fixed, small number of statements whatever its measures hold, and shows what Prisma's includes read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase, type CountingDatabase } from '../helpers/database';
import * as factories from '../factories';
import { smallPlan } from '../factories';
import { LIST_MEASURE_INCLUDE, listMeasures, NO_FILTERS, toItem } from '../../src/lib/server/domain/measures/list';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import type { Db } from '../../src/lib/server/db';

let counted: CountingDatabase;

beforeAll(async () => {
	counted = await countingDatabase({ plan: true });
}, 120_000);
afterAll(async () => {
	await counted?.close();
});

const TODAY = '2026-06-01';

/** The page as Prisma's includes read it, relation by relation (the list before it was one statement). */
async function throughPrisma(db: Db, slug: string) {
	const plan = (await db.plan.findUnique({ where: { slug }, select: { id: true } }))!;
	const [axes, owners, total, rows] = await Promise.all([
		db.axis.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' }, select: { number: true, title: true } }),
		db.owner.findMany({
			where: { OR: [{ leadMeasures: { some: { planId: plan.id } } }, { contributingMeasures: { some: { measure: { planId: plan.id } } } }] },
			select: { code: true, name: true, nameEn: true },
			orderBy: { name: 'asc' }
		}),
		db.measure.count({ where: { planId: plan.id } }),
		db.measure.findMany({ where: { planId: plan.id }, orderBy: [{ axis: { position: 'asc' } }, { position: 'asc' }, { id: 'asc' }], include: LIST_MEASURE_INCLUDE })
	]);
	const results = rows.map((row) => toItem({ ...row, contributors: [...row.contributors].sort((a, b) => a.owner.code.localeCompare(b.owner.code)) }, TODAY));
	return { axes, owners, total, results };
}

describe('SQL statements of a page of the measure list', () => {
	it('is 4 statements (plan, filters and count, the page, its measures) whatever the measures hold, and shows what Prisma reads', async () => {
		const db = counted.prisma;
		const { plan, measures } = await smallPlan(db, { axes: 2, measures: 3 });
		const m = measures[0]!;
		const [b, a] = [await factories.owner(db, { code: 'B_EQUIPE' }), await factories.owner(db, { code: 'A_EQUIPE' })];
		await db.measureContributor.createMany({ data: [b, a].map((o) => ({ measureId: m.id, ownerId: o.id })) });
		await db.measure.update({
			where: { id: m.id },
			data: { status: 'IN_PROGRESS', plannedEnd: new Date('2026-05-01'), plannedEndPrecision: 'MONTH', confidence: 'AT_RISK', progressMethod: 'INDICATOR' }
		});
		await factories.milestone(db, m.id, { title: 'Fait', plannedDate: new Date('2026-01-15'), plannedPrecision: 'DAY', doneOn: new Date('2026-01-20'), position: 1, weight: 2 });
		await factories.milestone(db, m.id, { title: 'En retard', plannedDate: new Date('2026-04-01'), plannedPrecision: 'MONTH', forecastDate: new Date('2026-05-10'), position: 2 });
		const indicator = await db.indicator.create({ data: { measureId: m.id, name: 'Dépôts', unit: 'dépôts', baseline: 1.5, target: 10, position: 1 } });
		await db.indicator.create({ data: { measureId: m.id, name: 'Second', unit: '%', baseline: 0, target: 1, position: 2 } });
		await db.indicatorValue.createMany({
			data: [
				{ indicatorId: indicator.id, date: new Date('2026-02-01'), value: 4.25, sourceUrl: 'https://example.org/v2' },
				{ indicatorId: indicator.id, date: new Date('2026-01-01'), value: 3, sourceUrl: 'https://example.org/v1' }
			]
		});
		await db.measure.update({ where: { id: measures[1]!.id }, data: { retiredOn: new Date('2026-02-01') } });

		for (const slug of [plan.slug, DEFAULT_PLAN_SLUG]) {
			let list: Awaited<ReturnType<typeof listMeasures>> = null;
			expect(await counted.queriesFor(async () => (list = await listMeasures(db, slug, NO_FILTERS, TODAY))), slug).toBe(4);
			const expected = await throughPrisma(db, slug);
			expect(list!.results.length).toBeGreaterThan(0);
			expect({ axes: list!.axes, owners: list!.owners, total: list!.total, results: list!.results }, slug).toEqual(expected);
		}
		const item = (await listMeasures(db, plan.slug, NO_FILTERS, TODAY))!.results.find((r) => r.id === m.id)!;
		expect(item.contributors.map((c) => c.code)).toEqual(['A_EQUIPE', 'B_EQUIPE']);
		expect(item).toMatchObject({ late: true, lateMilestones: 1, progress: { method: 'INDICATOR' } });
	});

	it('filtered or searched, it is still 4 statements, and 3 when nothing matches', async () => {
		const db = counted.prisma;
		const first = (await listMeasures(db, DEFAULT_PLAN_SLUG, NO_FILTERS, TODAY))!.results[0]!;
		const word = first.title.split(/\s+/).find((w) => w.length > 5)!;
		for (const filters of [
			{ ...NO_FILTERS, status: first.status },
			{ ...NO_FILTERS, q: word }
		]) {
			let list: Awaited<ReturnType<typeof listMeasures>> = null;
			expect(await counted.queriesFor(async () => (list = await listMeasures(db, DEFAULT_PLAN_SLUG, filters, TODAY))), JSON.stringify(filters)).toBe(4);
			expect(list!.results.map((r) => r.id)).toContain(first.id);
		}
		expect(await counted.queriesFor(() => listMeasures(db, DEFAULT_PLAN_SLUG, { ...NO_FILTERS, q: 'zzxqwv' }, TODAY))).toBe(3);
	});
});

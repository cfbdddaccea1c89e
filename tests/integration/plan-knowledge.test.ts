// The dashboard's "what is known" on the real plan, where no source gives a status or a percentage:
// its facts per axis and year, the latest one with its source, indicators' latest values, and the
// council's grades once a published report makes them public. Unknown progress stays unknown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import type { Db } from '../../src/lib/server/db';
import { DEFAULT_PLAN_SLUG, seedDefaultPlan } from '../../src/lib/server/seed';
import { getDashboardPage } from '../../src/lib/server/domain/plans/dashboard-page';
import { getPlanKnowledge } from '../../src/lib/server/domain/plans/known';
import { toIsoDay } from '../../src/lib/domain/dates';

let database: TestDatabase;
let db: Db;
let planId: string;

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	await seedDefaultPlan(db);
	planId = (await db.plan.findUniqueOrThrow({ where: { slug: DEFAULT_PLAN_SLUG } })).id;
}, 120_000);
afterAll(async () => {
	await database?.close();
});

const page = async () => (await getDashboardPage(db, DEFAULT_PLAN_SLUG, null))!;

describe('what is known of the real plan', () => {
	it('keeps unknown progress unknown (never 0) while leading with the published facts', async () => {
		const { dashboard, known } = await page();
		expect(dashboard.progress.value).toBeNull();
		expect(dashboard.statusCounts.NOT_REPORTED).toBe(dashboard.measureCount);
		const published = await db.progressUpdate.count({ where: { planId, publishedAt: { not: null } } });
		expect(published).toBeGreaterThan(0);
		expect(known!.factCount).toBe(published);
	});

	it('counts the facts per year and per axis, every year between the first and the last', async () => {
		const { known } = await page();
		const updates = await db.progressUpdate.findMany({
			where: { planId, publishedAt: { not: null } },
			select: { date: true, measure: { select: { axis: { select: { number: true } } } } }
		});
		const years = updates.map((u) => u.date.getUTCFullYear());
		expect(known!.years.map((y) => y.year)).toEqual(Array.from({ length: Math.max(...years) - Math.min(...years) + 1 }, (_, i) => Math.min(...years) + i));
		expect(known!.axes).toEqual([1, 2, 3]);
		for (const line of known!.years) {
			const ofYear = updates.filter((u) => u.date.getUTCFullYear() === line.year);
			expect(line.total).toBe(ofYear.length);
			expect(line.plan).toBe(ofYear.filter((u) => !u.measure).length);
			known!.axes.forEach((axis, i) => expect(line.byAxis[i]).toBe(ofYear.filter((u) => u.measure?.axis.number === axis).length));
		}
	});

	it('gives the latest fact with its date, its measure and its sources', async () => {
		const { known } = await page();
		const newest = await db.progressUpdate.findFirstOrThrow({
			where: { planId, publishedAt: { not: null } },
			orderBy: [{ date: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
			include: { measure: true }
		});
		expect(known!.latest).toMatchObject({ date: toIsoDay(newest.date), text: newest.text, sourceUrls: newest.sourceUrls });
		expect(known!.latest!.sourceUrls.length).toBeGreaterThan(0);
		expect(known!.latest!.measure?.number ?? null).toBe(newest.measure?.number ?? null);
	});

	it('counts the facts of each shown measure', async () => {
		const { dashboard, known } = await page();
		const measure = await db.measure.findFirstOrThrow({ where: { planId, number: '2.2' } });
		const count = await db.progressUpdate.count({ where: { measureId: measure.id, publishedAt: { not: null } } });
		expect(dashboard.axes.flatMap((a) => a.measures.map((m) => m.id))).toContain(measure.id);
		expect(known!.measures[measure.id]?.count).toBe(count);
	});

	it('lists each indicator with its latest sourced value', async () => {
		const { known } = await page();
		const sill = known!.indicators.find((i) => i.measure.number === '1.2');
		expect(sill).toMatchObject({ unit: 'logiciels', latest: { date: '2024-11-26', value: 500 } });
		expect(sill!.latest!.sourceUrl).toMatch(/^https:\/\//);
		const repositories = known!.indicators.find((i) => i.measure.number === '2.2');
		expect(repositories!.latest).toMatchObject({ value: 20000, qualifier: 'plus de' });
		expect(known!.indicatorCount).toBe(await db.indicator.count({ where: { measure: { planId } } }));
	});

	it('shows the council’s grades only once a published report with a published opinion gives them', async () => {
		expect((await page()).known!.grades).toBeNull();
		const measures = await db.measure.findMany({ where: { planId }, orderBy: { position: 'asc' }, take: 3 });
		const round = await db.reportRound.create({
			data: {
				planId,
				title: 'Bilan 2024',
				periodStart: new Date('2024-01-01'),
				periodEnd: new Date('2024-12-31'),
				status: 'PUBLISHED',
				publishedAt: new Date('2025-01-15'),
				sections: {}
			}
		});
		await db.measureGrade.createMany({
			data: [
				{ roundId: round.id, measureId: measures[0]!.id, grade: 'SUBSTANTIAL' },
				{ roundId: round.id, measureId: measures[1]!.id, grade: 'SUBSTANTIAL' },
				{ roundId: round.id, measureId: measures[2]!.id, grade: 'LIMITED' }
			]
		});
		const opinion = await db.opinion.create({ data: { roundId: round.id, title: 'Avis', text: 'Texte', date: new Date('2025-01-10'), publish: null } });
		// Grades stay internal until an opinion of the round is published (canSeeGrades).
		expect((await getPlanKnowledge(db, planId, [], [])).grades).toBeNull();
		await db.opinion.update({ where: { id: opinion.id }, data: { publish: true } });
		const { grades } = await getPlanKnowledge(db, planId, [], []);
		expect(grades).toEqual({
			round: { id: round.id, title: 'Bilan 2024', periodEnd: '2024-12-31' },
			counts: { NOT_STARTED: 0, LIMITED: 1, SUBSTANTIAL: 2, COMPLETE: 0 },
			graded: 3
		});
	});

	it('has no summary of what is known for a past day (the plan as it stood)', async () => {
		const past = await getDashboardPage(db, DEFAULT_PLAN_SLUG, '2023-06-30');
		expect(past!.known).toBeNull();
	});
});

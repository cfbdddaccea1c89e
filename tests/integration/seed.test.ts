import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { DEFAULT_PLAN_SLUG, seedDefaultPlan } from '../../src/lib/server/seed';

let database: TestDatabase;

beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database?.close();
});

describe('seeding the real plan', () => {
	it('loads 3 axes, 10 measures, 5 owners, 44 evidence links, 99 facts and the recurring figures', async () => {
		const { created } = await seedDefaultPlan(database.prisma);
		const db = database.prisma;
		expect(created).toBeGreaterThan(150);
		const plan = await db.plan.findUniqueOrThrow({ where: { slug: DEFAULT_PLAN_SLUG } });
		expect(plan.isDefault).toBe(true);
		expect(await db.axis.count()).toBe(3);
		expect(await db.measure.count()).toBe(10);
		expect(await db.owner.count()).toBe(5);
		expect(await db.evidenceLink.count()).toBe(44);
		expect(await db.progressUpdate.count({ where: { measureId: { not: null } } })).toBe(87);
		expect(await db.progressUpdate.count({ where: { measureId: null } })).toBe(12);
		const numbers = (await db.measure.findMany({ orderBy: { number: 'asc' }, select: { number: true } })).map((m) => m.number);
		expect(numbers).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3']);
		const repos = await db.indicator.findFirstOrThrow({ where: { measure: { number: '2.2' } }, include: { values: { orderBy: { date: 'asc' } } } });
		expect(repos.values[0]?.value).toBe(6625);
		expect(repos.values.at(-1)?.value).toBe(20000);
		const sill = await db.indicator.findFirstOrThrow({ where: { measure: { number: '1.2' } }, include: { values: { orderBy: { date: 'asc' } } } });
		expect(sill.values.map((v) => v.value)).toEqual([209, 231, 494, 500]);
	});

	it('invents no status and no progress figure', async () => {
		const measures = await database.prisma.measure.findMany();
		expect(measures.every((m) => m.status === null && m.progressManual === null)).toBe(true);
	});

	it('writes one audit event per created row, by the seed', async () => {
		const events = await database.prisma.auditEvent.count({ where: { actorLabel: 'seed', action: 'create' } });
		const rows =
			(await database.prisma.plan.count()) +
			(await database.prisma.owner.count()) +
			(await database.prisma.axis.count()) +
			(await database.prisma.measure.count()) +
			(await database.prisma.measureContributor.count()) +
			(await database.prisma.evidenceLink.count()) +
			(await database.prisma.progressUpdate.count()) +
			(await database.prisma.indicator.count()) +
			(await database.prisma.indicatorValue.count());
		expect(events).toBe(rows);
	});

	it('is idempotent: a second run creates nothing', async () => {
		const before = await database.prisma.auditEvent.count();
		const { created } = await seedDefaultPlan(database.prisma);
		expect(created).toBe(0);
		expect(await database.prisma.auditEvent.count()).toBe(before);
		expect(await database.prisma.measure.count()).toBe(10);
	});

	it('does not overwrite what staff edited since', async () => {
		await database.prisma.measure.updateMany({ where: { number: '2.2' }, data: { title: 'Titre modifié' } });
		await seedDefaultPlan(database.prisma);
		const measure = await database.prisma.measure.findFirstOrThrow({ where: { number: '2.2' } });
		expect(measure.title).toBe('Titre modifié');
	});
});

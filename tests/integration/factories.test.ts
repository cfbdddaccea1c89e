// The factories write rows that the domain reads as it reads real ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { axis, comment, measure, milestone, owner, plan, round, smallPlan, user } from '../factories';
import { getPlanDashboard } from '../../src/lib/server/domain/plans/view';

let database: TestDatabase;

beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database?.close();
});

describe('test factories', () => {
	it('build a plan of axes and measures numbered as the real plan numbers them', async () => {
		const { plan: created, measures } = await smallPlan(database.prisma, { axes: 2, measures: 3 });
		expect(measures.map((m) => m.number)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3']);
		const dashboard = await getPlanDashboard(database.prisma, created.slug, '2026-01-01');
		expect(dashboard!.axes.map((a) => a.measures.length)).toEqual([3, 3]);
		expect(dashboard!.progress).toEqual({ value: null, known: 0, unknown: 6 });
	});

	it('link milestones, comments, users and rounds to what they belong to, unique per call', async () => {
		const db = database.prisma;
		const p = await plan(db);
		const team = await owner(db);
		const m = await measure(db, (await axis(db, p.id)).id, { leadOwnerId: team.id });
		const first = await milestone(db, m.id);
		const second = await milestone(db, m.id);
		expect([first.position, second.position]).toEqual([1, 2]);
		const author = await user(db, { teamIds: [team.id] });
		expect(await db.userTeam.count({ where: { userId: author.id, ownerId: team.id } })).toBe(1);
		const onMeasure = await comment(db, author.id, { measureId: m.id });
		const onMilestone = await comment(db, author.id, { milestoneId: first.id, visibility: 'INTERNAL' });
		expect([onMeasure.targetType, onMilestone.targetType, onMilestone.visibility]).toEqual(['MEASURE', 'MILESTONE', 'INTERNAL']);
		const r = await round(db, p.id);
		expect(r.status).toBe('DRAFT');
		expect((await plan(db)).slug).not.toBe(p.slug);
	});
});

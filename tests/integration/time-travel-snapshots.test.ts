// A past day's dashboard is stored at the content version it was built under and served from there
// (time-travel/snapshots.ts). It must be exactly the fold (getPlanDashboardAt, itself compared with the
// full replay in time-travel-dashboard.test.ts) on every day, and a write that changes past days
// (an indicator value dated in the past) must never be answered from a snapshot taken before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastAuditEventId, spreadOneADay } from '../helpers/audit-days';
import { countingDatabase, type CountingDatabase } from '../helpers/database';
import { measureId, seededActors, type Actors, setMeasureStatus } from '../helpers/editing';
import type { Db } from '../../src/lib/server/db';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { getPlanDashboardAt } from '../../src/lib/server/domain/time-travel/view';
import { getPlanDashboardOn } from '../../src/lib/server/domain/time-travel/snapshots';
import { addIndicatorValue } from '../../src/lib/server/domain/measures/indicator-values';
import { addMilestone, setMilestoneDone, updateMilestone } from '../../src/lib/server/domain/measures/milestones';
import { toIsoDay } from '../../src/lib/domain/dates';
import { createLargePlan } from '../helpers/large-plan';

let database: CountingDatabase;
let db: Db;
let actors: Actors;
const slug = DEFAULT_PLAN_SLUG;
const FIRST_DAY = Date.UTC(2024, 0, 1);
const today = toIsoDay(new Date());
let days: string[] = [];
let indicatorMeasure = '';
let indicatorId = '';

const setStatus = (id: string, status: 'IN_PROGRESS' | 'DONE', progressMethod: 'MANUAL' | 'MILESTONES' | 'INDICATOR', progressManual: number | null) =>
	setMeasureStatus(db, actors.admin, id, status, progressMethod, progressManual);

const addValue = (date: string, value: number) =>
	addIndicatorValue(db, actors.admin, {
		measureId: indicatorMeasure,
		indicatorId,
		date: { start: date, precision: 'DAY' },
		value,
		qualifier: null,
		sourceUrl: 'https://code.gouv.fr/',
		note: null
	});

const stored = () => db.dashboardSnapshot.findMany({ orderBy: { day: 'asc' } });

beforeAll(async () => {
	database = await countingDatabase({ plan: true });
	db = database.prisma;
	actors = await seededActors(db);
	const since = await lastAuditEventId(db);
	const [m11, m12, m22] = await Promise.all(['1.1', '1.2', '2.2'].map((n) => measureId(db, n)));
	await setStatus(m11!, 'IN_PROGRESS', 'MANUAL', 40);
	await setStatus(m11!, 'DONE', 'MANUAL', 100);
	await setStatus(m12!, 'IN_PROGRESS', 'MANUAL', 10);
	// Progress from the first indicator, with a target, so that a value dated in the past moves past days.
	await setStatus(m22!, 'IN_PROGRESS', 'INDICATOR', null);
	indicatorMeasure = m22!;
	const indicator = await db.indicator.findFirstOrThrow({ where: { measureId: m22! }, orderBy: { position: 'asc' } });
	indicatorId = indicator.id;
	await db.indicator.update({ where: { id: indicator.id }, data: { target: 100_000 } });
	const changes = await spreadOneADay(db, since, FIRST_DAY);
	days = Array.from({ length: changes + 2 }, (_, i) => toIsoDay(new Date(FIRST_DAY + (i - 1) * 86_400_000)));
}, 120_000);
afterAll(async () => {
	await database?.close();
});

describe('the dashboard at a past date, from its snapshot', () => {
	it('is the fold on every day, read in one query once stored', async () => {
		expect(days.length).toBeGreaterThan(4);
		for (const date of days) await getPlanDashboardOn(db, slug, date, today);
		expect((await stored()).map((s) => toIsoDay(s.day))).toEqual(days);
		for (const date of days) {
			let served: unknown;
			expect(await database.queriesFor(async () => (served = await getPlanDashboardOn(db, slug, date, today))), date).toBe(1);
			expect(served, date).toEqual(await getPlanDashboardAt(db, slug, date));
		}
		// The days differ, so that serving one day's snapshot for another would fail above.
		const [first, last] = [await getPlanDashboardAt(db, slug, days[0]!), await getPlanDashboardAt(db, slug, days.at(-1)!)];
		expect(last!.statusCounts).not.toEqual(first!.statusCounts);
	});

	it('is built again after a write that changes past days, every day stored again at the new version', async () => {
		for (const date of days) await getPlanDashboardOn(db, slug, date, today);
		const before = new Map(await Promise.all(days.map(async (d) => [d, await getPlanDashboardAt(db, slug, d)] as const)));
		const version = (await stored())[0]!.version;
		// Dated on the first day of the history: known from then on, it moves the progress of past days.
		await addValue(days[1]!, 99_999);
		let changed = 0;
		for (const date of days) {
			const served = await getPlanDashboardOn(db, slug, date, today);
			expect(served, date).toEqual(await getPlanDashboardAt(db, slug, date));
			if (JSON.stringify(served) !== JSON.stringify(before.get(date))) changed++;
		}
		expect(changed).toBeGreaterThan(0);
		const after = await stored();
		expect(after).toHaveLength(days.length);
		expect(after.every((s) => s.version > version)).toBe(true);
	});

	it('keeps the days of a plan when only another plan is written', async () => {
		for (const date of days) await getPlanDashboardOn(db, slug, date, today);
		const { planId } = await createLargePlan(db, { slug: 'autre-plan', measures: 2, milestonesPerMeasure: 1 });
		const other = await db.measure.findFirstOrThrow({ where: { planId }, select: { id: true } });
		await setStatus(other.id, 'IN_PROGRESS', 'MANUAL', 30);
		for (const date of days) {
			let served: unknown;
			// The snapshot and the version read, then the snapshot moved to that version: no fold.
			expect(await database.queriesFor(async () => (served = await getPlanDashboardOn(db, slug, date, today))), date).toBe(2);
			expect(served, date).toEqual(await getPlanDashboardAt(db, slug, date));
			expect(await database.queriesFor(() => getPlanDashboardOn(db, slug, date, today)), date).toBe(1);
		}
	});

	it('patches the days stored before a write to some measures into exactly what a full fold gives', async () => {
		for (const date of days) await getPlanDashboardOn(db, slug, date, today);
		const before = new Map(await Promise.all(days.map(async (d) => [d, JSON.stringify(await getPlanDashboardAt(db, slug, d))] as const)));
		const [m12, m31] = await Promise.all(['1.2', '3.1'].map((n) => measureId(db, n)));
		// Both move past days: a value dated on the second day, and a status undone back to that day's.
		await addValue(days[2]!, 55_555);
		await setStatus(m12!, 'IN_PROGRESS', 'MANUAL', 75);
		await setStatus(m31!, 'IN_PROGRESS', 'MILESTONES', null);
		let changed = 0;
		for (const date of days) {
			const served = await getPlanDashboardOn(db, slug, date, today);
			expect(served, date).toEqual(await getPlanDashboardAt(db, slug, date));
			if (JSON.stringify(served) !== before.get(date)) changed++;
		}
		expect(changed).toBeGreaterThan(0);
		// The stored form after the patch is the one a build from nothing stores.
		const patched = await stored();
		await db.dashboardSnapshot.deleteMany();
		for (const date of days) await getPlanDashboardOn(db, slug, date, today);
		const rebuilt = await stored();
		expect(patched.map((s) => [s.version, s.data, s.rollups])).toEqual(rebuilt.map((s) => [s.version, s.data, s.rollups]));
	});

	it('folds again only the measures written since: the others come from the stored roll-ups', async () => {
		const date = days.at(-1)!;
		await getPlanDashboardOn(db, slug, date, today);
		const [m11, m12] = await Promise.all(['1.1', '1.2'].map((n) => measureId(db, n)));
		const [row] = await stored().then((rows) => rows.filter((r) => toIsoDay(r.day) === date));
		// A stored roll-up changed by hand (measure 1.1 shown as retired) shows through a patch for 1.2 alone.
		const rollups = (JSON.parse(row!.rollups!) as unknown[][]).map((r) => (r[0] === m11 ? [...r.slice(0, 5), true] : r));
		await db.dashboardSnapshot.update({ where: { planId_day: { planId: row!.planId, day: row!.day } }, data: { rollups: JSON.stringify(rollups) } });
		await setStatus(m12!, 'IN_PROGRESS', 'MANUAL', 60);
		const served = (await getPlanDashboardOn(db, slug, date, today))!;
		const folded = (await getPlanDashboardAt(db, slug, date))!;
		expect(served.retiredCount).toBe(folded.retiredCount + 1);
	});

	it("patches a measure whose milestones were written with their own past weights, not today's", async () => {
		const m32 = await measureId(db, '3.2');
		const since = await lastAuditEventId(db);
		// Progress from two milestones of weight 1, the first done on the first day: 50 % from then on.
		await setStatus(m32, 'IN_PROGRESS', 'MILESTONES', null);
		const milestone = (title: string) => addMilestone(db, actors.admin, { measureId: m32, title, titleEn: null, description: null, weight: 1, planned: null });
		const [first, second] = [await milestone('Premier jalon'), await milestone('Second jalon')];
		const version = async (id: string) => (await db.milestone.findUniqueOrThrow({ where: { id } })).version;
		await setMilestoneDone(db, actors.admin, { measureId: m32, milestoneId: first.id, version: await version(first.id), doneOn: days[1]! });
		// All of it happened on the first day; the days stored from here on are built from nothing.
		await db.auditEvent.updateMany({ where: { id: { gt: since } }, data: { at: new Date(FIRST_DAY + 12 * 3_600_000) } });
		await db.dashboardSnapshot.deleteMany();
		for (const date of days) await getPlanDashboardOn(db, slug, date, today);
		// Today the done milestone weighs 3 (75 %), which moves the plan's progress; every past day still saw it weigh 1.
		const progressToday = async () => (await getPlanDashboardAt(db, slug, today))!.progress;
		const before = await progressToday();
		const row = await db.milestone.findUniqueOrThrow({ where: { id: first.id } });
		await updateMilestone(db, actors.admin, { measureId: m32, milestoneId: first.id, version: row.version, title: row.title, description: null, weight: 3 });
		expect(await progressToday()).not.toEqual(before);
		for (const date of days) {
			const served = await getPlanDashboardOn(db, slug, date, today);
			expect(served, date).toEqual(await getPlanDashboardAt(db, slug, date));
		}
		expect(second.id).not.toBe(first.id);
	});

	it('keeps today live: today is never stored', async () => {
		await getPlanDashboardOn(db, slug, today, today);
		expect((await stored()).map((s) => toIsoDay(s.day))).not.toContain(today);
		await addValue(today, 12_345);
		expect(await getPlanDashboardOn(db, slug, today, today)).toEqual(await getPlanDashboardAt(db, slug, today));
	});
});

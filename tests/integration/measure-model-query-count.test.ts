// What a save makes this instance rebuild (read-models/public.ts drops them with each save): the saved
// measure's page and its plan's dashboard. Each part costs a fixed, small number of statements whatever
// the measure holds, and reads what Prisma's includes read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase, type CountingDatabase } from '../helpers/database';
import * as factories from '../factories';
import { smallPlan, user } from '../factories';
import { addSuccession, successionsOf } from '../../src/lib/server/domain/measures/successions';
import { buildMeasureDetail, getMeasureDetail, MEASURE_DETAIL_INCLUDE } from '../../src/lib/server/domain/measures/view';
import { getMeasureSummaryPage, getPlanDashboard } from '../../src/lib/server/domain/plans/view';
import { getDashboardPage } from '../../src/lib/server/domain/plans/dashboard-page';
import { UPDATE_ORDER } from '../../src/lib/server/domain/measures/update-order';
import { publicChangeWhere } from '../../src/lib/server/public-changes';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import type { Actor } from '../../src/lib/server/policies';
import type { Db } from '../../src/lib/server/db';

let counted: CountingDatabase;
let admin: Actor;

beforeAll(async () => {
	counted = await countingDatabase({ plan: true });
	const row = await user(counted.prisma, { roles: ['ADMIN'] });
	admin = { id: row.id, displayName: row.displayName, roles: ['ADMIN'], teamIds: [] };
}, 120_000);
afterAll(async () => {
	await counted?.close();
});

describe('SQL statements of the models a save rebuilds', () => {
	it('its successions are one statement, with none, with links both ways and towards a draft plan', async () => {
		const db = counted.prisma;
		const old = await smallPlan(db, { axes: 1, measures: 2, plan: { title: 'Plan 2021' } });
		const middle = await smallPlan(db, { axes: 1, measures: 1, plan: { title: 'Plan 2023' } });
		const draft = await smallPlan(db, { axes: 1, measures: 1, plan: { title: 'Plan 2025', status: 'DRAFT' } });
		const [first, second] = old.measures.map((m) => m.id) as [string, string];
		const continued = middle.measures[0]!.id;
		expect(await counted.queriesFor(() => successionsOf(db, first))).toBe(1);

		await addSuccession(db, admin, { measureId: first, kind: 'CONTINUED_BY', successorId: continued, reason: null });
		await addSuccession(db, admin, { measureId: second, kind: 'ABANDONED', successorId: null, reason: 'Repris par la loi' });
		await addSuccession(db, admin, { measureId: continued, kind: 'CONTINUED_BY', successorId: draft.measures[0]!.id, reason: null });

		let seen: Awaited<ReturnType<typeof successionsOf>> | null = null;
		expect(await counted.queriesFor(async () => (seen = await successionsOf(db, continued)))).toBe(1);
		// The public reader sees where it came from, not the draft it goes on in.
		expect(seen).toMatchObject({ successors: [], predecessors: [{ kind: 'CONTINUED_BY', measure: { number: old.measures[0]!.number, plan: { title: 'Plan 2021' } } }] });
		expect(await counted.queriesFor(async () => (seen = await successionsOf(db, continued, { withDrafts: true })))).toBe(1);
		expect(seen!.successors).toMatchObject([{ kind: 'CONTINUED_BY', measure: { plan: { title: 'Plan 2025' } } }]);
		expect((await successionsOf(db, second)).successors).toMatchObject([{ kind: 'ABANDONED', reason: 'Repris par la loi', measure: null }]);
	});

	it('the measure and everything its page shows are one statement, equal to what Prisma reads relation by relation', async () => {
		const db = counted.prisma;
		const rich = await richMeasure(db);
		const measures = await db.measure.findMany({ where: { plan: { slug: { in: [DEFAULT_PLAN_SLUG, rich.slug] } } }, select: { number: true, plan: { select: { slug: true } } } });
		expect(measures.length).toBeGreaterThan(10);
		for (const { number, plan } of measures) {
			let detail: Awaited<ReturnType<typeof getMeasureDetail>> = null;
			expect(await counted.queriesFor(async () => (detail = await getMeasureDetail(db, plan.slug, number, '2026-06-01')))).toBe(1);
			expect(detail).toEqual(await throughPrisma(db, plan.slug, number, '2026-06-01'));
		}
		expect(await counted.queriesFor(() => getMeasureDetail(db, rich.slug, '9.9'))).toBe(1);
		expect(await getMeasureDetail(db, rich.slug, '9.9')).toBeNull();
	});

	it('the dashboard reads the measures it shows in one statement, and sums them up as the API does from Prisma’s rows', async () => {
		const db = counted.prisma;
		const rich = await richMeasure(db);
		for (const slug of [DEFAULT_PLAN_SLUG, rich.slug]) {
			let dashboard: Awaited<ReturnType<typeof getPlanDashboard>> = null;
			// The plan, its axes with their teams, the roll-ups, the latest facts, the last change, the measures shown (was 7).
			expect(await counted.queriesFor(async () => (dashboard = await getPlanDashboard(db, slug, '2026-06-01')))).toBe(6);
			const shown = dashboard!.axes.flatMap((a) => a.measures);
			expect(shown.length).toBeGreaterThan(0);
			const api = await getMeasureSummaryPage(db, slug, { page: 1, perPage: 100 }, '2026-06-01');
			const byId = new Map(api!.items.map((i) => [i.summary.id, i.summary]));
			for (const summary of shown) expect(summary).toEqual(byId.get(summary.id));
			expect(dashboard!.axes.map((a) => [a.number, a.title, a.leadOwner])).toEqual(await axesThroughPrisma(db, slug));
		}
	});

	it('the whole dashboard page is 14 statements: the dashboard 6, the agenda 3, what is known 5 (the axes not read again)', async () => {
		const db = counted.prisma;
		let page: Awaited<ReturnType<typeof getDashboardPage>> = null;
		expect(await counted.queriesFor(async () => (page = await getDashboardPage(db, DEFAULT_PLAN_SLUG, null)))).toBe(14);
		const plan = await db.plan.findUniqueOrThrow({ where: { slug: DEFAULT_PLAN_SLUG }, select: { id: true } });
		expect(page!.known!.axes).toEqual((await db.axis.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' }, select: { number: true } })).map((a) => a.number));
		const latest = await db.progressUpdate.findFirst({
			where: { planId: plan.id, publishedAt: { not: null } },
			orderBy: UPDATE_ORDER,
			select: { text: true, measure: { select: { number: true, title: true } } }
		});
		expect(latest).not.toBeNull();
		expect(page!.known!.latest).toMatchObject({ text: latest!.text, measure: latest!.measure });
	});
});

/** The axes and their teams as Prisma's include reads them. */
async function axesThroughPrisma(db: Db, slug: string) {
	const axes = await db.axis.findMany({ where: { plan: { slug } }, orderBy: { position: 'asc' }, include: { leadOwner: true } });
	return axes.map((a) => [a.number, a.title, a.leadOwner ? { code: a.leadOwner.code, name: a.leadOwner.name, nameEn: a.leadOwner.nameEn } : null]);
}

/** The page as Prisma's includes read it (what getMeasureDetail did before it was one statement). */
async function throughPrisma(db: Db, slug: string, number: string, today: string) {
	const measure = await db.measure.findFirst({ where: { number, plan: { slug } }, include: MEASURE_DETAIL_INCLUDE });
	if (!measure) return null;
	const lastEvent = await db.auditEvent.findFirst({ where: { measureId: measure.id, ...publicChangeWhere }, orderBy: { at: 'desc' }, select: { at: true } });
	// Prisma leaves the contributors' order to the database; the page lists them by code.
	measure.contributors.sort((a, b) => a.owner.code.localeCompare(b.owner.code));
	return buildMeasureDetail(measure, lastEvent?.at ?? null, today);
}

/** A measure with one of everything its page shows, some of them several times. */
async function richMeasure(db: Db) {
	const { plan, measures } = await smallPlan(db, { axes: 1, measures: 1, plan: { status: 'ARCHIVED', archivedOn: new Date('2026-03-01'), archiveNote: 'Clos' } });
	const m = measures[0]!;
	const other = await factories.owner(db);
	const third = await factories.owner(db);
	await db.measureContributor.createMany({
		data: [
			{ measureId: m.id, ownerId: third.id },
			{ measureId: m.id, ownerId: other.id }
		]
	});
	await db.measure.update({
		where: { id: m.id },
		data: {
			status: 'IN_PROGRESS',
			statusAsOf: new Date('2026-02-01'),
			plannedEnd: new Date('2026-05-01'),
			plannedEndPrecision: 'MONTH',
			subActions: ['un', 'deux'],
			retiredOn: null,
			confidence: 'AT_RISK',
			confidenceAsOf: new Date('2026-02-02'),
			progressMethod: 'MILESTONES'
		}
	});
	const first = await db.milestone.create({
		data: { measureId: m.id, title: 'Premier', plannedDate: new Date('2026-01-15'), plannedPrecision: 'DAY', doneOn: new Date('2026-01-20'), position: 1, weight: 2 }
	});
	const second = await db.milestone.create({
		data: { measureId: m.id, title: 'Second', plannedDate: new Date('2026-04-01'), plannedPrecision: 'MONTH', forecastDate: new Date('2026-05-10'), position: 2 }
	});
	await db.milestoneReplan.createMany({
		data: [
			{
				milestoneId: second.id,
				previousDate: new Date('2026-03-01'),
				previousPrecision: 'MONTH',
				newDate: new Date('2026-04-01'),
				newPrecision: 'MONTH',
				reason: 'Retard',
				at: new Date('2026-02-10T09:30:00.123Z')
			},
			{
				milestoneId: second.id,
				previousDate: null,
				previousPrecision: 'CONTINUOUS',
				newDate: new Date('2026-03-01'),
				newPrecision: 'MONTH',
				reason: 'Daté',
				at: new Date('2026-01-10T08:00:00Z')
			}
		]
	});
	await db.evidenceLink.createMany({
		data: [
			{
				measureId: m.id,
				milestoneId: first.id,
				title: 'Preuve liée',
				url: 'https://example.org/a',
				kind: 'DOCUMENT',
				date: new Date('2026-01-21'),
				datePrecision: 'DAY',
				position: 2
			},
			{ measureId: m.id, title: 'Preuve seule', url: 'https://example.org/b', position: 1 }
		]
	});
	const indicator = await db.indicator.create({
		data: { measureId: m.id, name: 'Dépôts', unit: 'dépôts', baseline: 1.5, baselineDate: new Date('2025-01-01'), target: 10, position: 1 }
	});
	await db.indicator.create({ data: { measureId: m.id, name: 'Vide', unit: '%', baseline: 0, position: 2 } });
	await db.indicatorValue.createMany({
		data: [
			{ indicatorId: indicator.id, date: new Date('2026-02-01'), value: 4.25, sourceUrl: 'https://example.org/v2', qualifier: 'environ', automatic: true },
			{ indicatorId: indicator.id, date: new Date('2026-01-01'), value: 3, sourceUrl: 'https://example.org/v1', note: 'première' }
		]
	});
	await db.progressUpdate.createMany({
		data: [
			{ planId: plan.id, measureId: m.id, date: new Date('2026-01-05'), text: 'Publiée', sourceUrls: ['https://example.org/u'], publishedAt: new Date('2026-01-05T10:00:00Z') },
			{
				planId: plan.id,
				measureId: m.id,
				date: new Date('2026-02-05'),
				datePrecision: 'MONTH',
				text: 'Publiée ensuite',
				blockers: 'Aucun',
				publishedAt: new Date('2026-02-06T10:00:00Z')
			},
			{ planId: plan.id, measureId: m.id, date: new Date('2026-03-05'), text: 'Brouillon' }
		]
	});
	// The last public change, and a later event the public history leaves out.
	await db.auditEvent.createMany({
		data: [
			{ actorLabel: 'test', action: 'update', entityType: 'Measure', entityId: m.id, planId: plan.id, measureId: m.id, at: new Date('2026-02-07T11:12:13.456Z') },
			{ actorLabel: 'test', action: 'create', entityType: 'Comment', entityId: m.id, planId: plan.id, measureId: m.id, at: new Date('2026-02-08T00:00:00Z') }
		]
	});
	return { slug: plan.slug };
}

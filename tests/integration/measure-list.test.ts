// The public measure list against a real (embedded) PostgreSQL with the migrations applied:
// French full-text search through the generated tsvector columns, filters, owner pages, agenda.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { getOwnerPage, listMeasures, NO_FILTERS, snippetParts, type MeasureFilters } from '../../src/lib/server/domain/measures/list';
import { AGENDA_LIMIT, getPlanAgenda, UPCOMING_DAYS } from '../../src/lib/server/domain/plans/agenda';
import { milestoneDue } from '../../src/lib/server/domain/plans/view';
import { parseMeasureFilters } from '../../src/lib/server/validation/measure-filters';
import { daysUntilEnd, startOfPeriod } from '../../src/lib/domain/dates';
import { measure, owner, smallPlan } from '../factories';

let database: TestDatabase;
const TODAY = '2026-11-23';

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
}, 120_000);
afterAll(async () => {
	await database?.close();
});

const list = (filters: Partial<MeasureFilters>) => listMeasures(database.prisma, DEFAULT_PLAN_SLUG, { ...NO_FILTERS, ...filters }, TODAY);
const numbers = async (filters: Partial<MeasureFilters>) => (await list(filters))!.results.map((m) => m.number);

describe('French full-text search', () => {
	it('stems French words: "logiciels" finds measures that say "logiciel", and the reverse', async () => {
		const plural = await list({ q: 'logiciels' });
		expect(plural!.results.length).toBeGreaterThan(0);
		const singular = await numbers({ q: 'logiciel' });
		expect(singular).toEqual(plural!.results.map((m) => m.number));
		// A measure whose text only has the singular form is still found by the plural.
		const rows = await database.prisma.measure.findMany({ where: { planId: plural!.plan.id }, select: { number: true, title: true, description: true } });
		const singularOnly = rows.find((m) => /\blogiciel\b/i.test(`${m.title} ${m.description}`) && !/\blogiciels\b/i.test(`${m.title} ${m.description}`));
		if (singularOnly) expect(singular).toContain(singularOnly.number);
		expect(plural!.results[0]?.snippet?.some((p) => p.match && /^logiciel/i.test(p.text))).toBe(true);
	});

	it('ranks and highlights: the SILL measure comes first for "socle interministériel"', async () => {
		const result = await list({ q: 'socle interministériel' });
		expect(result!.results.length).toBeGreaterThan(0);
		expect(result!.results[0]?.snippet).not.toBeNull();
	});

	it('finds a measure through its published progress updates', async () => {
		const measure = await database.prisma.measure.findFirstOrThrow({ where: { plan: { slug: DEFAULT_PLAN_SLUG }, number: '3.3' } });
		await database.prisma.progressUpdate.create({
			data: { planId: measure.planId, measureId: measure.id, date: new Date('2026-01-10'), text: 'Hackathon zymurgique organisé.', sourceUrls: [], publishedAt: new Date() }
		});
		await database.prisma.progressUpdate.create({
			data: { planId: measure.planId, measureId: measure.id, date: new Date('2026-01-11'), text: 'Brouillon xylophonique.', sourceUrls: [] }
		});
		const found = await list({ q: 'zymurgiques' });
		expect(found!.results.map((m) => m.number)).toEqual(['3.3']);
		expect(found!.results[0]?.snippet?.filter((p) => p.match).map((p) => p.text)).toEqual(['zymurgique']);
		// Drafts are never searchable by the public.
		expect(await numbers({ q: 'xylophonique' })).toEqual([]);
	});

	it('treats injection strings and query syntax as plain words', async () => {
		for (const q of ['\'; DROP TABLE "Measure"; --', 'logiciel) | (', '!!! & <script>', '"', 'OR 1=1', '\\x00', 'le la les', ':*', "l'", '&|!()']) {
			const result = await list({ q });
			expect(result, q).not.toBeNull();
		}
		expect(await database.prisma.measure.count()).toBe(10);
		expect(await numbers({ q: '<script>alert(1)</script>' })).toEqual([]);
	});

	it('splits a headline into plain text parts, never HTML', () => {
		expect(snippetParts('un \uE000logiciel\uE001 <b>libre</b>')).toEqual([
			{ text: 'un ', match: false },
			{ text: 'logiciel', match: true },
			{ text: ' <b>libre</b>', match: false }
		]);
	});
});

describe('filters', () => {
	it('filters by axis, by status and by owner (lead or contributing), and they combine', async () => {
		const db = database.prisma;
		const { plan, axes, measures } = await smallPlan(db, { axes: 2, measures: 2 });
		const other = await owner(db);
		await measure(db, axes[1]!.id, { leadOwnerId: other.id }); // 2.3, led by the other team
		await db.measureContributor.create({ data: { measureId: measures[1]!.id, ownerId: other.id } }); // 1.2, with its help
		const inPlan = (filters: Partial<MeasureFilters>) => listMeasures(db, plan.slug, { ...NO_FILTERS, ...filters }, TODAY);
		const numbersIn = async (filters: Partial<MeasureFilters>) => (await inPlan(filters))!.results.map((m) => m.number);

		expect(await numbersIn({ axis: 2 })).toEqual(['2.1', '2.2', '2.3']);
		const all = await inPlan({});
		// The plan's order: axis by axis, not positions interleaved across axes.
		expect(all!.results.map((m) => m.number)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3']);
		expect(all!.total).toBe(5);
		expect(await numbersIn({ status: 'NOT_REPORTED' })).toHaveLength(5);
		expect(await numbersIn({ status: 'DONE' })).toEqual([]);
		expect(await numbersIn({ owner: other.code })).toEqual(['1.2', '2.3']);

		await db.measure.update({ where: { planId_number: { planId: plan.id, number: '2.3' } }, data: { status: 'IN_PROGRESS', confidence: 'AT_RISK' } });
		expect(await numbersIn({ owner: other.code, status: 'IN_PROGRESS' })).toEqual(['2.3']);
		expect(await numbersIn({ owner: other.code, status: 'IN_PROGRESS', confidence: 'AT_RISK' })).toEqual(['2.3']);
		expect(await numbersIn({ owner: other.code, status: 'IN_PROGRESS', confidence: 'ON_TRACK' })).toEqual([]);
		expect(await numbersIn({ owner: 'INCONNU' })).toEqual([]);
		const combined = await numbersIn({ axis: 2, q: 'mesures' });
		expect(combined).toEqual(['2.1', '2.2', '2.3']);
	});

	it('"late only" keeps measures with a past deadline, computed from dates', async () => {
		const plan = await database.prisma.plan.findUniqueOrThrow({ where: { slug: DEFAULT_PLAN_SLUG } });
		const measure = await database.prisma.measure.findFirstOrThrow({ where: { planId: plan.id, number: '1.1' } });
		await database.prisma.milestone.create({
			data: { measureId: measure.id, title: 'Jalon manqué', plannedDate: new Date('2026-06-01'), plannedPrecision: 'MONTH', position: 99 }
		});
		const late = await list({ late: true });
		expect(late!.results.map((m) => m.number)).toContain('1.1');
		expect(late!.results.every((m) => m.late)).toBe(true);
		// The same milestone is not late the day before its month ends.
		const before = await listMeasures(database.prisma, DEFAULT_PLAN_SLUG, { ...NO_FILTERS, late: true }, '2026-06-30');
		expect(before!.results.find((m) => m.number === '1.1')?.lateMilestones ?? 0).toBe(0);
	});

	it('an unknown plan is null', async () => {
		expect(await listMeasures(database.prisma, 'inconnu', NO_FILTERS)).toBeNull();
	});
});

describe('query parameters', () => {
	it('keeps good values, ignores bad ones and says which', () => {
		const { filters, ignored } = parseMeasureFilters(new URLSearchParams('axe=2&porteur=LABEL&statut=IN_PROGRESS&confiance=AT_RISK&retard=1&q=%20logiciels%20'));
		expect(filters).toEqual({ axis: 2, owner: 'LABEL', status: 'IN_PROGRESS', confidence: 'AT_RISK', late: true, q: 'logiciels' });
		expect(ignored).toEqual([]);
		const bad = parseMeasureFilters(new URLSearchParams(`axe=deux&porteur=<x>&statut=FINI&confiance=&retard=oui&q=${'a'.repeat(201)}`));
		expect(bad.filters).toEqual(NO_FILTERS);
		expect(bad.ignored).toEqual(['axe', 'porteur', 'statut', 'retard', 'q']);
		// NUL and other control characters never reach PostgreSQL (which rejects NUL in text).
		expect(parseMeasureFilters(new URLSearchParams('q=logi%00ciel%0A')).filters.q).toBe('logi ciel');
		expect(parseMeasureFilters(new URLSearchParams('q=%00%01')).ignored).toEqual(['q']);
	});
});

describe('owner page', () => {
	it('lists the measures an owner leads and those it contributes to, with counts by status', async () => {
		const page = await getOwnerPage(database.prisma, DEFAULT_PLAN_SLUG, 'POLE_LL', TODAY);
		expect(page).not.toBeNull();
		expect(page!.owner.name).toBeTruthy();
		expect(page!.led.every((m) => m.leadOwner.code === 'POLE_LL')).toBe(true);
		expect(page!.contributed.every((m) => m.leadOwner.code !== 'POLE_LL' && m.contributors.some((c) => c.code === 'POLE_LL'))).toBe(true);
		const counted = Object.values(page!.statusCounts).reduce((a, b) => a + b, 0);
		expect(counted).toBe(page!.led.length + page!.contributed.length);
		expect(await getOwnerPage(database.prisma, DEFAULT_PLAN_SLUG, 'INCONNU')).toBeNull();
		expect(await getOwnerPage(database.prisma, 'inconnu', 'POLE_LL')).toBeNull();
	});
});

describe('plan agenda', () => {
	it('lists upcoming milestones within 90 days, late ones, and recently changed measures', async () => {
		const plan = await database.prisma.plan.findUniqueOrThrow({ where: { slug: DEFAULT_PLAN_SLUG } });
		const measure = await database.prisma.measure.findFirstOrThrow({ where: { planId: plan.id, number: '2.1' } });
		await database.prisma.milestone.createMany({
			data: [
				{ measureId: measure.id, title: 'Bientôt', plannedDate: new Date('2026-12-15'), plannedPrecision: 'DAY', position: 90 },
				{ measureId: measure.id, title: 'Trop loin', plannedDate: new Date('2027-06-01'), plannedPrecision: 'DAY', position: 91 },
				{ measureId: measure.id, title: 'Déjà fait', plannedDate: new Date('2026-12-01'), plannedPrecision: 'DAY', doneOn: new Date('2026-11-01'), position: 92 }
			]
		});
		const agenda = await getPlanAgenda(database.prisma, plan.id, TODAY);
		const upcoming = agenda.upcoming.map((m) => m.title);
		expect(upcoming).toContain('Bientôt');
		expect(upcoming).not.toContain('Trop loin');
		expect(upcoming).not.toContain('Déjà fait');
		expect(agenda.upcoming.find((m) => m.title === 'Bientôt')).toMatchObject({ daysLeft: 22, measure: { number: '2.1' } });
		expect(agenda.late.map((m) => m.title)).toContain('Jalon manqué');
		expect(agenda.late.length).toBeLessThanOrEqual(8);
		// Only the seed wrote audit events here: it is not a change (tests/integration/recent-changes.test.ts).
		expect(agenda.recent).toEqual([]);
	});
});

describe('one page at a time, on a larger plan', () => {
	const SLUG = 'plan-pagine';
	const precisions = ['DAY', 'MONTH', 'QUARTER', 'SEMESTER', 'YEAR', 'CONTINUOUS'] as const;
	const statuses = ['IN_PROGRESS', 'DONE', 'ABANDONED', 'NOT_STARTED', null] as const;

	beforeAll(async () => {
		const owner = await database.prisma.owner.findFirstOrThrow();
		const plan = await database.prisma.plan.create({ data: { slug: SLUG, title: 'Plan paginé' } });
		const axis = await database.prisma.axis.create({ data: { planId: plan.id, number: 1, title: 'Axe', position: 0 } });
		// Many combinations of precision, forecast, done and status, around month, quarter and year ends.
		// Stored dates are canonical (the first day of their period), as the editing forms store them.
		const days = ['2025-01-31', '2025-03-31', '2025-06-30', '2025-12-31', '2025-02-15'];
		const stored = (day: string, precision: (typeof precisions)[number]) => new Date(startOfPeriod(day, precision) ?? day);
		for (let i = 0; i < 130; i++) {
			const pick = <T>(list: readonly T[], salt: number) => list[(i * 7 + salt * 3 + Math.floor(i / list.length)) % list.length]!;
			const endPrecision = pick(precisions, 1);
			const measure = await database.prisma.measure.create({
				data: {
					planId: plan.id,
					axisId: axis.id,
					number: `1.${i + 1}`,
					position: i,
					title: `Mesure ${i + 1}`,
					description: i % 10 === 0 ? 'Mutualisation des logiciels libres.' : 'Autre chose.',
					leadOwnerId: owner.id,
					status: pick(statuses, 2),
					plannedEnd: i % 4 === 0 ? null : stored(pick(days, 3), endPrecision),
					plannedEndPrecision: i % 4 === 0 ? null : endPrecision
				}
			});
			const milestoneCount = i % 3;
			for (let k = 0; k < milestoneCount; k++) {
				const precision = pick(precisions, k + 5);
				await database.prisma.milestone.create({
					data: {
						measureId: measure.id,
						title: `Jalon ${k}`,
						plannedDate: stored(pick(days, k + 4), precision),
						plannedPrecision: precision,
						forecastDate: (i + k) % 5 === 0 ? new Date(pick(days, k + 6)) : null,
						doneOn: (i + k) % 4 === 1 ? new Date('2025-01-01') : null,
						position: k
					}
				});
			}
		}
	}, 120_000);

	const page = (filters: Partial<MeasureFilters>, today: string, p: number, perPage: number) =>
		listMeasures(database.prisma, SLUG, { ...NO_FILTERS, ...filters }, today, { page: p, perPage });

	it('loads only the requested page, counts every match, and is empty past the last page', async () => {
		const first = await page({}, TODAY, 1, 50);
		expect(first!.results.map((m) => m.number)).toEqual(Array.from({ length: 50 }, (_, i) => `1.${i + 1}`));
		expect(first).toMatchObject({ total: 130, matched: 130, page: 1, perPage: 50, pageCount: 3 });
		const last = await page({}, TODAY, 3, 50);
		expect(last!.results.map((m) => m.number)).toEqual(Array.from({ length: 30 }, (_, i) => `1.${i + 101}`));
		const beyond = await page({}, TODAY, 9, 50);
		expect(beyond).toMatchObject({ results: [], matched: 130, pageCount: 3 });
		const searched = await page({ q: 'mutualisation' }, TODAY, 2, 5);
		expect(searched).toMatchObject({ matched: 13, pageCount: 3 });
		expect(searched!.results).toHaveLength(5);
		expect(searched!.results.every((m) => m.snippet?.some((p) => p.match))).toBe(true);
	});

	it('"late only" in SQL keeps exactly the measures the page shows as late, on any day', async () => {
		for (const today of ['2025-01-31', '2025-02-01', '2025-04-01', '2025-07-01', '2026-01-01', '2024-06-01']) {
			const all = (await page({}, today, 1, 500))!.results;
			const late = (await page({ late: true }, today, 1, 500))!.results;
			expect(
				late.map((m) => m.number),
				today
			).toEqual(all.filter((m) => m.late).map((m) => m.number));
			if (today === '2026-01-01') expect(late.length).toBeGreaterThan(10);
		}
	});

	it('the agenda picks, in SQL, the same late and upcoming milestones as the date rules in TypeScript', async () => {
		const plan = await database.prisma.plan.findUniqueOrThrow({ where: { slug: SLUG } });
		const milestones = await database.prisma.milestone.findMany({ where: { measure: { planId: plan.id } }, include: { measure: true } });
		for (const today of ['2025-01-31', '2025-02-01', '2025-04-01', '2025-07-01', '2026-01-01', '2024-12-01']) {
			const agenda = await getPlanAgenda(database.prisma, plan.id, today);
			const open = milestones
				.filter((m) => !m.doneOn && m.measure.status !== 'DONE' && m.measure.status !== 'ABANDONED')
				.flatMap((m) => {
					const due = milestoneDue(m);
					const daysLeft = due ? daysUntilEnd(due, today) : null;
					return due && daysLeft !== null ? [{ title: m.title, number: m.measure.number, daysLeft }] : [];
				});
			const late = open.filter((m) => m.daysLeft < 0);
			const upcoming = open.filter((m) => m.daysLeft >= 0 && m.daysLeft <= UPCOMING_DAYS);
			expect(agenda.lateTotal, today).toBe(late.length);
			expect(agenda.upcomingTotal, today).toBe(upcoming.length);
			expect(
				agenda.late.map((m) => m.daysLeft),
				today
			).toEqual(
				late
					.map((m) => m.daysLeft)
					.sort((a, b) => b - a)
					.slice(0, AGENDA_LIMIT)
			);
			expect(
				agenda.upcoming.map((m) => m.daysLeft),
				today
			).toEqual(
				upcoming
					.map((m) => m.daysLeft)
					.sort((a, b) => a - b)
					.slice(0, AGENDA_LIMIT)
			);
		}
	});
});

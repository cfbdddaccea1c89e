// The public measure list against a real (embedded) PostgreSQL with the migrations applied:
// French full-text search through the generated tsvector columns, filters, owner pages, agenda.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { DEFAULT_PLAN_SLUG, seedDefaultPlan } from '../../src/lib/server/seed';
import { getOwnerPage, listMeasures, NO_FILTERS, snippetParts, type MeasureFilters } from '../../src/lib/server/domain/measure-list';
import { getPlanAgenda } from '../../src/lib/server/domain/plan-agenda';
import { parseMeasureFilters } from '../../src/lib/server/validation/measure-filters';

let database: TestDatabase;
const TODAY = '2026-11-23';

beforeAll(async () => {
	database = await freshDatabase();
	await seedDefaultPlan(database.prisma);
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
		for (const q of ["'; DROP TABLE \"Measure\"; --", 'logiciel) | (', '!!! & <script>', '"', 'OR 1=1', '\\x00', 'le la les', ':*', "l'", '&|!()']) {
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
		expect(await numbers({ axis: 2 })).toEqual(['2.1', '2.2', '2.3']);
		const all = await list({});
		expect(all!.results).toHaveLength(10);
		expect(all!.total).toBe(10);
		expect(await numbers({ status: 'NOT_REPORTED' })).toHaveLength(10);
		expect(await numbers({ status: 'DONE' })).toEqual([]);

		const label = await numbers({ owner: 'LABEL' });
		const first = label[0]!;
		const labelRows = (await list({ owner: 'LABEL' }))!.results;
		expect(labelRows.length).toBeGreaterThan(0);
		expect(labelRows.every((m) => m.leadOwner.code === 'LABEL' || m.contributors.some((c) => c.code === 'LABEL'))).toBe(true);

		await database.prisma.measure.update({ where: { planId_number: { planId: all!.plan.id, number: first } }, data: { status: 'IN_PROGRESS', confidence: 'AT_RISK' } });
		expect(await numbers({ owner: 'LABEL', status: 'IN_PROGRESS' })).toEqual([first]);
		expect(await numbers({ owner: 'LABEL', status: 'IN_PROGRESS', confidence: 'AT_RISK' })).toEqual([first]);
		expect(await numbers({ owner: 'LABEL', status: 'IN_PROGRESS', confidence: 'ON_TRACK' })).toEqual([]);
		expect(await numbers({ owner: 'INCONNU' })).toEqual([]);
		const combined = await numbers({ axis: 2, q: 'logiciels' });
		expect(combined.every((n) => n.startsWith('2.'))).toBe(true);
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
		const { filters, ignored } = parseMeasureFilters(
			new URLSearchParams('axe=2&porteur=LABEL&statut=IN_PROGRESS&confiance=AT_RISK&retard=1&q=%20logiciels%20')
		);
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
		expect(agenda.recent.length).toBeGreaterThan(0);
		expect(agenda.recent.length).toBeLessThanOrEqual(8);
		expect(agenda.recent[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});
});

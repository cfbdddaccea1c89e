// The measure list and owner pages at a past date: the plan is rebuilt from its history (edits made
// through the domain functions, then read on the day before and the day of the edit), filtered and
// paged in memory by the same rules as today's SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { createLargePlan } from '../helpers/large-plan';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { listMeasures, NO_FILTERS, type MeasureFilters } from '../../src/lib/server/domain/measures/list';
import { getMeasureListAt, getMeasureListForRequest, getOwnerPageAt, getOwnerPageForRequest, queryWords } from '../../src/lib/server/domain/time-travel/list-at';
import { updateMeasure } from '../../src/lib/server/domain/measures/edit';
import { updateMeasureOwners } from '../../src/lib/server/domain/measures/owners';

let database: TestDatabase;
const admin = { id: 'admin-tt-list', email: 'admin-list@example.gouv.fr', displayName: 'Admin', roles: ['ADMIN' as const], teamIds: [] };
const PAGE = { page: 1, perPage: 50 };
/** Days around the edits made in beforeAll (the audit log stamps them with the real clock). */
let editDay: string;
let dayBefore: string;

const listAt = (date: string, filters: Partial<MeasureFilters> = {}, paging = PAGE) =>
	getMeasureListAt(database.prisma, DEFAULT_PLAN_SLUG, { ...NO_FILTERS, ...filters }, date, paging);
const numbersAt = async (date: string, filters: Partial<MeasureFilters> = {}) => (await listAt(date, filters))!.results.map((m) => m.number);

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
	await database.prisma.user.create({ data: { id: admin.id, email: admin.email, displayName: admin.displayName, roles: ['ADMIN'] } });
	// Measure 1.1 (team LABEL, no status in the import) is edited today: status, confidence, English
	// title, a new word in its description; its lead team becomes TALENTS and POLE_LL stops contributing.
	const measure = await database.prisma.measure.findFirstOrThrow({ where: { number: '1.1', plan: { slug: DEFAULT_PLAN_SLUG } } });
	await updateMeasure(database.prisma, admin, {
		measureId: measure.id,
		version: measure.version,
		reason: null,
		status: 'IN_PROGRESS',
		progressMethod: 'MANUAL',
		progressManual: 40,
		confidence: 'AT_RISK',
		confidenceExplanation: 'Retard du prestataire',
		plannedStart: null,
		plannedEnd: null,
		description: `${measure.description} Zorglubisation prévue.`,
		subActions: measure.subActions,
		titleEn: 'Edited English title',
		descriptionEn: null
	});
	const [lead, labelTeam] = await Promise.all([
		database.prisma.owner.findUniqueOrThrow({ where: { code: 'TALENTS' } }),
		database.prisma.owner.findUniqueOrThrow({ where: { code: 'LABEL' } })
	]);
	expect(measure.leadOwnerId).toBe(labelTeam.id);
	expect(await database.prisma.measureContributor.count({ where: { measureId: measure.id, owner: { code: 'POLE_LL' } } })).toBe(1);
	await updateMeasureOwners(database.prisma, admin, { measureId: measure.id, version: measure.version + 1, reason: null, leadOwnerId: lead.id, contributorOwnerIds: [] });
	const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityId: measure.id, action: 'update' }, orderBy: { at: 'asc' } });
	editDay = event.at.toISOString().slice(0, 10);
	dayBefore = new Date(event.at.getTime() - 86_400_000).toISOString().slice(0, 10);
}, 120_000);
afterAll(async () => {
	await database?.close();
});

describe('the measure list at a past date', () => {
	it('shows the status, confidence, English title and lead team recorded that day, and today’s after the edit', async () => {
		const before = await listAt(dayBefore);
		const after = await listAt(editDay);
		const m11 = (list: typeof before) => list!.results.find((m) => m.number === '1.1')!;
		expect(before!.today).toBe(dayBefore);
		expect(before!.total).toBe(10);
		expect(m11(before)).toMatchObject({ status: 'NOT_REPORTED', confidence: null, titleEn: null, leadOwner: { code: 'LABEL' } });
		expect(m11(before).progress.value).toBeNull();
		expect(m11(before).contributors.map((c) => c.code)).toEqual(['POLE_LL']);
		expect(m11(after)).toMatchObject({ status: 'IN_PROGRESS', confidence: 'AT_RISK', titleEn: 'Edited English title', leadOwner: { code: 'TALENTS' }, contributors: [] });
		expect(m11(after).progress.value).toBe(40);
		// Today's SQL list agrees with the rebuilt list of today.
		const today = await listMeasures(database.prisma, DEFAULT_PLAN_SLUG, NO_FILTERS, editDay);
		expect(today!.results.find((m) => m.number === '1.1')).toEqual(m11(after));
	});

	it('filters on the past values: status, confidence and team', async () => {
		expect(await numbersAt(dayBefore, { status: 'IN_PROGRESS' })).not.toContain('1.1');
		expect(await numbersAt(dayBefore, { status: 'NOT_REPORTED' })).toContain('1.1');
		expect(await numbersAt(editDay, { status: 'IN_PROGRESS' })).toContain('1.1');
		expect(await numbersAt(editDay, { status: 'NOT_REPORTED' })).not.toContain('1.1');
		expect(await numbersAt(dayBefore, { confidence: 'AT_RISK' })).toEqual([]);
		expect(await numbersAt(editDay, { confidence: 'AT_RISK' })).toEqual(['1.1']);
		// Lead or contributing team.
		expect(await numbersAt(dayBefore, { owner: 'LABEL' })).toContain('1.1');
		expect(await numbersAt(dayBefore, { owner: 'POLE_LL' })).toContain('1.1');
		expect(await numbersAt(dayBefore, { owner: 'TALENTS' })).not.toContain('1.1');
		expect(await numbersAt(editDay, { owner: 'LABEL' })).not.toContain('1.1');
		expect(await numbersAt(editDay, { owner: 'POLE_LL' })).not.toContain('1.1');
		expect(await numbersAt(editDay, { owner: 'TALENTS' })).toContain('1.1');
		// Filters combine: axis 1 and status "not reported" on the day before.
		const combined = await listAt(dayBefore, { axis: 1, status: 'NOT_REPORTED' });
		expect(combined!.matched).toBe(combined!.results.length);
		expect(combined!.results.every((m) => m.axis.number === 1 && m.status === 'NOT_REPORTED')).toBe(true);
		expect(combined!.results.map((m) => m.number)).toContain('1.1');
	});

	it('pages the same way as today’s list, in the same order', async () => {
		const numbers = (list: { results: { number: string }[] } | null) => list!.results.map((m) => m.number);
		const first = await listAt(dayBefore, {}, { page: 1, perPage: 4 });
		const third = await listAt(dayBefore, {}, { page: 3, perPage: 4 });
		const beyond = await listAt(dayBefore, {}, { page: 9, perPage: 4 });
		expect(first).toMatchObject({ total: 10, matched: 10, page: 1, perPage: 4, pageCount: 3 });
		expect(third!.results).toHaveLength(2);
		expect(beyond).toMatchObject({ matched: 10, page: 9, pageCount: 3, results: [] });
		const sqlPage = (page: number) => listMeasures(database.prisma, DEFAULT_PLAN_SLUG, NO_FILTERS, editDay, { page, perPage: 4 });
		expect(numbers(first)).toEqual(numbers(await sqlPage(1)));
		expect(numbers(third)).toEqual(numbers(await sqlPage(3)));
	});

	it('searches the text as it stood that day, word by word, ignoring case and accents', async () => {
		expect(queryWords('« Numérique » -logiciels')).toEqual(['numerique', 'logiciels']);
		expect(await numbersAt(dayBefore, { q: 'zorglubisation' })).toEqual([]);
		expect(await numbersAt(editDay, { q: 'ZORGLUBISATION prevue' })).toEqual(['1.1']);
		// Every word must appear.
		expect(await numbersAt(editDay, { q: 'zorglubisation inexistantissime' })).toEqual([]);
		const accents = await numbersAt(dayBefore, { q: 'numerique' });
		expect(accents.length).toBeGreaterThan(0);
		expect(accents).toEqual(await numbersAt(dayBefore, { q: 'numérique' }));
	});

	it('a request: no date is today’s SQL list, a valid date the past one, a date out of range today’s list with the reason', async () => {
		const today = '2026-11-30';
		const plain = await getMeasureListForRequest(database.prisma, DEFAULT_PLAN_SLUG, NO_FILTERS, PAGE, null, today);
		expect(plain!.travel).toMatchObject({ date: null, problem: null, adoptedOn: '2021-11-10' });
		const past = await getMeasureListForRequest(database.prisma, DEFAULT_PLAN_SLUG, NO_FILTERS, PAGE, '2023-06-30', today);
		expect(past!.travel).toMatchObject({ date: '2023-06-30', problem: null });
		expect(past!.list.today).toBe('2023-06-30');
		const future = await getMeasureListForRequest(database.prisma, DEFAULT_PLAN_SLUG, NO_FILTERS, PAGE, '2999-01-01', today);
		expect(future!.travel).toMatchObject({ date: null, problem: 'future' });
		expect(future!.list.today).toBe(today);
		const early = await getMeasureListForRequest(database.prisma, DEFAULT_PLAN_SLUG, NO_FILTERS, PAGE, '2020-01-01', today);
		expect(early!.travel).toMatchObject({ date: null, problem: 'beforeAdoption', adoptedOn: '2021-11-10' });
		expect(await getMeasureListForRequest(database.prisma, 'plan-inconnu', NO_FILTERS, PAGE, '2023-06-30', today)).toBeNull();
	});
});

describe('an owner page at a past date', () => {
	it('lists the measures the team led that day, with their past status', async () => {
		const labelBefore = await getOwnerPageAt(database.prisma, DEFAULT_PLAN_SLUG, 'LABEL', dayBefore);
		const labelAfter = await getOwnerPageAt(database.prisma, DEFAULT_PLAN_SLUG, 'LABEL', editDay);
		const talentsBefore = await getOwnerPageAt(database.prisma, DEFAULT_PLAN_SLUG, 'TALENTS', dayBefore);
		const talentsAfter = await getOwnerPageAt(database.prisma, DEFAULT_PLAN_SLUG, 'TALENTS', editDay);
		const poleBefore = await getOwnerPageAt(database.prisma, DEFAULT_PLAN_SLUG, 'POLE_LL', dayBefore);
		const poleAfter = await getOwnerPageAt(database.prisma, DEFAULT_PLAN_SLUG, 'POLE_LL', editDay);
		const led = (p: typeof labelBefore) => p!.led.map((m) => m.number);
		const contributed = (p: typeof labelBefore) => p!.contributed.map((m) => m.number);
		expect(labelBefore!.today).toBe(dayBefore);
		expect(led(labelBefore)).toContain('1.1');
		expect(led(labelAfter)).not.toContain('1.1');
		expect(led(talentsBefore)).not.toContain('1.1');
		expect(led(talentsAfter)).toContain('1.1');
		expect(contributed(poleBefore)).toContain('1.1');
		expect(contributed(poleAfter)).not.toContain('1.1');
		expect(labelBefore!.led.find((m) => m.number === '1.1')?.status).toBe('NOT_REPORTED');
		expect(talentsAfter!.led.find((m) => m.number === '1.1')?.status).toBe('IN_PROGRESS');
		// The counts follow the measures shown.
		const count = (p: typeof labelBefore) => Object.values(p!.statusCounts).reduce((a, b) => a + b, 0);
		expect(count(labelBefore)).toBe(labelBefore!.led.length + labelBefore!.contributed.length);
		expect(talentsAfter!.statusCounts.IN_PROGRESS).toBe(talentsBefore!.statusCounts.IN_PROGRESS + 1);
	});

	it('an unknown team is null (404); a date out of range shows today’s page with the reason', async () => {
		expect(await getOwnerPageAt(database.prisma, DEFAULT_PLAN_SLUG, 'PERSONNE', dayBefore)).toBeNull();
		const future = await getOwnerPageForRequest(database.prisma, DEFAULT_PLAN_SLUG, 'TALENTS', '2999-01-01', editDay);
		expect(future!.travel).toMatchObject({ date: null, problem: 'future' });
		expect(future!.page.led.map((m) => m.number)).toContain('1.1');
		const past = await getOwnerPageForRequest(database.prisma, DEFAULT_PLAN_SLUG, 'TALENTS', dayBefore, editDay);
		expect(past!.travel.date).toBe(dayBefore);
		expect(past!.page.led.map((m) => m.number)).not.toContain('1.1');
	});
});

describe('in-memory filters follow the SQL rules', () => {
	it('on a plan with no history, the list at a day equals today’s SQL list computed on that day', async () => {
		await createLargePlan(database.prisma, { slug: 'plan-sans-historique', measures: 60, milestonesPerMeasure: 4, axes: 3 });
		// Milestones planned from 2022 to 2025, some done on 2022-06-01: some are late on this day, not all.
		const day = '2023-03-15';
		const cases: [Partial<MeasureFilters>, { page: number; perPage: number }][] = [
			[{}, { page: 1, perPage: 50 }],
			[{}, { page: 2, perPage: 50 }],
			[{ late: true }, { page: 1, perPage: 50 }],
			[
				{ late: true, status: 'IN_PROGRESS' },
				{ page: 1, perPage: 7 }
			],
			[
				{ late: true, axis: 2 },
				{ page: 2, perPage: 5 }
			],
			[
				{ status: 'NOT_REPORTED', owner: 'GEN_PLAN_SANS_HISTORIQUE' },
				{ page: 1, perPage: 50 }
			]
		];
		let late = 0;
		for (const [filters, paging] of cases) {
			const f = { ...NO_FILTERS, ...filters };
			const sql = await listMeasures(database.prisma, 'plan-sans-historique', f, day, paging);
			const memory = await getMeasureListAt(database.prisma, 'plan-sans-historique', f, day, paging);
			expect(memory, JSON.stringify(filters)).toEqual(sql);
			if (f.late) late += memory!.matched;
		}
		expect(late).toBeGreaterThan(0);
		const lateOnDay = (await getMeasureListAt(database.prisma, 'plan-sans-historique', { ...NO_FILTERS, late: true }, day, PAGE))!.matched;
		const lateEarlier = (await getMeasureListAt(database.prisma, 'plan-sans-historique', { ...NO_FILTERS, late: true }, '2022-07-01', PAGE))!.matched;
		expect(lateOnDay).toBeLessThan(60);
		expect(lateEarlier).toBeLessThan(lateOnDay);
	});
});

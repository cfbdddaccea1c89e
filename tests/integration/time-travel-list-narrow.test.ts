// The measure list at a past date reads one narrow row per measure with its audit keys folded in SQL
// and rebuilds in full only the page it shows (getMeasureListAt). It must give exactly the list of the
// full replay (`listFromHistory` over the whole history), on every day of a history made through the
// domain functions on a factory-built plan: statuses, confidence, teams, text, a measure added, one
// moved, one retired, axes added, renamed and reordered, milestones added, done and re-planned,
// a published update and a draft that never shows; for every filter and several pages. A team's page
// at a past date (getOwnerPageAt) is that list filtered on the team, compared the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastAuditEventId, spreadOneADay } from '../helpers/audit-days';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import * as make from '../factories';
import type { Db } from '../../src/lib/server/db';
import { NO_FILTERS, type MeasureFilters } from '../../src/lib/server/domain/measures/list';
import { getMeasureListAt, getOwnerPageAt, listFromHistory, ownerPageFromHistory } from '../../src/lib/server/domain/time-travel/list-at';
import { loadPlanHistory } from '../../src/lib/server/domain/time-travel/view';
import { updateMeasure } from '../../src/lib/server/domain/measures/edit';
import { updateMeasureOwners } from '../../src/lib/server/domain/measures/owners';
import { addMilestone, replanMilestone, setMilestoneDone } from '../../src/lib/server/domain/measures/milestones';
import { publishUpdate, saveUpdateDraft } from '../../src/lib/server/domain/measures/progress-updates';
import { addAxis, addMeasure, moveAxis, moveMeasure, proposeMove, renameAxis, retireMeasure } from '../../src/lib/server/domain/plans/structure';
import { toIsoDay } from '../../src/lib/domain/dates';

let database: TestDatabase;
let db: Db;
let slug: string;
let leadCode: string;
let otherCode: string;
let addedId: string;
let retiredId: string;
const admin = { id: 'admin-list-narrow', displayName: 'Alice Admin', roles: ['ADMIN' as const], teamIds: [] };
const FIRST_DAY = Date.UTC(2024, 0, 1);
const day = (i: number) => toIsoDay(new Date(FIRST_DAY + i * 86_400_000));
/** One audit event a day from FIRST_DAY: the day after the last one sees the whole history. */
let lastDay = 0;

async function edit(
	measureId: string,
	fields: { status?: 'IN_PROGRESS' | 'CONTINUOUS' | 'NOT_STARTED'; confidence?: 'AT_RISK' | null; plannedEnd?: string; description?: string }
) {
	const m = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
	await updateMeasure(db, admin, {
		measureId,
		version: m.version,
		reason: null,
		status: fields.status ?? m.status,
		progressMethod: 'MANUAL',
		progressManual: 30,
		confidence: fields.confidence === undefined ? m.confidence : fields.confidence,
		confidenceExplanation: fields.confidence ? 'Prestataire en retard' : null,
		plannedStart: null,
		plannedEnd: fields.plannedEnd ? { start: fields.plannedEnd, precision: 'DAY' } : null,
		description: fields.description ?? m.description,
		subActions: m.subActions
	});
}

const draft = (measureId: string, text: string, date: string) =>
	saveUpdateDraft(db, admin, { measureId, updateId: null, version: null, date: { start: date, precision: 'DAY' }, text, blockers: null, nextSteps: null, sourceUrls: [] });

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	await db.user.create({ data: { id: admin.id, email: 'admin-list-narrow@example.gouv.fr', displayName: admin.displayName, roles: ['ADMIN'] } });
	const built = await make.smallPlan(db, { axes: 3, measures: 4, plan: { status: 'ACTIVE' } });
	slug = built.plan.slug;
	leadCode = built.team.code;
	const other = await make.owner(db, { name: 'Autre équipe' });
	otherCode = other.code;
	const m = built.measures.map((x) => x.id);
	// Milestones from the factories (no events: they existed all along), late or not depending on the day.
	for (const [i, id] of m.entries()) {
		await make.milestone(db, id, { plannedDate: new Date(Date.UTC(2023 + (i % 3), i % 12, 1)), plannedPrecision: i % 2 ? 'MONTH' : 'DAY', weight: 1 + (i % 2) });
		await make.milestone(db, id, { plannedDate: new Date(Date.UTC(2025, 5, 30)), plannedPrecision: 'QUARTER' });
	}
	const since = await lastAuditEventId(db);

	await edit(m[0]!, { status: 'IN_PROGRESS', confidence: 'AT_RISK', plannedEnd: '2024-01-03', description: 'Zorglubisation du service.' });
	await edit(m[1]!, { status: 'CONTINUOUS' });
	const m2 = await db.measure.findUniqueOrThrow({ where: { id: m[2]! } });
	await updateMeasureOwners(db, admin, { measureId: m[2]!, version: m2.version, reason: null, leadOwnerId: other.id, contributorOwnerIds: [built.team.id] });
	addedId = (
		await addMeasure(db, admin, {
			slug,
			axisId: built.axes[1]!.id,
			title: 'Mesure ajoutée',
			titleEn: null,
			description: 'Nouvelle mesure',
			leadOwnerId: other.id,
			contributorOwnerIds: []
		})
	).id;
	// The first measure of axis 1 moves to the end of axis 3: before that, its place in the list is its old position.
	const moved = await db.measure.findUniqueOrThrow({ where: { id: m[0]! } });
	const proposal = await proposeMove(db, admin, { slug, measureId: moved.id, toAxisId: built.axes[2]!.id });
	await moveMeasure(db, admin, { slug, measureId: moved.id, toAxisId: built.axes[2]!.id, version: moved.version, newNumber: proposal.newNumber });
	retiredId = m[4]!;
	const m4 = await db.measure.findUniqueOrThrow({ where: { id: retiredId } });
	await retireMeasure(db, admin, { slug, measureId: retiredId, version: m4.version, reason: 'Fusionnée' });
	await addMilestone(db, admin, { measureId: m[5]!, title: 'Jalon ajouté en retard', description: null, weight: 2, planned: { start: '2024-01-02', precision: 'DAY' } });
	const replanned = await db.milestone.findFirstOrThrow({ where: { measureId: m[6]! }, orderBy: { position: 'asc' } });
	await replanMilestone(db, admin, {
		measureId: m[6]!,
		milestoneId: replanned.id,
		version: replanned.version,
		planned: { start: '2030-01-01', precision: 'YEAR' },
		reason: 'Décalé'
	});
	const done = await db.milestone.findFirstOrThrow({ where: { measureId: m[7]! }, orderBy: { position: 'asc' } });
	await setMilestoneDone(db, admin, { measureId: m[7]!, milestoneId: done.id, version: done.version, doneOn: '2024-01-10' });
	await draft(m[8]!, 'Brouillonnesque jamais publié', '2023-06-01');
	const published = await draft(m[9]!, 'Publicationnesque mise à jour', '2024-01-08');
	await publishUpdate(db, admin, { measureId: m[9]!, updateId: published.id, version: 1 });
	const axis = await addAxis(db, admin, { slug, title: 'Axe ajouté', titleEn: null });
	await addMeasure(db, admin, {
		slug,
		axisId: axis.id,
		title: 'Mesure de l’axe ajouté',
		titleEn: null,
		description: 'Zorglubisation aussi',
		leadOwnerId: built.team.id,
		contributorOwnerIds: []
	});
	const a1 = await db.axis.findUniqueOrThrow({ where: { id: built.axes[0]!.id } });
	await renameAxis(db, admin, { slug, axisId: a1.id, version: a1.version, title: 'Axe renommé', titleEn: null });
	const a3 = await db.axis.findUniqueOrThrow({ where: { id: built.axes[2]!.id } });
	await moveAxis(db, admin, { slug, axisId: a3.id, direction: 'up', position: a3.position });
	await edit(m[10]!, { status: 'NOT_STARTED', confidence: 'AT_RISK' });

	// One change a day from FIRST_DAY (hours apart from midnight), so that each day sees a different plan.
	lastDay = await spreadOneADay(db, since, FIRST_DAY);
}, 180_000);
afterAll(async () => {
	await database?.close();
});

const PAGES = [
	{ page: 1, perPage: 4 },
	{ page: 2, perPage: 4 },
	{ page: 5, perPage: 4 },
	{ page: 1, perPage: 50 }
];

describe('the measure list at a past date, from narrow rows', () => {
	it('is the full replay on every day of the history, for every filter and page', async () => {
		const history = (await loadPlanHistory(db, slug))!;
		const filters: Partial<MeasureFilters>[] = [
			{},
			{ axis: 1 },
			{ axis: 3 },
			{ axis: 4 },
			{ status: 'IN_PROGRESS' },
			{ status: 'NOT_REPORTED' },
			{ status: 'CONTINUOUS' },
			{ confidence: 'AT_RISK' },
			{ owner: leadCode },
			{ owner: otherCode },
			{ late: true },
			{ late: true, axis: 2 },
			{ q: 'zorglubisation' },
			{ q: 'Brouillonnesque' },
			{ q: 'publicationnesque' },
			{ q: 'mesure ajoutée' }
		];
		// Every day for the unfiltered list; every other day for the filters (PGlite runs this file too).
		const days = [...Array.from({ length: lastDay + 2 }, (_, i) => i - 1), 400, 700];
		let compared = 0;
		for (const k of days)
			for (const f of filters) {
				if (f !== filters[0] && k % 2 !== 0 && k < lastDay) continue;
				const date = k === 700 ? toIsoDay(new Date()) : day(k);
				for (const paging of f === filters[0] ? PAGES : PAGES.slice(0, 2)) {
					const fast = await getMeasureListAt(db, slug, { ...NO_FILTERS, ...f }, date, paging);
					expect(fast, `${date} ${JSON.stringify(f)} ${JSON.stringify(paging)}`).toEqual(listFromHistory(history, { ...NO_FILTERS, ...f }, date, paging));
					compared++;
				}
			}
		expect(compared).toBeGreaterThan(400);
	}, 300_000);

	it('gives each team’s page as the full replay does, on every day of the history', async () => {
		const history = (await loadPlanHistory(db, slug))!;
		const days = [...Array.from({ length: lastDay + 2 }, (_, i) => day(i - 1)), toIsoDay(new Date())];
		for (const date of days)
			for (const code of [leadCode, otherCode]) {
				const fast = await getOwnerPageAt(db, slug, code, date);
				expect(fast, `${date} ${code}`).toEqual(ownerPageFromHistory(history, code, date));
			}
		// The compared pages did change over the history: measure 3 passed to the other team, which then led an added measure.
		const other = async (date: string) => (await getOwnerPageAt(db, slug, otherCode, date))!;
		expect((await other(day(-1))).led).toEqual([]);
		expect((await other(day(lastDay))).led.map((m) => m.id)).toContain(addedId);
		expect(await getOwnerPageAt(db, slug, 'NO_SUCH_TEAM', day(lastDay))).toBeNull();
		expect(await getOwnerPageAt(db, 'no-such-plan', leadCode, day(lastDay))).toBeNull();
	}, 120_000);

	it('leaves out a measure created after the day, lists a retired one before its retirement, never shows a draft', async () => {
		const list = (date: string, f: Partial<MeasureFilters> = {}) => getMeasureListAt(db, slug, { ...NO_FILTERS, ...f }, date, { page: 1, perPage: 50 });
		const ids = async (date: string, f: Partial<MeasureFilters> = {}) => (await list(date, f))!.results.map((r) => r.id);
		const today = toIsoDay(new Date());
		// addMeasure was the fourth change (day 3).
		expect(await ids(day(2))).not.toContain(addedId);
		expect(await ids(day(3))).toContain(addedId);
		expect((await list(day(2)))!.total).toBe(12);
		expect((await list(day(lastDay)))!.total).toBe(14);
		// Retired today (its retirement is dated by the day it was made, whatever the log's day).
		const before = (await list(day(lastDay)))!.results.find((r) => r.id === retiredId)!;
		const after = (await list(today))!.results.find((r) => r.id === retiredId)!;
		expect(before.retiredOn).toBeNull();
		expect(after.retiredOn).toBe(today);
		expect(await ids(today, { q: 'brouillonnesque' })).toEqual([]);
		expect(await ids(day(lastDay), { q: 'publicationnesque' })).toHaveLength(1);
		expect(await ids(day(6), { q: 'publicationnesque' })).toEqual([]);
		// The history did change the lists compared above.
		expect(await ids(day(-1), { confidence: 'AT_RISK' })).toEqual([]);
		expect((await list(day(lastDay), { confidence: 'AT_RISK' }))!.matched).toBe(2);
		expect((await list(day(-1), { late: true }))!.matched).not.toBe((await list(day(lastDay), { late: true }))!.matched);
	});
});

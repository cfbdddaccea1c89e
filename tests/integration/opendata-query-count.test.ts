// Open data, feeds and API lists must cost the same number of SQL queries whatever the plan's size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { loadPlanData, loadPlanIndex } from '../../src/lib/server/opendata/load';
import { loadFile, parseFileName, renderFile } from '../../src/lib/server/opendata/files';
import { DATASETS, findDataset } from '../../src/lib/server/opendata/datasets';
import { recordBatches } from '../../src/lib/server/opendata/stream';
import { getOpenDataOverview } from '../../src/lib/server/opendata/overview';
import { buildFeed } from '../../src/lib/server/feeds/plan-feed';
import { listOwners, listPlans } from '../../src/lib/server/api/resources';
import { countingDatabase, type CountingDatabase } from '../helpers/database';
import type { Db } from '../../src/lib/server/db';
import { createLargePlan } from '../helpers/large-plan';

let counted: CountingDatabase;
const ORIGIN = 'https://jalons.test';

beforeAll(async () => {
	counted = await countingDatabase({ plan: true });
	await createLargePlan(counted.prisma, { slug: 'grand-plan', measures: 300, milestonesPerMeasure: 5, auditEvents: 600 });
}, 300_000);
afterAll(async () => {
	await counted?.close();
});

const queriesFor = (work: () => Promise<unknown>) => counted.queriesFor(work);

describe('SQL queries for open data, feeds and API lists', () => {
	it('are the same for 300 measures as for the real plan', async () => {
		const db = counted.prisma;
		const cases: [string, (slug: string, measure: string) => Promise<unknown>][] = [
			['datasets', (slug) => loadPlanData(db, slug, ORIGIN)],
			['measures file', (slug) => loadFile(db, slug, parseFileName('mesures.csv')!, ORIGIN)],
			['open data page', (slug) => getOpenDataOverview(db, slug, ORIGIN, 'fr')],
			['open data page, rows counted', (slug) => getOpenDataOverview(db, slug, ORIGIN, 'fr', { streamedFrom: 0 })],
			['plan feed', (slug) => buildFeed(db, slug, { kind: 'plan' }, `${ORIGIN}/flux/${slug}.atom`)],
			['axis feed', (slug) => buildFeed(db, slug, { kind: 'axis', number: 2 }, `${ORIGIN}/flux/x.atom`)],
			['measure feed', (slug, measure) => buildFeed(db, slug, { kind: 'measure', number: measure }, `${ORIGIN}/flux/x.atom`)]
		];
		for (const [name, work] of cases) {
			const small = await queriesFor(() => work(DEFAULT_PLAN_SLUG, '2.2'));
			const large = await queriesFor(() => work('grand-plan', '3.7'));
			expect(small, name).toBeGreaterThan(0);
			expect(large, name).toBe(small);
		}
		expect(await queriesFor(() => listPlans(db, ORIGIN))).toBeLessThanOrEqual(2);
		// One query per relation level (owners, their measures, those measures' plans), not per row.
		expect(await queriesFor(() => listOwners(db))).toBeLessThanOrEqual(6);
	});

	it('a measure feed of the large plan shows its status changes', async () => {
		const xml = (await buildFeed(counted.prisma, 'grand-plan', { kind: 'measure', number: '3.7' }, `${ORIGIN}/flux/x.atom`))!;
		expect(xml).toContain('statut «\u202fEn cours\u202f»');
	});

	it('every streamed file, read a batch at a time with the SQL roll-up, is byte for byte the file built from the whole plan', async () => {
		const db = counted.prisma;
		// Every progress method on the generated plan, and indicators that count or not.
		const plan = await db.plan.findUniqueOrThrow({ where: { slug: 'grand-plan' } });
		const rows = await db.measure.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' }, include: { indicators: true } });
		for (const [i, m] of rows.slice(0, 60).entries()) {
			if (i % 3 === 1) await db.measure.update({ where: { id: m.id }, data: { progressMethod: 'MANUAL', progressManual: i % 6 === 1 ? null : i } });
			if (i % 3 === 2) await db.measure.update({ where: { id: m.id }, data: { progressMethod: 'INDICATOR' } });
			if (i % 9 === 2) await db.indicator.update({ where: { id: m.indicators[0]!.id }, data: { target: null } });
		}
		await addEdgeCases(db, plan.id);
		const today = '2026-11-23';
		const batch = { measures: 7, updates: 11 };
		for (const slug of ['grand-plan', DEFAULT_PLAN_SLUG]) {
			const whole = (await loadPlanData(db, slug, ORIGIN, today))!;
			for (const dataset of DATASETS) {
				for (const name of [`${dataset.name}.csv`, `${dataset.name}.json`]) {
					const file = parseFileName(name)!;
					const full = renderFile(file, whole, ORIGIN);
					// 7 measures a batch: batches end inside axes, and some hold no row of a dataset.
					const streamed = await loadFile(db, slug, file, ORIGIN, { today, batch });
					expect(streamed!.body, `${slug} ${name}`).toBe(full.body);
					expect(streamed!.headers, `${slug} ${name}`).toEqual(full.headers);
				}
			}
			const pkg = renderFile(parseFileName('datapackage.json')!, whole, ORIGIN);
			expect((await loadFile(db, slug, parseFileName('datapackage.json')!, ORIGIN, { today, batch }))!.body).toBe(pkg.body);
		}
		const measures = (await loadFile(db, 'grand-plan', parseFileName('mesures.csv')!, ORIGIN))!.body;
		expect(measures).toMatch(/MANUAL/);
		// The edge cases are in the files compared above (a comparison of files without them proves little).
		const read = async (name: string) => (await loadFile(db, 'grand-plan', parseFileName(name)!, ORIGIN, { today, batch }))!.body;
		const milestones = await read('jalons.csv');
		expect(milestones).toContain('"\'=SUM(A1), ""cité""\r\nsuite"');
		expect(milestones).toMatch(/,Jalon continu,,,CONTINUOUS,2026-03-31,,0,false,2\r\n/);
		expect(milestones.indexOf('Égalité b')).toBeLessThan(milestones.indexOf('Égalité a'));
		const values = await read('valeurs-indicateurs.csv');
		for (const figure of ['0.30000000000000004', '1e+21', '-3.5', '1e-7']) expect(values).toContain(`,${figure},`);
		expect(await read('indicateurs.csv')).toMatch(/,Second indicateur,.*,1e-7,2024-05-01,/);
		const updates = await read('mises-a-jour.csv');
		expect(updates).not.toContain('Brouillon');
		expect(updates).toContain('2024-02-01T10:00:00Z');
		expect(updates.match(/Même instant/g)).toHaveLength(15);
		expect(await read('preuves.csv')).toContain('Preuve sans date');
		expect(await loadFile(db, 'inconnu', parseFileName('mesures.csv')!, ORIGIN)).toBeNull();
	});

	it('the open data page of a plan whose files are streamed counts its rows, without sizes for its streamed files', async () => {
		const db = counted.prisma;
		// After the edge cases above, grand-plan has a draft update, which is not counted.
		for (const slug of ['grand-plan', DEFAULT_PLAN_SLUG]) {
			const whole = (await getOpenDataOverview(db, slug, ORIGIN, 'fr'))!;
			const large = (await getOpenDataOverview(db, slug, ORIGIN, 'fr', { streamedFrom: 5 }))!;
			expect(
				large.datasets.map((d) => [d.name, d.rows]),
				slug
			).toEqual(whole.datasets.map((d) => [d.name, d.rows]));
			expect(whole.datasets.flatMap((d) => d.files.map((f) => f.bytes === null))).not.toContain(true);
			for (const [i, dataset] of large.datasets.entries()) {
				expect(dataset.files.map((f) => f.bytes)).toEqual([null, null, whole.datasets[i]!.files[2]!.bytes]);
				expect(dataset.fields).toEqual(whole.datasets[i]!.fields);
			}
			const pkg = (await loadFile(db, slug, parseFileName('datapackage.json')!, ORIGIN, { streamedFrom: 5 }))!.body;
			expect(large.dataPackage.bytes).toBe(Buffer.byteLength(pkg));
			expect(large.dataPackage.bytes).toBeLessThan(whole.dataPackage.bytes);
			expect(large.api).toEqual(whole.api);
			expect(large.feeds.axes).toEqual(whole.feeds.axes);
			expect(whole.feeds.measures!.length).toBeGreaterThan(5);
			expect(large.feeds.measures).toBeNull();
			expect(large.feeds.measureExample).toBe(whole.feeds.measures![0]!.href);
		}
	});

	it('a streamed file holds one batch of measures at a time, whatever the plan size', async () => {
		const db = counted.prisma;
		const index = (await loadPlanIndex(db, 'grand-plan'))!;
		const context = { db, index, origin: ORIGIN, today: '2026-11-23', batch: { measures: 7, updates: 11 } };
		const milestones = findDataset('jalons')!;
		const sizes: number[] = [];
		for await (const records of recordBatches(context, milestones)) sizes.push(records.length);
		// 300 measures of 5 milestones (and 4 more on one, addEdgeCases): 43 batches of at most 7 × 5 (+ 4) rows, every row once.
		expect(sizes).toHaveLength(Math.ceil(300 / 7));
		expect(Math.max(...sizes)).toBe(39);
		expect(sizes.reduce((a, b) => a + b, 0)).toBe(1504);
		const updates: number[] = [];
		for await (const records of recordBatches(context, findDataset('mises-a-jour')!)) updates.push(records.length);
		expect(Math.max(...updates)).toBe(11);
		expect(updates.reduce((a, b) => a + b, 0)).toBe(600 + 15);
	});
});

/**
 * Rows where two readings of a dataset could differ: ties in every sort column but the id, text
 * that needs quoting or a formula guard, nulls, decimals, a continuous milestone, replans, drafts,
 * and updates of the same instant across a page boundary (pages of 11).
 */
async function addEdgeCases(db: Db, planId: string): Promise<void> {
	const measureId = 'grand-plan-m-8';
	const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
	await db.milestone.createMany({
		data: [
			{ id: 'zz-tie', measureId, title: 'Égalité a', position: 0, createdAt: at },
			{ id: 'aa-tie', measureId, title: 'Égalité b', position: 0, createdAt: at },
			{
				id: 'mm-quoted',
				measureId,
				title: ' Espace devant',
				description: '=SUM(A1), "cité"\r\nsuite',
				position: 7,
				weight: 0,
				plannedDate: new Date(Date.UTC(2025, 5, 1)),
				plannedPrecision: 'QUARTER',
				doneOn: new Date(Date.UTC(2025, 6, 14))
			},
			{ id: 'mm-continuous', measureId, title: 'Jalon continu', position: 8, plannedPrecision: 'CONTINUOUS', forecastDate: new Date(Date.UTC(2026, 2, 31)), weight: 0 }
		]
	});
	await db.milestoneReplan.createMany({
		data: [1, 2].map((k) => ({ milestoneId: 'mm-continuous', previousPrecision: 'DAY' as const, newPrecision: 'CONTINUOUS' as const, reason: `Replanifié ${k}` }))
	});
	await db.evidenceLink.createMany({
		data: [
			{
				id: 'ev-b',
				measureId,
				milestoneId: 'mm-quoted',
				title: 'Preuve datée',
				url: 'https://example.org/b',
				kind: 'DOCUMENT',
				date: new Date(Date.UTC(2025, 1, 3)),
				position: 0,
				createdAt: at
			},
			{ id: 'ev-a', measureId, title: 'Preuve sans date', url: 'https://example.org/a', position: 0, createdAt: at }
		]
	});
	const indicatorId = 'grand-plan-m-8-ind';
	await db.indicator.create({ data: { id: 'aa-second', measureId, name: 'Second indicateur', unit: '%', baseline: 0.1, target: null, position: 0 } });
	await db.indicatorValue.createMany({
		data: [
			{ id: 'v-z', indicatorId, date: new Date(Date.UTC(2024, 4, 1)), value: 0.1 + 0.2, sourceUrl: 'https://example.org/v', qualifier: 'environ', createdAt: at },
			{ id: 'v-a', indicatorId, date: new Date(Date.UTC(2024, 4, 1)), value: 1e21, sourceUrl: 'https://example.org/v', note: 'note, "citée"', createdAt: at },
			{ id: 'v-m', indicatorId: 'aa-second', date: new Date(Date.UTC(2024, 4, 1)), datePrecision: 'MONTH', value: 1e-7, sourceUrl: 'https://example.org/v', automatic: true },
			{ id: 'v-n', indicatorId: 'aa-second', date: new Date(Date.UTC(2023, 0, 1)), value: -3.5, sourceUrl: 'https://example.org/v' }
		]
	});
	const published = new Date(Date.UTC(2024, 1, 1, 10, 0, 0, 999));
	await db.progressUpdate.createMany({
		data: [
			...Array.from({ length: 15 }, (_, k) => ({
				id: `up-${String.fromCharCode(122 - k)}`,
				planId,
				measureId: k % 2 ? measureId : null,
				date: new Date(Date.UTC(2022, 11, 31)),
				text: `Même instant ${k}`,
				blockers: k === 3 ? '-1 agent' : null,
				createdAt: at,
				publishedAt: published
			})),
			{ id: 'up-draft', planId, measureId, date: new Date(Date.UTC(2022, 11, 31)), text: 'Brouillon', createdAt: at, publishedAt: null }
		]
	});
}

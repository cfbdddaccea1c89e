// The open datasets of the real plan: row counts, conformity to their own Table Schema, links
// between files, and drafts kept out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { parse } from 'csv-parse/sync';
import { csvProblems } from '../helpers/frictionless';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { loadPlanData, type PlanData } from '../../src/lib/server/opendata/load';
import { DATASETS, findDataset } from '../../src/lib/server/opendata/datasets';
import { dataPackage, datasetCsv, datasetJson, datasetRows, tableSchema } from '../../src/lib/server/opendata/formats';
import { guardFormula } from '../../src/lib/server/opendata/csv';
import { fileName, parseFileName, renderFile } from '../../src/lib/server/opendata/files';
import { getOpenDataOverview } from '../../src/lib/server/opendata/overview';
import { DRAFT_ENTITY } from '../../src/lib/server/domain/measures/editing';
import { messages } from '../../src/lib/i18n';
import { smallPlan } from '../factories';

const ORIGIN = 'https://jalons.test';
const DRAFT_TEXT = 'BROUILLON-NE-JAMAIS-PUBLIER';
let database: TestDatabase;
let data: PlanData;

const dataset = (name: string) => findDataset(name)!;
const csvOf = (name: string): string[][] => parse(datasetCsv(dataset(name), data), { bom: true });

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
	const db = database.prisma;
	const measure = await db.measure.findFirstOrThrow({ where: { number: '2.2' } });
	// Two drafts, one for a measure and one for the whole plan, with their draft audit events.
	for (const measureId of [measure.id, null]) {
		const draft = await db.progressUpdate.create({
			data: { planId: measure.planId, measureId, date: new Date('2026-01-15'), text: `${DRAFT_TEXT} ${measureId ?? 'plan'}`, sourceUrls: [] }
		});
		await db.auditEvent.create({
			data: { actorLabel: 'test', action: 'create', entityType: DRAFT_ENTITY, entityId: draft.id, planId: measure.planId, measureId, after: { text: draft.text } }
		});
	}
	// Links to an older and a newer plan, and an abandonment: one row each, read from the real plan's side.
	const older = await smallPlan(db, { axes: 1, measures: 1, plan: { slug: 'plan-ancien' } });
	const newer = await smallPlan(db, { axes: 1, measures: 1, plan: { slug: 'plan-suivant' } });
	const draft = await smallPlan(db, { axes: 1, measures: 1, plan: { slug: 'plan-brouillon', status: 'DRAFT' } });
	const byNumber = async (number: string) => (await db.measure.findFirstOrThrow({ where: { number, plan: { slug: DEFAULT_PLAN_SLUG } } })).id;
	await db.measureSuccession.createMany({
		data: [
			{ measureId: older.measures[0]!.id, successorId: await byNumber('1.1'), kind: 'REPLACED_BY', createdAt: new Date('2026-03-01T10:00:00Z') },
			{ measureId: await byNumber('2.2'), successorId: newer.measures[0]!.id, kind: 'CONTINUED_BY', createdAt: new Date('2026-03-02T10:00:00Z') },
			{ measureId: await byNumber('3.3'), successorId: null, kind: 'ABANDONED', reason: 'Sans objet', createdAt: new Date('2026-03-03T10:00:00Z') },
			// Links with a draft plan: left out, both ways.
			{ measureId: await byNumber('1.2'), successorId: draft.measures[0]!.id, kind: 'CONTINUED_BY', createdAt: new Date('2026-03-04T10:00:00Z') },
			{ measureId: draft.measures[0]!.id, successorId: await byNumber('2.1'), kind: 'REPLACED_BY', createdAt: new Date('2026-03-05T10:00:00Z') }
		]
	});
	await db.measure.update({ where: { id: await byNumber('3.2') }, data: { retiredOn: new Date('2026-04-01T00:00:00Z'), retirementReason: 'Reprise ailleurs' } });
	data = (await loadPlanData(db, DEFAULT_PLAN_SLUG, ORIGIN, '2026-11-23'))!;
});
afterAll(async () => {
	await database?.close();
});

describe('open datasets of the real plan', () => {
	it('have the expected row counts; plan-level facts are updates with an empty measure', async () => {
		const db = database.prisma;
		const counts = Object.fromEntries(DATASETS.map((d) => [d.name, d.records(data).length]));
		expect(counts).toEqual({
			mesures: 10,
			jalons: await db.milestone.count(),
			preuves: 44,
			indicateurs: await db.indicator.count(),
			'valeurs-indicateurs': await db.indicatorValue.count(),
			'mises-a-jour': 99,
			successions: 3
		});
		expect(counts.indicateurs).toBeGreaterThan(0);
		const updates = datasetRows(dataset('mises-a-jour'), data);
		const planLevel = updates.filter((u) => u.portee === 'plan');
		expect(planLevel).toHaveLength(12);
		expect(planLevel.every((u) => u.mesure_id === null && u.mesure_numero === null)).toBe(true);
		expect(updates.filter((u) => u.portee === 'mesure').every((u) => typeof u.mesure_numero === 'string')).toBe(true);
	});

	it('link measures to older and newer plans, from this plan’s side, in the plan’s order', () => {
		const rows = datasetRows(dataset('successions'), data);
		expect(rows.map((r) => [r.mesure_numero, r.sens, r.type, r.type_libelle, r.autre_plan, r.autre_mesure_numero, r.raison, r.enregistre_le])).toEqual([
			['1.1', 'origine', 'REPLACED_BY', 'Remplace', 'plan-ancien', '1.1', null, '2026-03-01'],
			['2.2', 'suite', 'CONTINUED_BY', 'Poursuivie par', 'plan-suivant', '1.1', null, '2026-03-02'],
			['3.3', 'suite', 'ABANDONED', 'Abandonnée', null, null, 'Sans objet', '2026-03-03']
		]);
		expect(rows[1]!.autre_mesure_url).toBe(`${ORIGIN}/plans/plan-suivant/mesures/1.1`);
		expect(rows[2]!.autre_mesure_url).toBeNull();
	});

	it('say which measure was retired, when and why; a retired measure is never late', () => {
		const rows = datasetRows(dataset('mesures'), data);
		const retired = rows.filter((m) => m.retiree_le !== null);
		expect(retired.map((m) => [m.numero, m.retiree_le, m.retrait_raison, m.en_retard])).toEqual([['3.2', '2026-04-01', 'Reprise ailleurs', false]]);
	});

	it('never contain a draft, in CSV or JSON', () => {
		for (const d of DATASETS) {
			expect(datasetCsv(d, data), d.name).not.toContain(DRAFT_TEXT);
			expect(datasetJson(d, data), d.name).not.toContain(DRAFT_TEXT);
		}
	});

	it('conform to their own Table Schema (header, types, formats, required, enum, unique)', async () => {
		for (const d of DATASETS) {
			expect(csvOf(d.name).length, d.name).toBe(d.records(data).length + 1);
			expect(await csvProblems(tableSchema(d), datasetCsv(d, data)), d.name).toEqual([]);
		}
	});

	it('link to each other by stable ids, as their foreign keys say', () => {
		for (const d of DATASETS) {
			for (const fk of tableSchema(d).foreignKeys ?? []) {
				const targets = new Set(datasetRows(dataset(fk.reference.resource), data).map((r) => r[fk.reference.fields]));
				const missing = datasetRows(d, data).filter((r) => r[fk.fields] !== null && !targets.has(r[fk.fields]));
				expect(missing, `${d.name}.${fk.fields}`).toEqual([]);
			}
		}
		const measures = datasetRows(dataset('mesures'), data);
		expect(measures.map((m) => m.numero)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3']);
		expect(measures.every((m) => m.statut === null && m.statut_libelle === messages('fr').status.NOT_REPORTED && m.avancement === null)).toBe(true);
		expect(measures[5]!.url).toBe(`${ORIGIN}/plans/${DEFAULT_PLAN_SLUG}/mesures/2.2`);
	});

	it('say the same thing in CSV and in JSON', () => {
		for (const d of DATASETS) {
			const [, ...csvRows] = csvOf(d.name);
			const fromJson = (JSON.parse(datasetJson(d, data)) as Record<string, unknown>[]).map((row) =>
				d.fields.map((f) => {
					const value = row[f.name];
					if (value === null) return '';
					if (Array.isArray(value)) return JSON.stringify(value);
					return typeof value === 'string' ? guardFormula(value) : JSON.stringify(value);
				})
			);
			expect(csvRows, d.name).toEqual(fromJson);
		}
	});

	it('describe each column in French, with the primary and foreign keys', () => {
		const schema = tableSchema(dataset('jalons'));
		expect(schema.primaryKey).toEqual(['id']);
		expect(schema.foreignKeys).toEqual([{ fields: 'mesure_id', reference: { resource: 'mesures', fields: 'id' } }]);
		// The profile wants at least one foreign key when the property is there: none, no property.
		expect(tableSchema(dataset('mesures'))).not.toHaveProperty('foreignKeys');
		expect(schema.fields.every((f) => f.description.length > 10)).toBe(true);
		expect(tableSchema(dataset('mises-a-jour')).fields.find((f) => f.name === 'mesure_numero')?.description).toMatch(/Vide\s: fait concernant tout le plan/);
		expect(tableSchema(dataset('mesures'), 'en').fields[0]?.description).toBe('Stable identifier of the measure.');
	});

	it('are listed in a Data Package with the plan’s licence, sizes and hashes', () => {
		const pkg = dataPackage(data, ORIGIN);
		expect(pkg.name).toBe(DEFAULT_PLAN_SLUG);
		expect(pkg.licenses).toEqual([{ name: 'etalab-2.0', path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/', title: 'Licence Ouverte / Open Licence 2.0' }]);
		expect(pkg.resources.map((r) => r.path)).toEqual(DATASETS.map((d) => `${d.name}.csv`));
		const measures = pkg.resources[0]!;
		expect(measures.bytes).toBe(Buffer.byteLength(datasetCsv(dataset('mesures'), data)));
		expect(measures.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(measures.schema).toEqual(tableSchema(dataset('mesures')));
	});
});

describe('open data files', () => {
	it('are found by clean names only', () => {
		for (const name of ['mesures.csv', 'jalons.json', 'valeurs-indicateurs.schema.json', 'datapackage.json']) expect(fileName(parseFileName(name)!)).toBe(name);
		for (const name of ['mesures.xlsx', 'inconnu.csv', '../mesures.csv', 'mesures.csv.exe', 'MESURES.CSV', 'mesures']) expect(parseFileName(name), name).toBeNull();
	});

	it('are served with their type and a file name chosen by the server', () => {
		const csv = renderFile(parseFileName('preuves.csv')!, data, ORIGIN);
		expect(csv.headers).toEqual({
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${DEFAULT_PLAN_SLUG}-preuves.csv"`
		});
		expect(csv.body.charCodeAt(0)).not.toBe(0xfeff);
		expect(csv.body.startsWith('id,mesure_id,mesure_numero,jalon_id,titre,url,type,date,date_precision\r\n')).toBe(true);
		expect(renderFile(parseFileName('preuves.json')!, data, ORIGIN).headers['Content-Type']).toBe('application/json; charset=utf-8');
	});

	it('are summed up on the open data page: rows, sizes, columns, API and feeds', async () => {
		const overview = (await getOpenDataOverview(database.prisma, DEFAULT_PLAN_SLUG, ORIGIN, 'fr'))!;
		expect(overview.datasets.map((d) => [d.name, d.rows])).toContainEqual(['mesures', 10]);
		expect(overview.datasets[0]!.files.map((f) => f.href)).toEqual([
			`/donnees/${DEFAULT_PLAN_SLUG}/mesures.csv`,
			`/donnees/${DEFAULT_PLAN_SLUG}/mesures.json`,
			`/donnees/${DEFAULT_PLAN_SLUG}/mesures.schema.json`
		]);
		expect(overview.datasets[0]!.files[0]!.bytes).toBe(Buffer.byteLength(datasetCsv(dataset('mesures'), data)));
		expect(overview.feeds.axes.map((a) => a.href)).toEqual([1, 2, 3].map((n) => `/flux/${DEFAULT_PLAN_SLUG}/axes/${n}.atom`));
		expect(overview.feeds.measures).toHaveLength(10);
		expect(await getOpenDataOverview(database.prisma, 'inconnu', ORIGIN, 'fr')).toBeNull();
	});
});

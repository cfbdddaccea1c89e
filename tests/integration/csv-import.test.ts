// CSV import (issue 11) against a real PostgreSQL: a new plan from a file, re-import changes nothing,
// an updated file updates what changed, errors write nothing, and a plan's own mesures.csv imports
// into a new plan as the same measures, owners, statuses and deadlines.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { axis, measure, owner, plan, user } from '../factories';
import { importCsv, type CsvImportInput } from '../../src/lib/server/domain/plans/csv-import';
import { loadPlanData } from '../../src/lib/server/opendata/load';
import { datasetCsv } from '../../src/lib/server/opendata/formats';
import { findDataset } from '../../src/lib/server/opendata/datasets';
import type { AuditActor } from '../../src/lib/server/audit';
import type { Actor } from '../../src/lib/server/policies';
import { confirmCsvImport, startCsvImport } from '../../src/lib/server/domain/plans/csv-import-pending';

let database: TestDatabase;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database?.close();
});

const actor: AuditActor = { id: null, label: 'test', role: 'ADMIN' };
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures/csv-import', name));
const run = (input: Partial<CsvImportInput> & Pick<CsvImportInput, 'file' | 'target'>) => importCsv(database.prisma, actor, { mapping: null, ...input });
const counts = async () => {
	const db = database.prisma;
	return Promise.all([db.plan.count(), db.measure.count(), db.owner.count(), db.milestone.count(), db.auditEvent.count()]);
};

describe('CSV import', () => {
	it('reports a row error with its line and writes nothing, then imports the fixed file', async () => {
		const before = await counts();
		const refused = await run({ file: fixture('avec-erreur.csv'), target: { create: { slug: 'essais', title: 'Plan des essais' } }, createOwners: true });
		expect(refused.written).toBe(false);
		expect(refused.blockers).toEqual(['rowErrors']);
		expect(refused.plan.issues).toEqual([{ line: 6, column: 'Echéances', value: 'bientôt', code: 'badDeadline' }]);
		expect(refused.mapping).toMatchObject({ axe: 'Thématiques', titre: 'Actions', porteur: 'Ministère', echeance: 'Echéances', statut: 'Statut' });
		expect(await counts()).toEqual(before);

		const unconfirmed = await run({ file: fixture('corrige.csv'), target: { create: { slug: 'essais', title: 'Plan des essais' } } });
		expect(unconfirmed.blockers).toEqual(['unknownOwners']);
		expect(unconfirmed.plan.unknownOwners).toEqual(['Ministère des Essais', 'Agence des Exemples']);

		const done = await run({ file: fixture('corrige.csv'), target: { create: { slug: 'essais', title: 'Plan des essais' } }, createOwners: true });
		expect(done.written).toBe(true);
		expect(done.summary).toEqual({ created: 4, updated: 0, unchanged: 0 });
		const measures = await database.prisma.measure.findMany({
			where: { plan: { slug: 'essais' } },
			orderBy: { number: 'asc' },
			include: { leadOwner: true, milestones: true, contributors: { include: { owner: true } } }
		});
		expect(measures.map((m) => [m.number, m.leadOwner.name, m.status, m.plannedEnd?.toISOString().slice(0, 10) ?? null, m.plannedEndPrecision])).toEqual([
			['1.1', 'Ministère des Essais', 'DONE', '2022-07-01', 'SEMESTER'],
			['1.2', 'Ministère des Essais', 'IN_PROGRESS', '2024-01-01', 'YEAR'],
			['2.1', 'Agence des Exemples', null, '2025-01-01', 'SEMESTER'],
			['2.2', 'Ministère des Essais', 'NOT_STARTED', '2025-07-01', 'QUARTER']
		]);
		expect(measures[0]!.description).toBe('Registre fictif,\nsur deux lignes.');
		expect(measures[1]!.contributors.map((c) => c.owner.name)).toEqual(['Agence des Exemples']);
		expect(measures.every((m) => m.milestones.length === 1 && m.milestones[0]!.title === 'Échéance')).toBe(true);
		expect(await database.prisma.auditEvent.count({ where: { plan: undefined, planId: measures[0]!.planId } })).toBeGreaterThan(10);
		const saved = await database.prisma.plan.findUniqueOrThrow({ where: { slug: 'essais' } });
		expect(saved.csvImportMapping).toMatchObject({ titre: 'Actions' });

		// Re-importing the same file changes nothing and writes no audit event.
		const audit = await database.prisma.auditEvent.count();
		const again = await run({ file: fixture('corrige.csv'), target: { slug: 'essais' } });
		expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 4 });
		expect(await database.prisma.auditEvent.count()).toBe(audit);

		// An updated file (no numbers: matched by owner + title) updates what changed and says so.
		const updated = fixture('corrige.csv')
			.toString('utf8')
			.replace('fin 2024;en cours', '30/06/2024;fait')
			.replace('Mutualiser un agenda fictif', 'Mutualiser un agenda fictif (v2)');
		const second = await run({ file: updated, target: { slug: 'essais' } });
		expect(second.summary).toEqual({ created: 1, updated: 1, unchanged: 2 });
		expect(second.changes.find((c) => c.kind === 'updated')).toEqual({ number: '1.2', title: 'Ouvrir les horaires des phares', kind: 'updated', fields: ['statut', 'echeance'] });
		expect(second.changes.find((c) => c.kind === 'created')?.number).toBe('2.3');
		const replanned = await database.prisma.milestone.findFirstOrThrow({ where: { measure: { number: '1.2', plan: { slug: 'essais' } } }, include: { replans: true } });
		expect(replanned.plannedPrecision).toBe('DAY');
		expect(replanned.replans).toHaveLength(1);
	});

	it('refuses bad files with a reason and writes nothing', async () => {
		const before = await counts();
		const target = { create: { slug: 'mauvais', title: 'Mauvais' } };
		expect((await run({ file: new Uint8Array(), target })).read).toEqual({ error: 'empty' });
		expect((await run({ file: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), target })).read).toEqual({ error: 'binary' });
		expect((await run({ file: new Uint8Array(50 * 1024 * 1024).fill(0x41), target })).read).toEqual({ error: 'tooBig' });
		const missing = await run({ file: 'Actions;Ministère\nUne action;Un ministère\n', target });
		expect(missing.blockers).toContain('mapping');
		expect(missing.plan.issues).toEqual([{ line: 1, column: null, value: 'axe', code: 'missingColumn' }]);
		const bad = await run({
			file: 'numero,axe,titre,porteur,statut\n1.1,A,Un,X,fait\n1.1,A,Deux,X,peut-être\n1.2,A,=HYPERLINK("http://x"),X,\n',
			target,
			createOwners: true
		});
		expect(bad.plan.issues.map((i) => [i.line, i.code])).toEqual([
			[3, 'duplicateNumber'],
			[3, 'badStatus'],
			[4, 'formula']
		]);
		expect(await counts()).toEqual(before);
		// Excluding the erroneous rows explicitly lets the rest through.
		const partial = await run({ file: 'numero,axe,titre,porteur\n1.1,A,Un,X\n1.1,A,Deux,X\n', target, createOwners: true, excluded: [3] });
		expect(partial.written).toBe(true);
		expect(partial.summary.created).toBe(1);
	});

	it('reads 10,000 rows in a dry run and refuses more than 20,000 with a reason', async () => {
		const rows = (n: number) => ['axe;titre;porteur', ...Array.from({ length: n }, (_, i) => `Axe ${i % 7};Action ${i};Ministère fictif ${i % 30}`)].join('\n');
		const target = { create: { slug: 'dix-mille', title: 'Dix mille' } };
		const before = await counts();
		const big = await run({ file: rows(10_000), target, createOwners: true, dryRun: true });
		expect(big.blockers).toEqual(['dryRun']);
		expect(big.summary.created).toBe(10_000);
		expect(big.plan.unknownOwners).toHaveLength(30);
		expect((await run({ file: rows(20_001), target, createOwners: true })).read).toEqual({ error: 'tooManyRows' });
		expect(await counts()).toEqual(before);
	});

	it('imports a plan’s own mesures.csv into a new plan as the same measures', async () => {
		const db = database.prisma;
		const source = await plan(db, { slug: 'source-csv' });
		const lead = await owner(db, { code: 'MIN_FICTIF', name: 'Ministère fictif' });
		const other = await owner(db, { code: 'AGENCE_FICTIVE', name: 'Agence fictive' });
		const a1 = await axis(db, source.id, { title: 'Premier axe' });
		const a2 = await axis(db, source.id, { title: 'Second axe' });
		const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
		await measure(db, a1.id, {
			leadOwnerId: lead.id,
			status: 'DONE',
			plannedEnd: day('2022-01-01'),
			plannedEndPrecision: 'SEMESTER',
			description: 'Texte, avec "guillemets"\net ligne'
		});
		const m2 = await measure(db, a1.id, { leadOwnerId: other.id, status: null, plannedEndPrecision: 'CONTINUOUS', title: '-tiret en tête' });
		await db.measureContributor.create({ data: { measureId: m2.id, ownerId: lead.id } });
		await measure(db, a2.id, { leadOwnerId: lead.id, status: 'IN_PROGRESS', plannedEnd: day('2024-06-30'), plannedEndPrecision: 'DAY' });
		const dataset = findDataset('mesures')!;
		const csv = datasetCsv(dataset, (await loadPlanData(db, 'source-csv', 'http://x'))!);

		const result = await run({ file: csv, target: { create: { slug: 'copie-csv', title: 'Copie' } } });
		expect(result.blockers).toEqual([]);
		expect(result.summary).toEqual({ created: 3, updated: 0, unchanged: 0 });
		const copy = datasetCsv(dataset, (await loadPlanData(db, 'copie-csv', 'http://x'))!);
		const columns = ['numero', 'axe_numero', 'axe_titre', 'titre', 'description', 'porteur_code', 'contributeurs', 'statut', 'fin_prevue', 'fin_prevue_precision', 'en_retard'];
		const pick = (text: string) => (parse(text, { columns: true }) as Record<string, string>[]).map((r) => columns.map((c) => r[c]));
		expect(pick(copy)).toEqual(pick(csv));
		expect((await run({ file: csv, target: { slug: 'copie-csv' } })).summary).toEqual({ created: 0, updated: 0, unchanged: 3 });
	});
});

describe('a pending import (the admin pages)', () => {
	it('is audited when uploaded and imported once when confirmed twice at the same time', async () => {
		const db = database.prisma;
		const row = await user(db, { roles: ['ADMIN'] });
		const admin: Actor = { id: row.id, displayName: row.displayName, roles: ['ADMIN'], teamIds: [] };
		const started = await startCsvImport(db, admin, { fileName: 'corrige.csv', bytes: fixture('corrige.csv'), target: { create: { slug: 'deux-clics', title: 'Deux clics' } } });
		if (!('id' in started)) throw new Error('the fixture should be readable');
		expect(await db.auditEvent.count({ where: { entityType: 'CsvImport', entityId: started.id, action: 'create', actorId: admin.id } })).toBe(1);

		const confirm = () => confirmCsvImport(db, admin, started.id, { excluded: [], createOwners: true });
		await Promise.all([confirm(), confirm()]);

		expect(await db.plan.count({ where: { slug: 'deux-clics' } })).toBe(1);
		const settled = await db.csvImport.findUniqueOrThrow({ where: { id: started.id } });
		expect(settled.content).toBe('');
		expect(settled.result).toMatchObject({ created: expect.any(Number) });
		expect((settled.result as { created: number }).created).toBeGreaterThan(0);
	});
});

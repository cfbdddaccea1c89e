// `npm run bench:csv-import [-- --rows 10000]`: times the CSV import of a generated plan (made-up
// ministries) into a new plan, then the same file again (nothing changes), then a file where one row
// in ten changed. On DATABASE_URL's server when set (a new plan each run), else on an embedded
// database in a temporary folder. The issue asks for 10,000 rows in under 30 s; this prints figures,
// it is not a timed test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openMigratedDatabase } from '../src/lib/server/db';
import { importCsv } from '../src/lib/server/domain/plans/csv-import';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' } } });
const rows = Number(values.rows);
const deadlines = ['S1 2022', 'T3 2023', 'fin 2024', 'mi-2025', 'juin 2024', '30/06/2024', 'en continu', '2026'];
const statuses = ['réalisé', 'en cours', 'non démarré', 'abandonné', ''];

function generate(changedEvery = 0): string {
	const lines = ['Thématique;Action;Description;Ministère;Échéance;Statut'];
	for (let i = 0; i < rows; i++) {
		const changed = changedEvery > 0 && i % changedEvery === 0;
		const description = `Description fictive de l’action ${i}, « avec des guillemets », un point-virgule ; et une virgule, pour l’exemple.`;
		lines.push(
			[
				`Axe fictif ${i % 20}`,
				`Action fictive n° ${i}`,
				`"${description}"`,
				`Ministère fictif ${i % 50}`,
				deadlines[(i + (changed ? 1 : 0)) % deadlines.length],
				statuses[i % statuses.length]
			].join(';')
		);
	}
	return lines.join('\r\n') + '\r\n';
}

const dir = process.env.DATABASE_URL ? null : mkdtempSync(path.join(tmpdir(), 'jalons-bench-csv-'));
const database = await openMigratedDatabase(dir ? { dataDir: dir } : { url: process.env.DATABASE_URL!, poolSize: 4 });
const slug = `bench-csv-${Date.now().toString(36)}`;
const actor = { id: null, label: 'bench', role: null };
try {
	const file = generate();
	console.log(`${rows} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB, ${dir ? 'embedded database' : 'PostgreSQL'}`);
	const timed = async (label: string, input: Parameters<typeof importCsv>[2]) => {
		const start = performance.now();
		const report = await importCsv(database.prisma, actor, input);
		const seconds = (performance.now() - start) / 1000;
		console.log(
			`${label.padEnd(34)} ${seconds.toFixed(1).padStart(6)} s  ${JSON.stringify(report.summary)}${report.blockers.length ? ` blocked: ${report.blockers.join(', ')}` : ''}`
		);
	};
	await timed('preview (dry run, new plan)', { target: { create: { slug, title: 'Banc d’essai' } }, file, mapping: null, createOwners: true, dryRun: true });
	await timed('import into a new plan', { target: { create: { slug, title: 'Banc d’essai' } }, file, mapping: null, createOwners: true });
	await timed('same file again', { target: { slug }, file, mapping: null });
	await timed('one row in ten changed', { target: { slug }, file: generate(10), mapping: null });
} finally {
	await database.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
}

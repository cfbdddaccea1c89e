// `npm run plan:import-csv -- FILE.csv --plan SLUG [--create --title "Titre"] [--map champ=Entête,…]
// [--create-owners] [--dry-run]`: the admin page's CSV import from a shell, same checks and report.
// Exit code 1 on any error (nothing written then). Works on PostgreSQL while the app runs; on the
// embedded database, stop the server first.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openMigratedDatabase, optionsFromEnv } from '../src/lib/server/db';
import { importCsv } from '../src/lib/server/domain/plans/csv-import';
import { parseMapArgument } from '../src/lib/server/import/mapping';
import { MAX_IMPORT_BYTES } from '../src/lib/server/import/read';
import { issueMessage, readFailureMessage, summaryText } from '../src/lib/server/import/report-text';
import { messages } from '../src/lib/i18n';

const USAGE = `Usage : npm run plan:import-csv -- FICHIER.csv --plan SLUG [--create --title "Titre du plan"]
        [--map axe=Thématiques,titre=Actions,porteur=Ministère,echeance=Echéances] [--create-owners] [--dry-run]
(dans l'image Docker : node build/ops/plan-import-csv.js FICHIER.csv --plan SLUG …)`;

let args: ReturnType<typeof parse>;
function parse() {
	return parseArgs({
		allowPositionals: true,
		options: {
			plan: { type: 'string' },
			create: { type: 'boolean', default: false },
			title: { type: 'string' },
			map: { type: 'string' },
			'create-owners': { type: 'boolean', default: false },
			'dry-run': { type: 'boolean', default: false }
		}
	});
}
try {
	args = parse();
} catch (error) {
	console.error(`${(error as Error).message}\n${USAGE}`);
	process.exit(2);
}
const [file] = args.positionals;
const { plan: slug, create, title, map } = args.values;
if (!file || !slug || (create && !title)) {
	console.error(USAGE);
	process.exit(2);
}
const mapping = map ? parseMapArgument(map) : null;
if (mapping && mapping.errors.length > 0) {
	console.error(mapping.errors.join('\n'));
	process.exit(1);
}
let bytes: Uint8Array;
try {
	// Read no more than the limit: a 50 MB file is refused without loading it.
	bytes = statSync(file).size > MAX_IMPORT_BYTES ? new Uint8Array(MAX_IMPORT_BYTES + 1) : readFileSync(file);
} catch (error) {
	console.error(`Lecture de ${file} impossible : ${(error as Error).message}`);
	process.exit(1);
}

const t = messages('fr');
const database = await openMigratedDatabase(optionsFromEnv());
try {
	const report = await importCsv(
		database.prisma,
		{ id: null, label: 'cli', role: null },
		{
			target: create ? { create: { slug, title: title! } } : { slug },
			file: bytes,
			mapping: mapping?.mapping ?? null,
			createOwners: args.values['create-owners'],
			dryRun: args.values['dry-run']
		}
	);
	if (report.read) console.error(readFailureMessage(t, report.read));
	if (report.headers.length > 0) {
		console.log('Correspondance des colonnes :');
		for (const [field, header] of Object.entries(report.mapping)) console.log(`  ${field} = ${header}`);
		if (report.plan.unmappedColumns.length > 0) console.log(`Colonnes non importées : ${report.plan.unmappedColumns.join(', ')}`);
	}
	for (const issue of report.plan.issues) {
		console.error(`ligne ${issue.line}\t${issue.column ?? '-'}\t${JSON.stringify(issue.value)}\t${issueMessage(t, issue)}`);
	}
	if (report.plan.unknownOwners.length > 0) console.log(`Porteurs inconnus${report.written ? ' (créés)' : ''} : ${report.plan.unknownOwners.join(', ')}`);
	for (const change of report.changes.filter((c) => c.kind !== 'unchanged')) {
		console.log(`  ${change.number}\t${change.kind === 'created' ? 'créée' : `modifiée (${change.fields.join(', ')})`}\t${change.title}`);
	}
	for (const blocker of report.blockers) console.error(t.csvImport.blockers[blocker]);
	console.log(`${report.written ? 'Importé' : 'Rien n’a été enregistré'} — plan « ${report.planSlug} » : ${summaryText('fr', t, report.summary)}`);
	// A dry run with no other blocker is a success.
	if (report.blockers.some((b) => b !== 'dryRun')) process.exitCode = 1;
} finally {
	await database.close();
}

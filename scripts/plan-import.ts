// `npm run plan:import -- plan.json`: inserts an exported plan into a database that does not have it
// (all or nothing). On the embedded database, stop the server first.
import { readFileSync } from 'node:fs';
import { openMigratedDatabase, optionsFromEnv } from '../src/lib/server/db';
import { importPlan, PlanTransferError } from '../src/lib/server/maintenance/plan-transfer';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run plan:import -- plan.json\n       (in the Docker image: node build/ops/plan-import.js plan.json)');
	process.exit(2);
}
let input: unknown;
try {
	input = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
	console.error(`Lecture de ${file} impossible : ${(error as Error).message}`);
	process.exit(1);
}
const database = await openMigratedDatabase(optionsFromEnv());
try {
	const { slug, rows } = await importPlan(database.prisma, input);
	console.log(`Plan « ${slug} » importé : ${rows} lignes.`);
} catch (error) {
	if (!(error instanceof PlanTransferError)) throw error;
	console.error(error.message);
	process.exitCode = 1;
} finally {
	await database.close();
}

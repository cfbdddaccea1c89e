// `npm run plan:export -- <slug> > plan.json`: the whole plan as JSON (see
// src/lib/server/maintenance/plan-transfer.ts). On the embedded database, stop the server first.
import { openMigratedDatabase, optionsFromEnv } from '../src/lib/server/db';
import { exportPlan, PlanTransferError } from '../src/lib/server/maintenance/plan-transfer';

const slug = process.argv[2];
if (!slug) {
	console.error('Usage: npm run --silent plan:export -- <slug> > plan.json\n       (in the Docker image: node build/ops/plan-export.js <slug> > plan.json)');
	process.exit(2);
}
const database = await openMigratedDatabase(optionsFromEnv());
try {
	process.stdout.write(`${JSON.stringify(await exportPlan(database.prisma, slug), null, '\t')}\n`);
} catch (error) {
	if (!(error instanceof PlanTransferError)) throw error;
	console.error(error.message);
	process.exitCode = 1;
} finally {
	await database.close();
}

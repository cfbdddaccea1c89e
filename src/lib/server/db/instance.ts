// The app's process-wide database handle. Opening it applies pending migrations; on the embedded
// default (or with JALONS_SEED_ON_START=true) it also seeds the real plan when the database is empty.
import { openMigratedDatabase, optionsFromEnv, type Database, type Db } from './index';
import { config } from '../config';
import { seedDefaultPlan } from '../seed';
import { ensureDemoAccounts } from '../auth/demo-accounts';

let opening: Promise<Database> | undefined;

function shouldSeed(database: Database): boolean {
	return config().seedOnStart ?? database.kind === 'embedded';
}

export function appDatabase(): Promise<Database> {
	opening ??= openMigratedDatabase(optionsFromEnv(), async (database) => {
		if (shouldSeed(database) && (await database.prisma.plan.count()) === 0) {
			const { created } = await seedDefaultPlan(database.prisma);
			console.log(JSON.stringify({ level: 'info', msg: 'seeded the default plan', created }));
		}
		// Demo accounts only on the embedded database: never on a configured PostgreSQL.
		if (database.kind === 'embedded') await ensureDemoAccounts(database.prisma);
	}).catch((error: unknown) => {
		// Forget the failure so that the next request tries again (the database may come back).
		opening = undefined;
		throw error;
	});
	return opening;
}

export async function db(): Promise<Db> {
	return (await appDatabase()).prisma;
}

export async function closeAppDatabase(): Promise<void> {
	const current = opening;
	opening = undefined;
	if (current) await (await current).close();
}

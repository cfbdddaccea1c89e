// `npm run db:seed`: applies pending migrations, then seeds the real plan (idempotent).
import { openMigratedDatabase, optionsFromEnv } from '../src/lib/server/db';
import { seedDefaultPlan } from '../src/lib/server/seed';

const database = await openMigratedDatabase(optionsFromEnv());
try {
	const { created } = await seedDefaultPlan(database.prisma);
	console.log(created > 0 ? `Seeded the plan: ${created} rows created.` : 'The plan is already seeded: nothing to add.');
} finally {
	await database.close();
}

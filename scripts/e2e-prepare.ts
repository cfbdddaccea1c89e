// Run by Playwright before `node build`: migrates and seeds the end-to-end database and creates the
// demo accounts on it, even on PostgreSQL (where the app itself never creates them), so that the
// signed-in scenarios have one account per role. Only ever pointed at a throwaway test database.
import { openMigratedDatabase, optionsFromEnv } from '../src/lib/server/db';
import { seedDefaultPlan } from '../src/lib/server/seed';
import { ensureDemoAccounts } from '../src/lib/server/auth/demo-accounts';
import { ensureE2eCouncilAccounts } from '../tests/e2e/council-accounts';
import { ensureE2eEvidencePlan } from '../tests/e2e/evidence-plan';
import { ensureE2eFeedsPlan } from '../tests/e2e/feeds-plan';
import { ensureE2eMinistryPlan } from '../tests/e2e/ministry-plan';
import { ensureE2eLifecyclePlans } from '../tests/e2e/lifecycle-plans';
import { ensureE2eDeadLinkPlan } from '../tests/e2e/dead-link-plan';

if (process.env.JALONS_E2E !== '1') {
	console.error('e2e-prepare refuses to run outside the end-to-end tests (JALONS_E2E=1 is not set).');
	process.exit(2);
}
const database = await openMigratedDatabase(optionsFromEnv());
try {
	await seedDefaultPlan(database.prisma);
	await ensureDemoAccounts(database.prisma);
	await ensureE2eCouncilAccounts(database.prisma);
	await ensureE2eEvidencePlan(database.prisma);
	await ensureE2eFeedsPlan(database.prisma);
	await ensureE2eMinistryPlan(database.prisma);
	await ensureE2eLifecyclePlans(database.prisma);
	await ensureE2eDeadLinkPlan(database.prisma);
} finally {
	await database.close();
}

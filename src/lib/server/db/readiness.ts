// Readiness for load balancers: the database answers and every migration on disk is applied.
import { appDatabase } from './instance';
import { listMigrationNames } from './migrate';

export async function checkReadiness(): Promise<{ ready: boolean; reason?: string }> {
	try {
		const database = await appDatabase();
		const applied = await database.runner.query<{ migration_name: string }>(
			'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL'
		);
		const done = new Set(applied.map((row) => row.migration_name));
		const pending = (await listMigrationNames()).filter((name) => !done.has(name));
		return pending.length === 0 ? { ready: true } : { ready: false, reason: `pending migrations: ${pending.join(', ')}` };
	} catch (error) {
		return { ready: false, reason: error instanceof Error ? error.message : 'database unreachable' };
	}
}

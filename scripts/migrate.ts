// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded PGlite data
// folder when it is unset. The app also does this when it starts; this script is for deployments
// that migrate as a separate step, and for checking a migration before starting anything.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { applyMigrations } from '../src/lib/server/db/migrate';
import { optionsFromEnv } from '../src/lib/server/db';
import { pgRunner, pgliteRunner, type SqlRunner } from '../src/lib/server/db/sql-runner';

interface Target {
	label: string;
	runner: SqlRunner;
	close(): Promise<void>;
}

async function openTarget(): Promise<Target> {
	const options = optionsFromEnv();
	if (options.url) {
		const pool = new pg.Pool({ connectionString: options.url, max: 1 });
		// Never print the URL itself: it usually carries the password.
		return { label: 'PostgreSQL (DATABASE_URL)', runner: pgRunner(pool), close: () => pool.end() };
	}
	const dataDir = options.dataDir ?? path.resolve('data/pglite');
	await mkdir(dataDir, { recursive: true });
	const db = await PGlite.create(dataDir);
	return { label: `embedded PGlite in ${dataDir}`, runner: pgliteRunner(db), close: () => db.close() };
}

const target = await openTarget();
try {
	const applied = await applyMigrations(target.runner);
	if (applied.length === 0) {
		console.log(`${target.label}: already up to date.`);
	} else {
		console.log(`${target.label}: applied ${applied.length} migration(s):`);
		for (const name of applied) console.log(`  ${name}`);
	}
} catch (error) {
	console.error(`${target.label}: ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	await target.close();
}

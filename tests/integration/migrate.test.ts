// applyMigrations on in-memory PGlite and, when DATABASE_URL is set (CI: a throwaway PostgreSQL
// 15), on a scratch database created on that server for this run and dropped afterwards.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyMigrations } from '../../src/lib/server/db/migrate';
import { pgRunner, pgliteRunner, type SqlRunner } from '../../src/lib/server/db/sql-runner';

const MIGRATIONS_DIR = path.resolve('prisma/migrations');

interface Backend {
	/** Two runners on the same database, as two app servers starting at once would have. */
	runners: [SqlRunner, SqlRunner];
	close(): Promise<void>;
}

async function openPglite(): Promise<Backend> {
	// Started here (initdb takes seconds on a loaded machine), not in the first test's time limit.
	const db = await PGlite.create();
	const runner = pgliteRunner(db);
	return { runners: [runner, runner], close: () => db.close() };
}

async function openScratchPostgres(serverUrl: string): Promise<Backend> {
	// A generated identifier (not a value), so it cannot be a query parameter.
	const name = `jalons_migrate_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
	await admin.query(`CREATE DATABASE ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const pools = [new pg.Pool({ connectionString: url.href }), new pg.Pool({ connectionString: url.href })];
	return {
		runners: [pgRunner(pools[0]!), pgRunner(pools[1]!)],
		async close() {
			await Promise.all(pools.map((pool) => pool.end()));
			await admin.query(`DROP DATABASE IF EXISTS ${name}`);
			await admin.end();
		}
	};
}

async function migrationNamesOnDisk(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true });
	return entries
		.filter((e) => e.isDirectory())
		.map((e) => e.name)
		.sort();
}

interface Recorded {
	migration_name: string;
	checksum: string;
	applied_steps_count: number;
	finished: boolean;
	rolled_back_at: Date | null;
	id: string;
}

const backends: [string, () => Promise<Backend>][] = [['PGlite', openPglite]];
const serverUrl = process.env.DATABASE_URL;
if (serverUrl) backends.push(['PostgreSQL (DATABASE_URL)', () => openScratchPostgres(serverUrl)]);

describe.each(backends)('applyMigrations on %s', (_label, open) => {
	let backend: Backend;
	let runner: SqlRunner;

	beforeAll(async () => {
		backend = await open();
		runner = backend.runners[0];
	});
	afterAll(async () => {
		await backend?.close();
	});

	test('applies every migration once, even when two servers start together', async () => {
		const results = await Promise.all([applyMigrations(backend.runners[0], MIGRATIONS_DIR), applyMigrations(backend.runners[1], MIGRATIONS_DIR)]);
		const onDisk = await migrationNamesOnDisk(MIGRATIONS_DIR);
		expect(onDisk.length).toBeGreaterThan(0);
		expect(results.flat().sort()).toEqual(onDisk);
		// The schema is really there.
		expect(await runner.query('SELECT count(*)::int AS n FROM "Plan"')).toEqual([{ n: 0 }]);
	});

	test('records each migration in _prisma_migrations as Prisma does', async () => {
		const rows = await runner.query<Recorded>(
			`SELECT id, migration_name, checksum, applied_steps_count, rolled_back_at,
			        finished_at IS NOT NULL AS finished
			   FROM "_prisma_migrations" ORDER BY migration_name`
		);
		const onDisk = await migrationNamesOnDisk(MIGRATIONS_DIR);
		expect(rows.map((row) => row.migration_name)).toEqual(onDisk);
		for (const row of rows) {
			const file = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
			expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
			expect(row).toMatchObject({ applied_steps_count: 1, finished: true, rolled_back_at: null });
			expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		}
	});

	test('a second run applies nothing', async () => {
		expect(await applyMigrations(runner, MIGRATIONS_DIR)).toEqual([]);
	});

	test('refuses to start when an applied migration was edited', async () => {
		const [first] = await migrationNamesOnDisk(MIGRATIONS_DIR);
		const [{ checksum }] = (await runner.query<{ checksum: string }>('SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1', [first])) as [{ checksum: string }];
		await runner.query('UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2', ['0'.repeat(64), first]);
		try {
			await expect(applyMigrations(runner, MIGRATIONS_DIR)).rejects.toThrow(/was modified after it was applied.*new migration/s);
		} finally {
			await runner.query('UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2', [checksum, first]);
		}
		expect(await applyMigrations(runner, MIGRATIONS_DIR)).toEqual([]);
	});

	test('refuses to start when an applied migration has no directory', async () => {
		const ghost = '29991231235959_from_a_newer_release';
		await runner.query(
			`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
			 VALUES ($1, $2, $3, now(), 1)`,
			['00000000-0000-4000-8000-000000000000', '0'.repeat(64), ghost]
		);
		try {
			await expect(applyMigrations(runner, MIGRATIONS_DIR)).rejects.toThrow(/29991231235959_from_a_newer_release.*does not exist.*deploy a version that contains/s);
		} finally {
			await runner.query('DELETE FROM "_prisma_migrations" WHERE migration_name = $1', [ghost]);
		}
	});
});

describe('a failing migration', () => {
	let dir: string;
	let db: PGlite;

	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'jalons-migrations-'));
		const write = async (name: string, sql: string) => {
			await mkdir(path.join(dir, name));
			await writeFile(path.join(dir, name, 'migration.sql'), sql);
		};
		await write('20000101000000_good', 'CREATE TABLE "good" ("id" INTEGER PRIMARY KEY);');
		await write('20000101000001_bad', 'CREATE TABLE "half" ("id" INTEGER);\nSELECT 1 / 0;');
		db = await PGlite.create();
	});
	afterAll(async () => {
		await db.close();
		await rm(dir, { recursive: true, force: true });
	});

	test('is rolled back with its record, after the earlier ones were kept', async () => {
		const runner = pgliteRunner(db);
		await expect(applyMigrations(runner, dir)).rejects.toThrow(/20000101000001_bad failed.*division by zero/);
		const recorded = await runner.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations"');
		expect(recorded).toEqual([{ migration_name: '20000101000000_good' }]);
		expect(await runner.query(`SELECT to_regclass('half') AS half`)).toEqual([{ half: null }]);
	});
});

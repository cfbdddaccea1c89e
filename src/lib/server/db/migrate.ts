// Applies prisma/migrations at start-up, for PostgreSQL and embedded PGlite alike. The Prisma CLI
// cannot run on our offline machines (and never inside the app), so we do what `prisma migrate
// deploy` does and keep its bookkeeping in `_prisma_migrations`, so that the CLI, where it can run,
// agrees with us about what is applied.
import { createHash, randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SqlExecutor, SqlRunner } from './sql-runner';
import { config } from '../config';

/** Prisma's own advisory lock key, so we also wait for (and block) a concurrent `migrate deploy`. */
const MIGRATION_LOCK_KEY = 72707369;

/** Prisma's definition, column for column (schema-engine, PostgreSQL flavour). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationFile {
	name: string;
	sql: string;
	checksum: string;
	/** Checksums this file may have been recorded with (see matchingChecksums). */
	acceptedChecksums: Set<string>;
}

interface HistoryRow {
	migration_name: string;
	checksum: string;
	finished_at: Date | string | null;
	rolled_back_at: Date | string | null;
}

function defaultMigrationsDir(): string {
	return config().migrationsDir ?? path.resolve('prisma/migrations');
}

function sha256(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Prisma also accepts the checksum of the file with LF or CRLF line endings, because git may
 * convert them on checkout (Windows); doing the same keeps us from refusing what Prisma accepts.
 */
function matchingChecksums(sql: string): Set<string> {
	return new Set([sha256(sql), sha256(sql.replace(/\r\n/g, '\n')), sha256(sql.replace(/\r?\n/g, '\r\n'))]);
}

async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
	let entries;
	try {
		entries = await readdir(dir, { withFileTypes: true });
	} catch (error) {
		throw new Error(
			`Cannot read the migrations directory ${dir} (${(error as Error).message}). ` +
				'Run from the project root or set JALONS_MIGRATIONS_DIR to the folder holding prisma/migrations.',
			{ cause: error }
		);
	}
	// Plain code-unit order: the 14-digit timestamp prefix makes it chronological.
	const names = entries
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	return Promise.all(
		names.map(async (name) => {
			const file = path.join(dir, name, 'migration.sql');
			const sql = await readFile(file, 'utf8').catch((error: Error) => {
				throw new Error(`Migration ${name} has no readable migration.sql (${error.message}).`);
			});
			return { name, sql, checksum: sha256(sql), acceptedChecksums: matchingChecksums(sql) };
		})
	);
}

/**
 * Refuses to go on when the database's history does not match the files: applying more
 * migrations on top of an unknown state is how databases end up unrepairable.
 */
function checkHistory(rows: HistoryRow[], files: MigrationFile[], dir: string): Set<string> {
	const byName = new Map(files.map((file) => [file.name, file]));
	const applied = new Set<string>();
	for (const row of rows) {
		if (row.rolled_back_at !== null) continue; // Prisma ignores rolled-back attempts too.
		const name = row.migration_name;
		if (row.finished_at === null) {
			throw new Error(
				`Migration ${name} started but never finished (recorded by another tool, e.g. a failed ` +
					'`prisma migrate deploy`), so the database may be half-migrated. Repair the database by ' +
					'hand, then either mark the attempt rolled back (UPDATE "_prisma_migrations" SET ' +
					`rolled_back_at = now() WHERE migration_name = '${name}' AND finished_at IS NULL) so it ` +
					'is applied again, or run `prisma migrate resolve --applied ' +
					`${name}\` if you completed it yourself.`
			);
		}
		const file = byName.get(name);
		if (!file) {
			throw new Error(
				`The database has migration ${name} applied, but ${path.join(dir, name)} does not exist. ` +
					'This code is probably older than the database: deploy a version that contains the ' +
					'migration (or restore its folder if it was renamed or deleted). Do not delete the row ' +
					'from _prisma_migrations: the schema change it made is still in the database.'
			);
		}
		if (!file.acceptedChecksums.has(row.checksum)) {
			throw new Error(
				`Migration ${name} was modified after it was applied to this database (recorded ` +
					`checksum ${row.checksum}, file ${file.checksum}). Restore ${path.join(dir, name, 'migration.sql')} ` +
					'to its committed content (git checkout) and put the change in a new migration ' +
					'(npm run db:migration -- <name>). Applied migrations must never be edited.'
			);
		}
		applied.add(name);
	}
	return applied;
}

/**
 * One transaction per migration, each starting by taking the lock and re-reading the history:
 * when several servers start at once, the others wait on the lock and then see the migration as
 * applied. A transaction-scoped lock cannot outlive a crashed process, unlike a session one.
 * Consequence: a migration must be able to run in a transaction (no CREATE INDEX CONCURRENTLY).
 */
async function applyNextMigration(tx: SqlExecutor, files: MigrationFile[], dir: string): Promise<string | null> {
	await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
	await tx.exec(CREATE_MIGRATIONS_TABLE);
	const rows = await tx.query<HistoryRow>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at');
	const applied = checkHistory(rows, files, dir);
	const next = files.find((file) => !applied.has(file.name));
	if (!next) return null;
	try {
		await tx.exec(next.sql);
	} catch (error) {
		throw new Error(`Migration ${next.name} failed and was rolled back: ${(error as Error).message}`, {
			cause: error
		});
	}
	await tx.query(
		`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
		 VALUES ($1, $2, $3, now(), now(), 1)`,
		[randomUUID(), next.checksum, next.name]
	);
	return next.name;
}

/** Applies every migration not yet recorded, in name order; returns the names it applied. */
export async function applyMigrations(runner: SqlRunner, migrationsDir: string = defaultMigrationsDir()): Promise<string[]> {
	const files = await readMigrationFiles(migrationsDir);
	const appliedNow: string[] = [];
	for (;;) {
		const name = await runner.transaction((tx) => applyNextMigration(tx, files, migrationsDir));
		if (name === null) return appliedNow;
		appliedNow.push(name);
	}
}

/** Names of the migrations on disk, in order: what a fully migrated database has applied. */
export async function listMigrationNames(dir = defaultMigrationsDir()): Promise<string[]> {
	return (await readMigrationFiles(dir)).map((file) => file.name);
}

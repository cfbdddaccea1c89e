// The one database module. With DATABASE_URL set it talks to PostgreSQL through `pg`; without it
// it runs an embedded PGlite (PostgreSQL compiled to WebAssembly) in a local data folder, so that a
// newcomer gets a working app with no setup. Everything above this module is the same in both cases.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { applyMigrations } from './migrate';
import { config, parseConfig } from '../config';
import { pgRunner, pgliteRunner, type SqlRunner } from './sql-runner';

export type Db = PrismaClient;

export interface Database {
	prisma: PrismaClient;
	runner: SqlRunner;
	kind: 'postgres' | 'embedded';
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** PostgreSQL connection string; when absent, embedded PGlite is used. */
	url?: string;
	/** PGlite data folder; `memory://` for a throwaway in-memory database (tests). */
	dataDir?: string;
	poolSize?: number;
	/** Calls this for every SQL statement Prisma sends (query-count tests and benchmarks). */
	onQuery?: (sql: string) => void;
}

function createClient(adapter: SqlDriverAdapterFactory, onQuery?: (sql: string) => void): PrismaClient {
	if (!onQuery) return new PrismaClient({ adapter });
	const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
	(client as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) => onQuery(e.query));
	return client;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	if (options.url) {
		let parsed: URL;
		try {
			parsed = new URL(options.url);
		} catch {
			throw new Error('DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database).');
		}
		if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
			throw new Error(`DATABASE_URL must start with postgresql://, got ${parsed.protocol}//…`);
		}
		const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
		// An idle client losing its connection (database restart) must not crash the process.
		pool.on('error', (error) => console.error(JSON.stringify({ level: 'error', msg: 'pg pool error', error: error.message })));
		const prisma = createClient(new PrismaPg(pool), options.onQuery);
		return {
			prisma,
			runner: pgRunner(pool),
			kind: 'postgres',
			async close() {
				await prisma.$disconnect();
				await pool.end().catch(() => undefined);
			}
		};
	}
	const dataDir = options.dataDir ?? 'memory://';
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	const lite = await PGlite.create(dataDir);
	const prisma = createClient(new PrismaPGlite(lite), options.onQuery);
	return {
		prisma,
		runner: pgliteRunner(lite),
		kind: 'embedded',
		async close() {
			await prisma.$disconnect();
			await lite.close();
		}
	};
}

export function optionsFromEnv(env?: NodeJS.ProcessEnv): DatabaseOptions {
	const settings = env ? parseConfig(env) : config();
	if (settings.databaseUrl) return { url: settings.databaseUrl, poolSize: settings.databasePoolSize };
	return { dataDir: path.resolve(settings.dataDir) };
}

/** Opens a database, applies pending migrations and, when asked, seeds the real plan if empty. */
export async function openMigratedDatabase(options: DatabaseOptions, onReady?: (database: Database) => Promise<void>): Promise<Database> {
	const database = await openDatabase(options);
	try {
		await applyMigrations(database.runner);
		await onReady?.(database);
		return database;
	} catch (error) {
		await database.close().catch(() => undefined);
		throw error;
	}
}

// A fresh, migrated database per call: a scratch database on the PostgreSQL server when
// DATABASE_URL is set (CI), an in-memory PGlite otherwise. Never a mock. Each one is a copy of a
// template migrated once per run (tests/setup/database-templates.ts), so a test file pays for a
// copy, not for the migrations, and `plan: true` gives the real plan without seeding it again.
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { openDatabase, openMigratedDatabase, type Database } from '../../src/lib/server/db';
import { PrismaClient } from '../../src/lib/server/db/generated/client';
import { pgliteRunner } from '../../src/lib/server/db/sql-runner';
import { seedDefaultPlan } from '../../src/lib/server/seed';
import { admin, scratchName, withDatabase, type TemplateName, type Templates } from './database-templates';

export interface TestDatabase extends Database {
	name: string;
}

export interface FreshDatabaseOptions {
	onQuery?: (sql: string) => void;
	/** Start from the real plan as `seedDefaultPlan` leaves it, instead of an empty database. */
	plan?: boolean;
}

const tarballs = new Map<string, Promise<Blob>>();

function tarball(file: string): Promise<Blob> {
	let blob = tarballs.get(file);
	if (!blob) {
		blob = readFile(file).then((bytes) => new Blob([bytes]));
		tarballs.set(file, blob);
	}
	return blob;
}

// The same client as openDatabase builds, on a PGlite loaded from a tarball.
function pgliteDatabase(lite: PGlite, onQuery?: (sql: string) => void): TestDatabase {
	const adapter = new PrismaPGlite(lite);
	const prisma = onQuery ? new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }) : new PrismaClient({ adapter });
	if (onQuery) (prisma as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) => onQuery(e.query));
	return {
		prisma,
		runner: pgliteRunner(lite),
		kind: 'embedded',
		name: 'memory',
		async close() {
			await prisma.$disconnect();
			await lite.close();
		}
	};
}

async function fromTemplate(templates: Templates, template: TemplateName, onQuery?: (sql: string) => void): Promise<TestDatabase> {
	if (templates.kind === 'embedded') {
		const lite = await PGlite.create('memory://', { loadDataDir: await tarball(templates.files[template]) });
		return pgliteDatabase(lite, onQuery);
	}
	const { serverUrl } = templates;
	const name = scratchName('jalons_test');
	await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templates.names[template]}`));
	const database = await openDatabase({ url: withDatabase(serverUrl, name), poolSize: 4, onQuery });
	return {
		...database,
		name,
		async close() {
			await database.close();
			await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
		}
	};
}

// Without the globalSetup (a file run by another tool): migrate (and seed) in place, as before.
async function migratedInPlace(options: FreshDatabaseOptions): Promise<TestDatabase> {
	const serverUrl = process.env.DATABASE_URL;
	let database: TestDatabase;
	if (!serverUrl) {
		database = { ...(await openMigratedDatabase({ dataDir: 'memory://', onQuery: options.onQuery })), name: 'memory' };
	} else {
		const name = scratchName('jalons_test');
		await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
		const migrated = await openMigratedDatabase({ url: withDatabase(serverUrl, name), poolSize: 4, onQuery: options.onQuery });
		database = {
			...migrated,
			name,
			async close() {
				await migrated.close();
				await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
			}
		};
	}
	if (options.plan) await seedDefaultPlan(database.prisma);
	return database;
}

export async function freshDatabase(options: FreshDatabaseOptions = {}): Promise<TestDatabase> {
	const templates = inject('databaseTemplates');
	const database = templates ? await fromTemplate(templates, options.plan ? 'plan' : 'empty', options.onQuery) : await migratedInPlace(options);
	// Prisma starts its query engine on the first query: let that happen here rather than inside a
	// test's first interactive transaction, whose 5 s limit a loaded machine could then exceed.
	await database.prisma.$queryRaw`SELECT 1`;
	return database;
}

export interface CountingDatabase extends TestDatabase {
	/** How many SQL queries `work` sends. */
	queriesFor(work: () => Promise<unknown>): Promise<number>;
}

/** A fresh database that counts the SQL queries sent to it, for the "constant number of queries" tests. */
export async function countingDatabase(options: Omit<FreshDatabaseOptions, 'onQuery'> = {}): Promise<CountingDatabase> {
	let queries = 0;
	const database = await freshDatabase({ ...options, onQuery: () => queries++ });
	return {
		...database,
		async queriesFor(work) {
			queries = 0;
			await work();
			return queries;
		}
	};
}

// Migrating (and seeding the real plan into) a database costs seconds; copying one costs a fraction
// of that. So each test run migrates once into two templates, "empty" (migrated) and "plan"
// (migrated + seedDefaultPlan), and every test file copies one: `CREATE DATABASE … TEMPLATE` on
// PostgreSQL, a data-folder tarball loaded by PGlite otherwise. Built once per run by
// tests/setup/database-templates.ts (Vitest globalSetup).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { openMigratedDatabase } from '../../src/lib/server/db';
import { PrismaClient } from '../../src/lib/server/db/generated/client';
import { applyMigrations } from '../../src/lib/server/db/migrate';
import { pgliteRunner } from '../../src/lib/server/db/sql-runner';
import { seedDefaultPlan } from '../../src/lib/server/seed';

export type TemplateName = 'empty' | 'plan';

/** Where the templates of this run are: database names on the server, or tarball paths for PGlite. */
export type Templates = { kind: 'postgres'; serverUrl: string; names: Record<TemplateName, string> } | { kind: 'embedded'; files: Record<TemplateName, string> };

export function withDatabase(url: string, name: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${name}`;
	return parsed.toString();
}

export async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** A name made of a fixed prefix and hex digits only: identifiers cannot be bound as parameters. */
export function scratchName(prefix: string): string {
	return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Creates the two template databases on the server; returns their names. */
export async function createPostgresTemplates(serverUrl: string): Promise<Record<TemplateName, string>> {
	const names = { empty: scratchName('jalons_tpl_empty'), plan: scratchName('jalons_tpl_plan') };
	await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${names.empty}`));
	const empty = await openMigratedDatabase({ url: withDatabase(serverUrl, names.empty), poolSize: 2 });
	await empty.close();
	// A template may have no open connection while it is copied: every pool above is closed.
	await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${names.plan} TEMPLATE ${names.empty}`));
	const plan = await openMigratedDatabase({ url: withDatabase(serverUrl, names.plan), poolSize: 2 });
	try {
		await seedDefaultPlan(plan.prisma);
	} finally {
		await plan.close();
	}
	return names;
}

export async function dropPostgresDatabases(serverUrl: string, names: string[]): Promise<void> {
	await admin(serverUrl, async (client) => {
		for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	});
}

/** The two PGlite data folders as uncompressed tarballs (compression costs more than it saves here). */
export async function createPgliteTemplates(): Promise<Record<TemplateName, Blob>> {
	const lite = await PGlite.create('memory://');
	try {
		await applyMigrations(pgliteRunner(lite));
		const empty = await lite.dumpDataDir('none');
		const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
		try {
			await seedDefaultPlan(prisma);
		} finally {
			await prisma.$disconnect();
		}
		return { empty, plan: await lite.dumpDataDir('none') };
	} finally {
		await lite.close();
	}
}

// A fresh, migrated database per test file: a scratch database on the PostgreSQL server when
// DATABASE_URL is set (CI), an in-memory PGlite otherwise. Never a mock.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openMigratedDatabase, type Database } from '../../src/lib/server/db';

export interface TestDatabase extends Database {
	name: string;
}

function withDatabase(url: string, name: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${name}`;
	return parsed.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

export async function freshDatabase(options: { onQuery?: (sql: string) => void } = {}): Promise<TestDatabase> {
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) {
		const database = await openMigratedDatabase({ dataDir: 'memory://', onQuery: options.onQuery });
		return { ...database, name: 'memory' };
	}
	// Identifiers cannot be bound as parameters; this one is built from hex digits only.
	const name = `jalons_test_${randomBytes(6).toString('hex')}`;
	await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
	const database = await openMigratedDatabase({ url: withDatabase(serverUrl, name), poolSize: 4, onQuery: options.onQuery });
	return {
		...database,
		name,
		async close() {
			await database.close();
			await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
		}
	};
}

export interface CountingDatabase extends TestDatabase {
	/** How many SQL queries `work` sends. */
	queriesFor(work: () => Promise<unknown>): Promise<number>;
}

/** A fresh database that counts the SQL queries sent to it, for the "constant number of queries" tests. */
export async function countingDatabase(): Promise<CountingDatabase> {
	let queries = 0;
	const database = await freshDatabase({ onQuery: () => queries++ });
	return {
		...database,
		async queriesFor(work) {
			queries = 0;
			await work();
			return queries;
		}
	};
}

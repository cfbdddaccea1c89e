// A throwaway Jalons server for the security, fault and load tests: Debian's PostgreSQL on a free
// loopback port (bench/postgres.ts), migrated and seeded with the demo accounts, and the production
// build (`node build`) on another free port. Given a prepared template database (the end-to-end run
// has one), a copy of it on its server stands in for the throwaway PostgreSQL: a second instead of
// several. The tests talk to it over HTTP and read the database
// directly (to prove that a refused request wrote nothing).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../bench/postgres';

const root = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/**
 * The test servers keep idle connections for two minutes instead of adapter-node's 5 s. Node's
 * fetch keeps a connection for the server's timeout less one second; on a loaded machine a
 * process can wake after that second has gone by, handle the answer it was waiting for (a SQL
 * query, say) before the server's close of the idle connection, and send its next request on that
 * closed connection: "fetch failed", read ECONNRESET, on a spec's first request after a slow set-up
 * (seen twice in whole e2e runs at load 25). With the server's timeout far above any gap between
 * two requests of a test, the client always drops an idle connection first.
 */
export const TEST_KEEP_ALIVE_SECONDS = '120';

export interface AppServer {
	origin: string;
	databaseUrl: string;
	/** The throwaway PostgreSQL server, which the fault tests stop; null on a copy of a template. */
	postgres: ThrowawayPostgres | null;
	app: ChildProcess;
	/** Lines the app printed (JSON logs), for assertions on logging. */
	output: string[];
	query<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
	/** The first row, or an error when there is none. */
	queryOne<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T>;
	/** Sends SIGTERM and waits for the process to exit; resolves with its exit code. */
	terminate(): Promise<number | null>;
	stop(): Promise<void>;
}

export interface AppServerOptions {
	env?: Record<string, string>;
	/** Origin the app believes it is served from (default: its own http://127.0.0.1:port). */
	origin?: (port: number) => string;
	/**
	 * A migrated and seeded database (scripts/e2e-prepare.ts) that nothing connects to: the server
	 * gets a copy of it (`CREATE DATABASE … TEMPLATE`), dropped at stop. Without it, a throwaway server.
	 */
	template?: string;
	/** Another instance on the same database (the load test's second app server): shared, not dropped. */
	sameDatabaseAs?: AppServer;
}

/** A database of its own: a copy of the template, or a throwaway server migrated and seeded. */
async function ownDatabase(template: string | undefined, inherited: NodeJS.ProcessEnv): Promise<{ url: string; postgres: ThrowawayPostgres | null; drop(): Promise<void> }> {
	if (template) {
		// Identifiers cannot be bound as parameters: a fixed prefix and hex digits only, the template's name quoted.
		const name = `jalons_app_${randomBytes(6).toString('hex')}`;
		const source = `"${new URL(template).pathname.slice(1).replace(/"/g, '""')}"`;
		const adminUrl = Object.assign(new URL(template), { pathname: '/postgres' }).toString();
		const adminQuery = async (sql: string) => {
			const client = new pg.Client({ connectionString: adminUrl });
			await client.connect();
			try {
				await client.query(sql);
			} finally {
				await client.end();
			}
		};
		await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${source}`);
		return {
			url: Object.assign(new URL(template), { pathname: `/${name}` }).toString(),
			postgres: null,
			drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
		};
	}
	const postgres = startThrowawayPostgres(await freePort());
	const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/e2e-prepare.ts'], {
		cwd: root,
		env: { ...inherited, DATABASE_URL: postgres.url, JALONS_E2E: '1', CHECKPOINT_DISABLE: '1' },
		stdio: 'pipe'
	});
	if (prepared.status !== 0) {
		postgres.stop();
		throw new Error(`e2e-prepare failed: ${prepared.stderr.toString()}`);
	}
	return { url: postgres.url, postgres, drop: async () => postgres.stop() };
}

async function waitFor(url: string, timeoutMs: number, app: ChildProcess): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (app.exitCode !== null) throw new Error(`node build exited with code ${app.exitCode}`);
		try {
			const response = await fetch(url);
			if (response.status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
	if (!existsSync(path.join(root, 'build/index.js'))) throw new Error('No build: run `npx vite build` first.');
	const { DATABASE_URL: _a, JALONS_DATA_DIR: _b, ...inherited } = process.env;
	const shared = options.sameDatabaseAs;
	const database = shared ? { url: shared.databaseUrl, postgres: shared.postgres, drop: async () => {} } : await ownDatabase(options.template, inherited);
	const { url: databaseUrl, postgres } = database;
	const port = await freePort();
	const origin = options.origin?.(port) ?? `http://127.0.0.1:${port}`;
	const app = spawn(process.execPath, ['build/index.js'], {
		cwd: root,
		// No periodic jobs (link checks, indicator feeds): a test server must not call other hosts, nor
		// write while a test compares the database before and after a request. KEEP_ALIVE_TIMEOUT: see TEST_KEEP_ALIVE_SECONDS.
		env: {
			...inherited,
			DATABASE_URL: databaseUrl,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			JALONS_JOBS: 'false',
			KEEP_ALIVE_TIMEOUT: TEST_KEEP_ALIVE_SECONDS,
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output: string[] = [];
	const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
	app.stdout.on('data', collect);
	app.stderr.on('data', collect);
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
	pool.on('error', () => {}); // the fault tests stop the server under the pool
	const exited = new Promise<number | null>((resolve) => app.once('exit', (code) => resolve(code)));
	const server: AppServer = {
		origin: `http://127.0.0.1:${port}`,
		databaseUrl,
		postgres,
		app,
		output,
		async query(sql, values) {
			return (await pool.query(sql, values as unknown[])).rows;
		},
		async queryOne(sql, values) {
			const row = (await pool.query(sql, values as unknown[])).rows[0];
			if (!row) throw new Error(`no row: ${sql}`);
			return row;
		},
		async terminate() {
			if (app.exitCode === null) app.kill('SIGTERM');
			return exited;
		},
		async stop() {
			if (app.exitCode === null) app.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
			if (app.exitCode === null) app.kill('SIGKILL');
			await pool.end().catch(() => {});
			await database.drop();
		}
	};
	try {
		await waitFor(`${server.origin}/healthz`, 60_000, app);
	} catch (cause) {
		await server.stop();
		throw new Error(`${(cause as Error).message}\n${output.join('\n')}`, { cause });
	}
	return server;
}

/**
 * A fingerprint of every table except the ones a refused request may legitimately touch
 * (sessions slide their expiry on every request; login attempts record failures).
 */
export async function databaseFingerprint(server: Pick<AppServer, 'query'>): Promise<Record<string, string>> {
	const tables = await server.query<{ name: string }>(
		`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
		 AND table_name NOT IN ('Session', 'LoginAttempt') ORDER BY table_name`
	);
	// One round trip for all the tables (this runs twice per refused request in the matrix).
	const rows = await server.query<{ name: string; digest: string | null; n: string }>(
		tables
			.map(({ name }) => {
				const table = name.replace(/"/g, '');
				return `SELECT '${table.replace(/'/g, "''")}' AS name, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*)::text AS n FROM "${table}" t`;
			})
			.join(' UNION ALL ')
	);
	const result: Record<string, string> = {};
	for (const row of rows) result[row.name] = `${row.n}:${row.digest ?? ''}`;
	return result;
}

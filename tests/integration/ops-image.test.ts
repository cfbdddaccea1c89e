// The production image can run the operational scripts: a folder holding only what the Dockerfile's
// final stage copies (package.json, node_modules, build/, prisma/migrations) runs build/ops/*.js against
// a database. node_modules is the development one, linked rather than copied; that the bundles import
// production dependencies only is checked by scripts/build-ops.mjs itself (the build fails otherwise).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** What the final stage copies from the build stage (`COPY --from=build /app/X ./X`, or `./` for a file at the root). */
function imageContents(): string[] {
	const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
	const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
	return [...finalStage.matchAll(/^COPY --from=build \/app\/(\S+?)\/? (\S+)$/gm)].map(([, from = '', to = '']) => {
		// The test puts each item where the image does (relative to its WORKDIR, /app).
		const destination = to === './' ? path.basename(from) : to.replace(/^\.\//, '').replace(/\/$/, '');
		expect(destination).toBe(from);
		return from;
	});
}

/** Two empty databases: scratch ones on the PostgreSQL server when DATABASE_URL is set, else PGlite folders. */
async function scratchDatabases(dir: string): Promise<{ envs: Record<string, string>[]; drop(): Promise<void> }> {
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) {
		return { envs: [{ JALONS_DATA_DIR: path.join(dir, 'data-a') }, { JALONS_DATA_DIR: path.join(dir, 'data-b') }], drop: async () => {} };
	}
	const names = [0, 1].map(() => `jalons_ops_${randomBytes(6).toString('hex')}`);
	const admin = new URL(serverUrl);
	admin.pathname = '/postgres';
	const withAdmin = async (sql: (name: string) => string) => {
		const client = new pg.Client({ connectionString: admin.toString() });
		await client.connect();
		try {
			for (const name of names) await client.query(sql(name));
		} finally {
			await client.end();
		}
	};
	// Identifiers cannot be bound as parameters; these are built from hex digits only.
	await withAdmin((name) => `CREATE DATABASE ${name}`);
	return {
		envs: names.map((name) => {
			const url = new URL(serverUrl);
			url.pathname = `/${name}`;
			return { DATABASE_URL: url.toString() };
		}),
		drop: () => withAdmin((name) => `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
	};
}

describe('the production image runs the operational scripts', () => {
	let dir: string;
	let databases: Awaited<ReturnType<typeof scratchDatabases>>;

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'jalons-image-'));
		const contents = imageContents();
		expect(contents.sort()).toEqual(['build', 'node_modules', 'package.json', 'prisma/migrations']);
		for (const item of contents) {
			if (item === 'node_modules') symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
			// The web app's part of build/ plays no part here; the ops bundles are built as `npm run build` does.
			else if (item === 'build') await run(process.execPath, ['scripts/build-ops.mjs', '--outdir', path.join(dir, 'build/ops')], { cwd: root });
			else cpSync(path.join(root, item), path.join(dir, item), { recursive: true });
		}
		databases = await scratchDatabases(dir);
	}, 120_000);

	afterAll(async () => {
		await databases?.drop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	/** `node build/ops/<script>.js …` from the image folder, with only the environment the image sets. */
	async function ops(script: string, args: string[], database: Record<string, string>) {
		const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'production', CHECKPOINT_DISABLE: '1', ORIGIN: 'https://jalons.example', ...database };
		return run(process.execPath, [`build/ops/${script}.js`, ...args], { cwd: dir, env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
	}

	it('migrates, checks links, seeds, creates an account, exports and imports the plan, imports a CSV, purges and sends the digest', async () => {
		const [first, second] = databases.envs as [Record<string, string>, Record<string, string>];

		// Each run starts a process on the database; on PGlite that takes seconds, so each script runs once
		// (idempotence and round trips are covered by seed.test.ts and plan-transfer.test.ts).
		const migrated = await ops('migrate', [], first);
		expect(migrated.stdout).toMatch(/applied \d+ migration\(s\):\n {2}\d{14}_init/);
		// A copy of a migrated PGlite folder saves creating and migrating the second one.
		if (first.JALONS_DATA_DIR && second.JALONS_DATA_DIR) cpSync(first.JALONS_DATA_DIR, second.JALONS_DATA_DIR, { recursive: true });

		// The link watch's bundle (ipaddr.js is a production dependency), on a database with no link yet.
		expect(JSON.parse((await ops('links-check', [], first)).stdout)).toMatchObject({ msg: 'links check', checked: 0, possiblyDead: 0 });

		expect((await ops('seed', [], first)).stdout).toMatch(/^Seeded the plan: \d+ rows created\.$/m);

		const created = await ops('user-create', ['--admin', '--email', 'Alice@Example.gouv.fr', '--name', 'Alice Martin'], first);
		expect(created.stdout).toMatch(/^Account created \((postgres|embedded) database\): alice@example\.gouv\.fr, id \S+, roles ADMIN\.$/m);
		expect(created.stdout).toMatch(/^Generated password \(shown once\): \S{20,}$/m);
		// The common-password list travels inside the bundle.
		const refused = ops('user-create', ['--role', 'editor', '--team', 'LABEL', '--email', 'b@example.gouv.fr', '--name', 'B', '--password', 'password1234'], first);
		await expect(refused).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^Refused: This password is one of the most used/) });

		const exported = await ops('plan-export', [DEFAULT_PLAN_SLUG], first);
		const plan = JSON.parse(exported.stdout) as { slug: string; tables: Record<string, unknown[]> };
		expect(plan.slug).toBe(DEFAULT_PLAN_SLUG);
		expect(plan.tables.Measure?.length).toBeGreaterThan(0);
		const file = path.join(dir, 'plan.json');
		writeFileSync(file, exported.stdout);
		const rows = Object.values(plan.tables).reduce((sum, table) => sum + table.length, 0);
		expect((await ops('plan-import', [file], second)).stdout).toMatch(new RegExp(`^Plan « ${DEFAULT_PLAN_SLUG} » importé : ${rows} lignes\\.$`, 'm'));

		// The CSV import (csv-parse is a production dependency): a sample file into a new plan.
		const csv = path.join(root, 'tests/fixtures/csv-import/corrige.csv');
		const imported = await ops('plan-import-csv', [csv, '--plan', 'essais-csv', '--create', '--title', 'Essais', '--create-owners'], second);
		expect(imported.stdout).toMatch(/^Importé — plan « essais-csv » : 4 mesures créées/m);

		expect(JSON.parse((await ops('purge', [], first)).stdout)).toMatchObject({ msg: 'purge', sessions: 0 });
		// The indicator feeds' round for cron (no feed configured on the seeded plan: nothing to fetch).
		expect(JSON.parse((await ops('indicators-fetch', [], first)).stdout.trim().split('\n').at(-1)!)).toMatchObject({ msg: 'job indicator feeds', feeds: 0 });
		const digest = await ops('digest', [], first);
		expect(JSON.parse(digest.stdout)).toMatchObject({ msg: 'daily digest', sent: 0, skipped: 'not-configured' });
		expect(digest.stderr).toMatch(/SMTP_URL is not set/);
	}, 600_000);
});

// `npm test`: every test. Type check, Vitest (unit + integration against a real database), build,
// then Playwright end-to-end against `node build`. With DATABASE_URL set (CI), integration tests
// create scratch databases on that server and e2e gets its own fresh database; without it,
// everything runs on embedded PGlite. Prints one closing line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = path.join(root, 'test-results');
rmSync(results, { recursive: true, force: true });

function run(label, command, args, env = {}) {
	console.log(`\n=== ${label}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

function readJson(file) {
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

async function freshE2eDatabase(serverUrl) {
	const url = new URL(serverUrl);
	const name = `${url.pathname.slice(1) || 'jalons'}_e2e`.replace(/[^a-z0-9_]/gi, '_');
	const adminUrl = new URL(serverUrl);
	adminUrl.pathname = '/postgres';
	const client = new pg.Client({ connectionString: adminUrl.toString() });
	await client.connect();
	try {
		await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
		await client.query(`CREATE DATABASE "${name}"`);
	} finally {
		await client.end();
	}
	url.pathname = `/${name}`;
	return url.toString();
}

let passed = 0;
let failed = 0;
const steps = [];

const checked = run('Type check (svelte-check)', bin('svelte-kit'), ['sync']) && run('svelte-check', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings']);
steps.push(['type check', checked]);

const vitestOk = run('Unit and integration tests (Vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'vitest.json')}`]);
const vitest = readJson(path.join(results, 'vitest.json'));
if (vitest) {
	passed += vitest.numPassedTests;
	failed += vitest.numFailedTests;
}
steps.push(['vitest', vitestOk && vitest !== null]);

const built = run('Build', process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
steps.push(['build', built]);

if (built) {
	const e2eEnv = {};
	let dataDir;
	if (process.env.DATABASE_URL) {
		e2eEnv.E2E_DATABASE_URL = await freshE2eDatabase(process.env.DATABASE_URL);
	} else {
		dataDir = mkdtempSync(path.join(tmpdir(), 'jalons-e2e-'));
		e2eEnv.E2E_DATA_DIR = dataDir;
	}
	const e2eOk = run('End-to-end tests (Playwright, JavaScript on and off)', bin('playwright'), ['test'], { ...e2eEnv, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	const e2e = readJson(path.join(results, 'e2e.json'));
	if (e2e) {
		passed += e2e.stats.expected;
		failed += e2e.stats.unexpected + e2e.stats.flaky;
	}
	steps.push(['e2e', e2eOk && e2e !== null]);
}

// Load and fault test (small bounds): only with DATABASE_URL set (CI) and PostgreSQL's server
// binaries at hand, since it starts and stops its own throwaway server.
if (built) {
	const pgBin = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(path.join('/usr/lib/postgresql', v, 'bin', 'pg_ctl')));
	if (process.env.DATABASE_URL && pgBin) {
		const loadOk = run('Load and fault test (small bounds)', process.execPath, ['--import', 'tsx', 'scripts/load-test.ts', '--readers', '10', '--editors', '4', '--seconds', '20', '--outage', '4']);
		if (loadOk) passed += 1;
		else failed += 1;
		steps.push(['load and fault test', loadOk]);
	} else console.log(`\n=== Load and fault test skipped: ${process.env.DATABASE_URL ? 'no PostgreSQL server binaries in /usr/lib/postgresql' : 'DATABASE_URL is not set'}`);
}

// Known vulnerabilities of the production dependencies (high and critical), when the registry answers.
{
	console.log('\n=== npm audit --omit=dev (high and critical)');
	const audit = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
	let report = null;
	try {
		report = JSON.parse(audit.stdout);
	} catch {
		report = null;
	}
	const offline = !report || report.error || !report.metadata;
	if (offline) console.log(`skipped: the registry did not answer (${report?.message ?? report?.error?.summary ?? audit.error?.message ?? 'no report'})`);
	else {
		const v = report.metadata.vulnerabilities;
		const serious = (v.high ?? 0) + (v.critical ?? 0);
		console.log(`${serious} high or critical vulnerabilities in production dependencies`);
		steps.push(['npm audit (production, high+critical)', serious === 0]);
	}
}

console.log('\n=== Summary');
for (const [name, ok] of steps) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
const allOk = steps.every(([, ok]) => ok) && failed === 0;
if (!allOk && failed === 0) failed = 1; // a step that failed before counting tests still fails the run
console.log(`${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);

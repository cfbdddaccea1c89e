// `npm test`: every test. Lint (when configured), type check, Vitest (unit + integration against a
// real database), build, Playwright end-to-end against `node build`, load test, audit. With
// DATABASE_URL set (CI), integration tests copy template databases on that server and each e2e
// worker gets its own database; without it, everything runs on embedded PGlite. Sets up what it
// needs (Debian's Chromium) or stops at once with the command that does. Ends with the duration
// (wall and CPU) of each stage, then one closing line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = path.join(root, 'test-results');
const e2eWorkers = Math.max(1, Number(process.env.E2E_WORKERS ?? 2) || 1);
rmSync(results, { recursive: true, force: true });

let passed = 0;
let failed = 0;
// The failing tests by name, repeated in the summary: CI often shows only the end of the output.
const failures = [];
const steps = [];
const timings = [];

// CPU time of the children this process has waited for (user + system), from /proc on Linux:
// every stage's tools, their workers and the web servers they start, but not a PostgreSQL server.
function childrenCpuSeconds() {
	try {
		const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
		return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in USER_HZ (100 on Linux)
	} catch {
		return NaN;
	}
}

async function timed(name, work) {
	const start = performance.now();
	const cpu = childrenCpuSeconds();
	try {
		return await work();
	} finally {
		timings.push([name, (performance.now() - start) / 1000, childrenCpuSeconds() - cpu]);
	}
}

function run(label, command, args, env = {}) {
	console.log(`\n=== ${label}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

function readJson(file) {
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function firstLine(message) {
	// Strip the terminal colours Playwright and Vitest put in their messages.
	// eslint-disable-next-line no-control-regex -- the escape character is what starts a colour code
	const text = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
	return (
		text
			.split('\n')
			.find((line) => line.trim())
			?.trim()
			.slice(0, 300) ?? ''
	);
}

function playwrightFailures(report) {
	const lines = [];
	const walk = (suite, titles) => {
		for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
		for (const spec of suite.specs ?? [])
			for (const test of spec.tests ?? []) {
				const bad = (test.results ?? []).filter((result) => !['passed', 'skipped'].includes(result.status));
				if (bad.length) lines.push(`e2e [${test.projectName}] ${[...titles, spec.title].filter(Boolean).join(' › ')}:${spec.line}: ${firstLine(bad[0].error?.message)}`);
			}
	};
	for (const suite of report.suites ?? []) walk(suite, [suite.title]);
	return lines;
}

function finish() {
	console.log('\n=== Summary');
	for (const [name, ok] of steps) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
	const allOk = steps.every(([, ok]) => ok) && failed === 0;
	if (!allOk && failed === 0) failed = 1; // a step that failed before counting tests still fails the run
	const s = (seconds) => (Number.isNaN(seconds) ? '?' : `${Math.round(seconds)}s`);
	const total = timings.reduce((sum, [, wall, cpu]) => [sum[0] + wall, sum[1] + cpu], [0, 0]);
	if (failures.length) console.log(`Failed tests:\n${failures.map((line) => `  ${line}`).join('\n')}`);
	console.log(`Stage durations (wall/CPU): ${timings.map(([name, wall, cpu]) => `${name} ${s(wall)}/${s(cpu)}`).join(', ')}; total ${s(total[0])}/${s(total[1])}`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(allOk ? 0 : 1);
}

// Like `npm start`, set up what is missing rather than fail later with a browser-launch error.
function ensureChromium() {
	const browser = process.env.CHROME_PATH ?? '/usr/bin/chromium-headless-shell';
	if (existsSync(browser)) return true;
	const install = 'apt-get update && apt-get install -y chromium-headless-shell';
	if (process.env.CHROME_PATH) {
		console.error(`CHROME_PATH=${browser} does not exist. Fix: point CHROME_PATH at a Chromium, or unset it and run: ${install}`);
		return false;
	}
	const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (!canInstall) {
		console.error(`Chromium is missing (${browser}), needed by the end-to-end tests. Fix: sudo sh -c '${install}'`);
		return false;
	}
	return run("Installing Debian's chromium-headless-shell", 'sh', ['-c', install], { DEBIAN_FRONTEND: 'noninteractive' }) && existsSync(browser);
}

async function adminQuery(serverUrl, statements) {
	const adminUrl = new URL(serverUrl);
	adminUrl.pathname = '/postgres';
	const client = new pg.Client({ connectionString: adminUrl.toString() });
	await client.connect();
	try {
		for (const sql of statements) await client.query(sql);
	} finally {
		await client.end();
	}
}

/**
 * One prepared database per e2e worker: the first one migrated, seeded and given its accounts by
 * scripts/e2e-prepare.ts, the others copied from it. Returns the environment for playwright.config.ts
 * and a clean-up function.
 */
async function prepareE2eDatabases() {
	const prepare = (env) => run('Preparing the end-to-end database', process.execPath, ['--import', 'tsx', 'scripts/e2e-prepare.ts'], { ...env, JALONS_E2E: '1' });
	const serverUrl = process.env.DATABASE_URL;
	if (serverUrl) {
		const base = `${new URL(serverUrl).pathname.slice(1) || 'jalons'}_e2e`.replace(/[^a-z0-9_]/gi, '_');
		// The template stays unused (a database being copied may have no connection): the HTTP specs
		// copy it for their own servers while the workers' servers run.
		const template = `${base}_template`;
		const names = Array.from({ length: e2eWorkers }, (_, i) => `${base}_${i}`);
		const urlOf = (name) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
		await adminQuery(serverUrl, [template, ...names].map((name) => `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).concat(`CREATE DATABASE "${template}"`));
		if (!prepare({ DATABASE_URL: urlOf(template) })) return null;
		await adminQuery(
			serverUrl,
			names.map((name) => `CREATE DATABASE "${name}" TEMPLATE "${template}"`)
		);
		return { env: { E2E_DATABASE_URLS: names.map(urlOf).join(','), E2E_TEMPLATE_DATABASE_URL: urlOf(template) }, cleanUp: async () => {} };
	}
	const dirs = Array.from({ length: e2eWorkers }, () => mkdtempSync(path.join(tmpdir(), 'jalons-e2e-')));
	const cleanUp = async () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
	const { DATABASE_URL: _none, ...env } = process.env;
	if (!prepare({ ...env, JALONS_DATA_DIR: dirs[0] })) {
		await cleanUp();
		return null;
	}
	for (const dir of dirs.slice(1)) cpSync(dirs[0], dir, { recursive: true });
	return { env: { E2E_DATA_DIRS: dirs.join(',') }, cleanUp };
}

const ready = await timed('setup', async () => ensureChromium());
steps.push(['setup (Chromium)', ready]);
if (!ready) finish();

const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
if (packageJson.scripts?.lint) {
	const linted = await timed('lint', async () => run('Lint (npm run lint)', 'npm', ['run', 'lint']));
	steps.push(['lint', linted]);
}

const checked = await timed(
	'type check',
	async () => run('Type check (svelte-check)', bin('svelte-kit'), ['sync']) && run('svelte-check', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings'])
);
steps.push(['type check', checked]);

await timed('vitest', async () => {
	const ok = run('Unit and integration tests (Vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'vitest.json')}`]);
	const vitest = readJson(path.join(results, 'vitest.json'));
	if (vitest) {
		passed += vitest.numPassedTests;
		failed += vitest.numFailedTests;
		for (const file of vitest.testResults ?? [])
			for (const test of file.assertionResults ?? [])
				if (test.status === 'failed') failures.push(`vitest ${path.relative(root, file.name)} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
	}
	steps.push(['vitest', ok && vitest !== null]);
});

const built = await timed('build', async () => run('Build', process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']));
steps.push(['build', built]);

if (built) {
	await timed('e2e', async () => {
		const databases = await prepareE2eDatabases();
		if (!databases) {
			steps.push(['e2e (database preparation)', false]);
			return;
		}
		const ok = run(`End-to-end tests (Playwright, JavaScript on and off, ${e2eWorkers} workers)`, bin('playwright'), ['test'], {
			...databases.env,
			E2E_WORKERS: String(e2eWorkers),
			PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1'
		});
		await databases.cleanUp();
		const e2e = readJson(path.join(results, 'e2e.json'));
		if (e2e) {
			passed += e2e.stats.expected;
			failed += e2e.stats.unexpected + e2e.stats.flaky;
			failures.push(...playwrightFailures(e2e));
		}
		steps.push(['e2e', ok && e2e !== null]);
	});
}

// Load and fault test (small bounds): only with DATABASE_URL set (CI) and PostgreSQL's server
// binaries at hand, since it starts and stops its own throwaway server.
if (built) {
	const pgBin = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(path.join('/usr/lib/postgresql', v, 'bin', 'pg_ctl')));
	if (process.env.DATABASE_URL && pgBin) {
		const loadOk = await timed('load test', async () =>
			run('Load and fault test (small bounds)', process.execPath, [
				'--import',
				'tsx',
				'scripts/load-test.ts',
				'--readers',
				'10',
				'--editors',
				'4',
				'--seconds',
				'20',
				'--outage',
				'4'
			])
		);
		if (loadOk) passed += 1;
		else failed += 1;
		steps.push(['load and fault test', loadOk]);
	} else console.log(`\n=== Load and fault test skipped: ${process.env.DATABASE_URL ? 'no PostgreSQL server binaries in /usr/lib/postgresql' : 'DATABASE_URL is not set'}`);
}

// Known vulnerabilities of the production dependencies (high and critical), when the registry answers.
await timed('audit', async () => {
	console.log('\n=== npm audit --omit=dev (high and critical)');
	const audit = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
	let report;
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
});

finish();

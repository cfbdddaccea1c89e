// End-to-end tests against the production build (`node build`), with JavaScript on and off, in
// Debian's Chromium (never a downloaded browser). One server per worker (tests/e2e/servers.ts), each
// on its own database: scripts/test.mjs prepares them once and passes them through
// E2E_DATABASE_URLS or E2E_DATA_DIRS (comma-separated, one per worker); run alone, each server
// prepares its own temporary PGlite folder.
import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2E_WORKERS, e2eOrigins } from './tests/e2e/servers';
import { TEST_KEEP_ALIVE_SECONDS } from './tests/security/app-server';

const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);
const urls = list(process.env.E2E_DATABASE_URLS);
const dirs = list(process.env.E2E_DATA_DIRS);
const prepared = urls.length + dirs.length > 0;
if (prepared && Math.max(urls.length, dirs.length) < E2E_WORKERS) throw new Error(`E2E_WORKERS=${E2E_WORKERS} needs as many databases in E2E_DATABASE_URLS or E2E_DATA_DIRS`);

function databaseEnv(i: number): Record<string, string> {
	if (urls.length) return { DATABASE_URL: urls[i]! };
	return { JALONS_DATA_DIR: dirs[i] ?? mkdtempSync(path.join(tmpdir(), 'jalons-e2e-')) };
}
// The web servers must not inherit the unit tests' database.
const { DATABASE_URL: _ignored, ...inherited } = process.env;

// Debian's headless shell: the same Chromium build without the full browser's UI layers, about a
// third less CPU per page load than /usr/bin/chromium on this suite (bench/TEST-SUITE.md).
const chromium = {
	...devices['Desktop Chrome'],
	launchOptions: {
		executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium-headless-shell',
		args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	}
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	// A spec's tests run in order in one worker (some build on the previous one's writes); specs run side by side.
	fullyParallel: false,
	workers: E2E_WORKERS,
	retries: 0,
	forbidOnly: true,
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: { trace: 'off' },
	projects: [
		{ name: 'js', use: { ...chromium, javaScriptEnabled: true } },
		// Run once, not once per project: HTTP-only specs (*.http.e2e.ts: no browser page, their own server),
		// specs of pages that hold no script at all (*.once.e2e.ts: embeddable cards and badges) and tests
		// tagged @once (`ONCE` in tests/e2e/fixtures.ts: they read pages and post no form).
		{ name: 'nojs', testIgnore: ['**/*.http.e2e.ts', '**/*.once.e2e.ts'], grepInvert: /@once/, use: { ...chromium, javaScriptEnabled: false } }
	],
	webServer: e2eOrigins.map((origin, i) => ({
		// Playwright starts the web servers before globalSetup: an unprepared database is prepared in the same command.
		command: prepared ? 'node build/index.js' : 'node --import tsx scripts/e2e-prepare.ts && node build/index.js',
		url: `${origin}/`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'ignore' as const,
		stderr: 'pipe' as const,
		env: {
			...(inherited as Record<string, string>),
			...databaseEnv(i),
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: new URL(origin).port,
			ORIGIN: origin,
			JALONS_E2E: '1',
			// No scheduled job (link checks…) during the tests: their state is seeded instead.
			JALONS_JOBS: 'false',
			KEEP_ALIVE_TIMEOUT: TEST_KEEP_ALIVE_SECONDS
		}
	}))
});

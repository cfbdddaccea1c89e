// End-to-end tests against the production build (`node build`), with JavaScript on and off, in
// Debian's Chromium (never a downloaded browser). scripts/test.mjs prepares a fresh database and
// passes it through E2E_DATABASE_URL or E2E_DATA_DIR; run alone, a temporary PGlite folder is used.
import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;
const databaseEnv: Record<string, string> = process.env.E2E_DATABASE_URL
	? { DATABASE_URL: process.env.E2E_DATABASE_URL }
	: { JALONS_DATA_DIR: process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'jalons-e2e-')) };
// The web server must not inherit the unit tests' database.
const { DATABASE_URL: _ignored, ...inherited } = process.env;

const chromium = {
	...devices['Desktop Chrome'],
	launchOptions: {
		executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	}
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: true,
	timeout: 60_000,
	reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: { baseURL: origin, trace: 'off' },
	projects: [
		{ name: 'js', use: { ...chromium, javaScriptEnabled: true } },
		// HTTP-only specs (*.http.e2e.ts: no browser page, their own server) run once, not once per project.
		{ name: 'nojs', testIgnore: '**/*.http.e2e.ts', use: { ...chromium, javaScriptEnabled: false } }
	],
	webServer: {
		// Playwright starts the web server before globalSetup: the database is prepared in the same command.
		command: 'node --import tsx scripts/e2e-prepare.ts && node build/index.js',
		url: `${origin}/`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			...(inherited as Record<string, string>),
			...databaseEnv,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			JALONS_E2E: '1'
		}
	}
});

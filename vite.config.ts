import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { dsfrPurge } from './src/lib/styles/dsfr-purge.ts';
import { publicScript } from './src/lib/public-script/build.ts';

export default defineConfig(({ command }) => ({
	plugins: [sveltekit(), publicScript()],
	// Production builds only: in development the DSFR stays whole, so a class just written works at once
	// (the end-to-end tests run on the build, and would show a rule that the build dropped).
	css: command === 'build' ? { postcss: { plugins: [dsfrPurge()] } } : undefined,
	test: {
		// Migrates once into templates that every integration file copies (its own database each).
		globalSetup: ['tests/setup/database-templates.ts'],
		// Files share no data (own database, port 0 servers, own temporary folders): run them side by
		// side. Two on a 2-core machine, since much of a file's time is spent waiting on its database.
		fileParallelism: true,
		maxWorkers: Math.max(2, availableParallelism()),
		testTimeout: 60_000,
		hookTimeout: 120_000,
		expect: { requireAssertions: true },
		// Absolute links come from ORIGIN (src/lib/server/config.ts); the tests' requests are addressed to it.
		env: { ORIGIN: 'http://jalons.test' },
		// Loading the app's modules again for every file is about half of the suite's CPU time, so files
		// share a worker's modules, except those that mock one: a mock lives in the module registry.
		projects: [
			{ extends: true, test: { name: 'shared', include: testFiles.filter((file) => !mocksModules(file)), isolate: false } },
			{ extends: true, test: { name: 'isolated', include: testFiles.filter(mocksModules), isolate: true } }
		]
	}
}));

const testFiles = [...filesUnder('src', '.spec.ts'), ...filesUnder('tests/unit', '.test.ts'), ...filesUnder('tests/integration', '.test.ts')];

function filesUnder(folder: string, suffix: string): string[] {
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith(suffix))
		.map((name) => path.join(folder, name));
}

function mocksModules(file: string): boolean {
	return /\bvi\.(mock|doMock)\(/.test(readFileSync(file, 'utf8'));
}

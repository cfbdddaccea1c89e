import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { dsfrPurge } from './src/lib/styles/dsfr-purge';

export default defineConfig(({ command }) => ({
	plugins: [sveltekit()],
	// Production builds only: in development the DSFR stays whole, so a class just written works at once
	// (the end-to-end tests run on the build, and would show a rule that the build dropped).
	css: command === 'build' ? { postcss: { plugins: [dsfrPurge()] } } : undefined,
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		// Migrates once into templates that every integration file copies (its own database each).
		globalSetup: ['tests/setup/database-templates.ts'],
		// Files share nothing (own database, port 0 servers, own temporary folders): run them side by
		// side. Two on a 2-core machine, since much of a file's time is spent waiting on its database.
		fileParallelism: true,
		maxWorkers: Math.max(2, availableParallelism()),
		testTimeout: 60_000,
		hookTimeout: 120_000,
		expect: { requireAssertions: true },
		// Absolute links come from ORIGIN (src/lib/server/config.ts); the tests' requests are addressed to it.
		env: { ORIGIN: 'http://jalons.test' }
	}
}));

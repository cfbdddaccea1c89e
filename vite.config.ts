import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		// Integration tests share one database server: run files one after another.
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000,
		expect: { requireAssertions: true },
		// Absolute links come from ORIGIN (src/lib/server/config.ts); the tests' requests are addressed to it.
		env: { ORIGIN: 'http://jalons.test' }
	}
});

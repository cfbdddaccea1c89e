// One web server per Playwright worker, each on its own database, so that a spec that writes never
// sees another worker's writes. Shared by playwright.config.ts (which starts them) and the fixtures
// (which point each worker at its own): both read the same environment.
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2) || 1);
const basePort = Number(process.env.E2E_PORT ?? 4173);

/** Worker i's server listens on E2E_PORT + i. */
export const e2eOrigins: string[] = Array.from({ length: E2E_WORKERS }, (_, i) => `http://127.0.0.1:${basePort + i}`);

/** The server of the worker slot running the current test (parallelIndex is below the worker count). */
export function originFor(parallelIndex: number): string {
	return e2eOrigins[parallelIndex % e2eOrigins.length]!;
}

/**
 * A migrated and seeded database that no server uses (scripts/test.mjs prepares it next to the
 * workers' ones): the HTTP specs' own servers start on a copy of it instead of a throwaway
 * PostgreSQL server. Unset when Playwright runs on its own.
 */
export const E2E_TEMPLATE_DATABASE_URL: string | undefined = process.env.E2E_TEMPLATE_DATABASE_URL || undefined;

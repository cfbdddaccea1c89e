import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { originFor } from './servers';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * axe-core on the current page (RGAA-relevant WCAG A/AA rules): zero violations expected.
 * axe needs to run script in the page; for the JavaScript-off project it audits the same URL in a
 * scripting context whose own scripts are all blocked, which is the DOM a no-JS visitor gets.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	let target = page;
	let close = async () => {};
	if (base.info().project.use.javaScriptEnabled === false) {
		const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
		await context.route(/\.m?js(\?.*)?$/, (route) => route.abort());
		await context.addInitScript(() => {
			// Inline bootstrap scripts of the page itself are blocked too.
			document.addEventListener('beforescriptexecute', (event) => event.preventDefault(), true);
		});
		target = await context.newPage();
		await target.goto(page.url());
		close = () => context.close();
	}
	try {
		const results = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze();
		const summary = results.violations.map(
			(v) =>
				`${v.id}: ${v.help} (${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(', ')})`
		);
		expect(summary).toEqual([]);
	} finally {
		await close();
	}
}

/** Each worker talks to its own server and database (see servers.ts); contexts a test opens itself inherit it. */
export const test = base.extend({
	// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
	baseURL: async ({}, use, testInfo) => use(originFor(testInfo.parallelIndex))
});

/** The origin of this test's server, for forged requests that must carry it. */
export function serverOrigin(): string {
	return originFor(base.info().parallelIndex);
}
export { expect };

/** The demo accounts that scripts/e2e-prepare.ts creates on the end-to-end database. */
export const ACCOUNTS = {
	admin: { email: 'admin@jalons.example', password: 'demo-admin-jalons' },
	label: { email: 'label@jalons.example', password: 'demo-redaction-label' },
	pole: { email: 'pole@jalons.example', password: 'demo-redaction-pole' },
	amdac: { email: 'amdac@jalons.example', password: 'demo-amdac-jalons' },
	council: { email: 'conseil@jalons.example', password: 'demo-conseil-jalons' }
} as const;

/** Signs in through the login form (works with JavaScript on and off). */
export async function signIn(page: Page, account: { email: string; password: string }, next = '/'): Promise<void> {
	// With JavaScript, a click before hydration can be lost on a loaded machine: wait for the
	// page's scripts (and so use:enhance) to be in place first.
	await page.goto(`/connexion?redirectTo=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
	await page.getByLabel('Adresse électronique').fill(account.email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible({ timeout: 15_000 });
}

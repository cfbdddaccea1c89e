import { test as base, devices, expect, type APIRequestContext, type Browser, type BrowserContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { parse, type HTMLElement } from 'node-html-parser';
import { originFor } from './servers';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * The page a no-JavaScript visitor gets, as axe sees it. axe runs script in the page, which a
 * JavaScript-off context cannot do: one JavaScript-on context per worker (kept open) is served the
 * exact DOM of the audited page (whatever led to it, a form post included) under a CSP that forbids
 * every script, while its styles and images come from the server as usual.
 */
const auditPages = new WeakMap<Browser, Promise<{ page: Page; serve(html: string): void }>>();

function auditPageFor(browser: Browser): Promise<{ page: Page; serve(html: string): void }> {
	let audit = auditPages.get(browser);
	if (!audit) {
		audit = (async () => {
			const context = await browser.newContext({ javaScriptEnabled: true });
			let html = '';
			await context.route('**/*', (route) => {
				const request = route.request();
				if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
					return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "script-src 'none'" }, body: html });
				}
				// Scripts would not run anyway (CSP): not fetched either.
				return request.resourceType() === 'script' ? route.abort() : route.continue();
			});
			const page = await context.newPage();
			return { page, serve: (next: string) => void (html = next) };
		})();
		auditPages.set(browser, audit);
	}
	return audit;
}

/**
 * Marks a test that runs in the `js` project only (playwright.config.ts): it reads server-rendered
 * pages, follows links or sends plain requests, and posts no form, so a run with JavaScript off would
 * load the same HTML again for nothing. Its axe scans also audit that HTML with no script running,
 * which is what the `nojs` run would have checked. Every form flow keeps its run without JavaScript.
 */
export const ONCE = { tag: '@once' };

/** The `html` given, served in place of `url` to this worker's audit page, where no script runs. */
async function withoutScripts(page: Page, url: string, html: string): Promise<Page> {
	const audit = await auditPageFor(page.context().browser()!);
	const viewport = page.viewportSize();
	if (viewport) await audit.page.setViewportSize(viewport);
	audit.serve(html);
	await audit.page.goto(url);
	return audit.page;
}

async function violations(target: Page): Promise<string[]> {
	// axe.run in the page itself ("legacy" mode: the pages have no frames to combine), which spares a
	// blank page per scan; only violations are detailed. The same rules, a third of the time.
	const results = await new AxeBuilder({ page: target })
		.withTags(AXE_TAGS)
		.options({ resultTypes: ['violations'] })
		.setLegacyMode()
		.analyze();
	return results.violations.map(
		(v) =>
			`${v.id}: ${v.help} (${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(', ')})`
	);
}

/**
 * axe-core on the current page (RGAA-relevant WCAG A/AA rules): zero violations expected. With
 * JavaScript on, the live page once settled; with JavaScript off, the same DOM in a context where
 * no script runs (see auditPageFor), at the same viewport. In a test marked ONCE, both: the live page,
 * then the server's HTML for the same address (with the page's cookies) where no script runs.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const info = base.info();
	if (info.project.use.javaScriptEnabled === false) {
		expect(await violations(await withoutScripts(page, page.url(), await page.content()))).toEqual([]);
		return;
	}
	// With JavaScript, the page as a visitor meets it, not halfway through the DSFR's start.
	await settled(page);
	expect(await violations(page)).toEqual([]);
	if (info.tags.includes(ONCE.tag)) {
		const response = await page.request.get(page.url(), { headers: { accept: 'text/html' } });
		expect(await violations(await withoutScripts(page, page.url(), await response.text())), 'without JavaScript').toEqual([]);
	}
}

export type Account = { readonly email: string; readonly password: string };
type Cookie = Awaited<ReturnType<BrowserContext['cookies']>>[number];

/** Signs in through the login action over HTTP, as the form posts it; returns the session cookie. */
async function signInOverHttp(playwright: PlaywrightWorkerArgs['playwright'], origin: string, account: Account): Promise<Cookie[]> {
	const api = await playwright.request.newContext({
		baseURL: origin,
		extraHTTPHeaders: { origin, accept: 'text/html' },
		userAgent: devices['Desktop Chrome'].userAgent,
		maxRedirects: 0
	});
	try {
		const response = await api.post('/connexion?/login', { form: { email: account.email, password: account.password, redirectTo: '/' } });
		if (response.status() !== 303) throw new Error(`Sign-in of ${account.email} over HTTP answered ${response.status()}, not 303`);
		const { cookies } = await api.storageState();
		if (!cookies.some((cookie) => cookie.name === 'jalons_session')) throw new Error(`Sign-in of ${account.email} over HTTP set no session cookie`);
		return cookies;
	} finally {
		await api.dispose();
	}
}

/**
 * Sessions shared by a worker's tests, one per account (and slot): signed in once, on first use, on
 * the worker's own server and database. A test that signs out, changes a password or revokes
 * sessions must sign in on its own (`signIn`), never with these.
 */
export type Sessions = { cookies(account: Account, slot?: number): Promise<Cookie[]> };

type WorkerFixtures = { sessions: Sessions };

type TestFixtures = {
	/**
	 * Signs `page`'s browser context in as `account` with this worker's shared session (no form, no
	 * navigation: the next page loaded is signed in). `slot` gives another session of the same
	 * account, for two people on one account in two contexts.
	 */
	signInAs: (page: Page, account: Account, options?: { slot?: number }) => Promise<void>;
};

/** Each worker talks to its own server and database (see servers.ts); contexts a test opens itself inherit it. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
	// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
	baseURL: async ({}, use, testInfo) => use(originFor(testInfo.parallelIndex)),
	sessions: [
		async ({ playwright }, use, workerInfo) => {
			const origin = originFor(workerInfo.parallelIndex);
			const cache = new Map<string, Promise<Cookie[]>>();
			await use({
				cookies(account, slot = 0) {
					const key = `${account.email} ${slot}`;
					let cookies = cache.get(key);
					if (!cookies) {
						cookies = signInOverHttp(playwright, origin, account);
						cache.set(key, cookies);
						cookies.catch(() => cache.delete(key));
					}
					return cookies;
				}
			});
		},
		{ scope: 'worker' }
	],
	signInAs: async ({ sessions }, use) => {
		await use(async (page, account, options = {}) => {
			await page.context().addCookies(await sessions.cookies(account, options.slot));
		});
	}
});

/** The origin of this test's server, for forged requests that must carry it. */
export function serverOrigin(): string {
	return originFor(base.info().parallelIndex);
}
export { expect };

/**
 * A page as the server sends it (what a crawler or a reader without JavaScript receives), parsed,
 * without a browser page load: for checks of server-rendered content over many URLs, where a browser
 * would add nothing but its CPU. One browser load of the same kind of page keeps what only a
 * browser shows (visibility, axe). `text` is the body's text with whitespace collapsed.
 */
export async function fetchPage(request: APIRequestContext, path: string): Promise<{ status: number; document: HTMLElement; text: string }> {
	const response = await request.get(path, { headers: { accept: 'text/html' }, maxRedirects: 0 });
	const document = parse(await response.text());
	return { status: response.status(), document, text: (document.querySelector('body')?.text ?? '').replace(/\s+/g, ' ') };
}

/** The demo accounts that scripts/e2e-prepare.ts creates on the end-to-end database. */
export const ACCOUNTS = {
	admin: { email: 'admin@jalons.example', password: 'demo-admin-jalons' },
	label: { email: 'label@jalons.example', password: 'demo-redaction-label' },
	pole: { email: 'pole@jalons.example', password: 'demo-redaction-pole' },
	amdac: { email: 'amdac@jalons.example', password: 'demo-amdac-jalons' },
	council: { email: 'conseil@jalons.example', password: 'demo-conseil-jalons' }
} as const;

/**
 * With JavaScript, waits until the page has settled: Svelte has hydrated it (a click before would be
 * lost, a choice reset), then the DSFR script, which the root layout starts only after hydration (on
 * public pages, which are not hydrated, their standalone script starts it), has set up its components (the header menu is the last one it adapts to the screen width, one
 * animation frame later). Without JavaScript, there is nothing to wait for.
 */
export async function settled(page: Page): Promise<void> {
	if (base.info().project.use.javaScriptEnabled === false) return;
	await page.waitForFunction(
		() => document.documentElement.hasAttribute('data-fr-js') && (document.getElementById('menu-compte')?.hasAttribute('data-fr-js-header-modal') ?? true)
	);
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Signs in through the login form (works with JavaScript on and off), then lands on `next`. Kept
 * for the scenarios that test the form itself or need a session of their own; the others use the
 * worker's shared sessions (`signInAs`).
 */
export async function signIn(page: Page, account: Account, next = '/'): Promise<void> {
	await page.goto(`/connexion?redirectTo=${encodeURIComponent(next)}`);
	// With JavaScript, a click before hydration would be lost: wait for the page's scripts first.
	await settled(page);
	await page.getByLabel('Adresse électronique').fill(account.email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible({ timeout: 15_000 });
}

// The CSS a page waits for before its first paint stays small (issue 13, mobile): the production build
// trims the DSFR stylesheet with PurgeCSS (src/lib/styles/dsfr-purge.ts). These check the budget, that the
// rules only the DSFR's script or a class built at runtime use were kept, and that the dark theme, which
// the DSFR script switches on, still paints dark. Run once (the js project): the stylesheets are the same
// with JavaScript off, and the axe audits of the other specs check the pages' contrast in both projects.
// They also check that the JavaScript stays off the first paint's path: no module preloads, only the DSFR parts used,
// no hydration of public pages (one small standalone script instead, which imports nothing before the first paint),
// and that the swap from the fallback font to Marianne moves nothing.
import { test, expect, settled } from './fixtures';
import { RENDER_BLOCKING_CSS_BUDGET, brotli, renderBlockingStylesheets } from '../../scripts/lib/render-blocking';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';
const PAGES = ['/', '/en', `${PLAN}/mesures`, `${PLAN}/mesures/2.2`];

test('render-blocking CSS of the dashboard, the list and a measure page stays under the budget', async ({ request, baseURL }) => {
	for (const path of PAGES) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const html = await response.text();
		const stylesheets = renderBlockingStylesheets(html, new URL(path, baseURL).href);
		expect(stylesheets.length, `stylesheets in the <head> of ${path}:\n${html.slice(0, html.indexOf('<body'))}`).toBeGreaterThan(0);
		let total = 0;
		for (const url of stylesheets) {
			const css = await request.get(url);
			expect(css.status(), url).toBe(200);
			total += brotli(await css.body());
		}
		// The DSFR is there (core, header, footer…), but trimmed.
		expect(total, `render-blocking CSS of ${path}, brotli`).toBeGreaterThan(8 * 1024);
		expect(total, `render-blocking CSS of ${path}, brotli`).toBeLessThanOrEqual(RENDER_BLOCKING_CSS_BUDGET);
	}
});

test('the trimmed stylesheet keeps what the DSFR script and runtime class names use', async ({ request, baseURL }) => {
	const html = await (await request.get('/')).text();
	const css = (await Promise.all(renderBlockingStylesheets(html, baseURL! + '/').map(async (url) => (await request.get(url)).text()))).join('\n');
	// Set by the DSFR script: menus and the language selector (collapse), the account and header modals, the dark theme.
	for (const selector of ['.fr-collapse--expanded', '.fr-modal--opened', '[data-fr-theme=dark]']) {
		expect(css, selector).toContain(selector);
	}
	// Built from a value in PlanStatusBadge (`fr-badge--{kind}`), safelisted by pattern.
	for (const kind of ['success', 'info', 'warning']) expect(css).toContain(`.fr-badge--${kind}`);
	// Components no page uses are gone.
	for (const unused of ['.fr-sidemenu', '.fr-accordion', '.fr-tabs']) expect(css, unused).not.toContain(unused);
});

test('the dark theme still paints the page dark, and the light one light', async ({ browser, baseURL }) => {
	const luminance = (rgb: string) => {
		const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
		return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
	};
	for (const colorScheme of ['dark', 'light'] as const) {
		const context = await browser.newContext({ baseURL, colorScheme, javaScriptEnabled: true });
		try {
			const page = await context.newPage();
			await page.goto('/');
			await settled(page);
			await expect(page.locator('html')).toHaveAttribute('data-fr-theme', colorScheme);
			const colours = await page.evaluate(() => ({
				background: getComputedStyle(document.body).backgroundColor,
				text: getComputedStyle(document.querySelector('h1')!).color
			}));
			if (colorScheme === 'dark') {
				expect(luminance(colours.background), colours.background).toBeLessThan(0.25);
				expect(luminance(colours.text), colours.text).toBeGreaterThan(0.75);
			} else {
				expect(luminance(colours.background), colours.background).toBeGreaterThan(0.9);
				expect(luminance(colours.text), colours.text).toBeLessThan(0.3);
			}
		} finally {
			await context.close();
		}
	}
});

test('only the stylesheet is announced early: no JavaScript module competes with it for the bandwidth', async ({ request }) => {
	for (const path of PAGES) {
		const link = (await request.get(path)).headers()['link'] ?? '';
		expect(link, path).toMatch(/rel="preload"; as="style"/);
		expect(link, path).not.toContain('modulepreload');
	}
});

test('the DSFR script that runs holds only the components the pages use', async ({ page }) => {
	const scripts: Promise<string>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script') scripts.push(response.text());
	});
	await page.goto(`${PLAN}/mesures`);
	await settled(page);
	// Started: the header's menu is wired, and the list's filters' checkboxes too.
	await expect(page.locator('html')).toHaveAttribute('data-fr-js', 'true');
	await expect(page.locator('[data-fr-js-header-modal]')).toHaveCount(1);
	await expect(page.locator('[data-fr-js-checkbox-input]').first()).toBeAttached();
	const code = (await Promise.all(scripts)).join('\n');
	const present = (names: string[]) => names.filter((name) => code.includes(name));
	expect(present(['CheckboxInput', 'HeaderModal'])).toEqual(['CheckboxInput', 'HeaderModal']);
	expect(present(['AccordionsGroup', 'TabPanel', 'SidemenuItem', 'RangeInput'])).toEqual([]);
});

test('public pages are not hydrated: their one script is the standalone one; sign-in still hydrates', async ({ request }) => {
	for (const path of PAGES) {
		const html = await (await request.get(path)).text();
		const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
		expect(scripts, path).toEqual([expect.stringMatching(/^<script type="module" src="\/_app\/public\.js\?v=[^"]+" fetchpriority="low">$/)]);
		// No page data for SvelteKit's client, which only hydration would read.
		expect(html, path).not.toContain('__sveltekit');
	}
	expect(await (await request.get('/connexion')).text()).toContain('__sveltekit');
});

test('the public script fetches nothing with itself, and the DSFR only after `load`', async ({ page, request }) => {
	const script = await (await request.get('/_app/public.js')).text();
	// A static import is fetched with the script, at high priority, while the stylesheet is still loading.
	expect(script).not.toMatch(/\bfrom\s*["'`]|\bimport\s*["'`]/);
	for (const path of PAGES) {
		await page.goto(path);
		await settled(page);
		const timing = await page.evaluate(() => {
			const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			const dsfr = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/_app/public-dsfr.js');
			return { load: navigation.loadEventEnd, dsfr: dsfr?.startTime ?? null };
		});
		expect(timing.dsfr, path).not.toBeNull();
		expect(timing.dsfr!, path).toBeGreaterThanOrEqual(timing.load);
	}
});

test('the text takes the same room in the fallback font as in Marianne: the swap moves nothing', async ({ browser, baseURL }) => {
	const tops = async (path: string, fonts: boolean) => {
		const context = await browser.newContext({ baseURL, viewport: { width: 412, height: 823 }, javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			if (!fonts) await page.route(/\.woff2?$/, (route) => route.abort());
			await page.goto(path);
			await page.evaluate(() => document.fonts.ready);
			const usesMarianne = await page.evaluate(() => [...document.fonts].some((face) => face.family === 'Marianne' && face.status === 'loaded'));
			expect(usesMarianne, `${path}: Marianne loaded`).toBe(fonts);
			return await page.locator('main h1, main h2, main p').evaluateAll((blocks) => blocks.slice(0, 20).map((block) => Math.round(block.getBoundingClientRect().top)));
		} finally {
			await context.close();
		}
	};
	for (const path of PAGES) {
		const fallback = await tops(path, false);
		expect(fallback.length, path).toBeGreaterThan(5);
		expect(fallback, path).toEqual(await tops(path, true));
	}
});

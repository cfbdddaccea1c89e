// Embeddable progress (issue 14), as another site meets it: a page served by this test on another
// origin (another host name and port) holds the card's <iframe> and the badge's <img>, copied from
// the "embed this" box of the measure page; the card renders in the frame, the badge loads. Framing
// stays refused everywhere else: over HTTP on a list of public and signed-in routes, and in the browser.
// Cards and badges hold no script at all, so these run once (the js project: `*.once.e2e.ts`); the
// embed box, which has a copy button with JavaScript, is in embed.e2e.ts, run with and without.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, serverOrigin, ACCOUNTS } from './fixtures';

const SLUG = 'plan-action-logiciels-libres-et-communs-numeriques';
const PLAN = `/plans/${SLUG}`;
const MEASURE = `${PLAN}/mesures/2.2`;
// The shared audit's rules (fixtures.ts).
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let host: Server;
let hostOrigin: string;
let hostPage = '';

test.beforeAll(async () => {
	// "localhost" and a port of its own: a different origin from the app's http://127.0.0.1:<port>.
	host = createServer((request, response) => {
		response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
		response.end(hostPage);
	});
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
	await new Promise((resolve) => host?.close(resolve));
});

const otherSite = (body: string) =>
	`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Le site d’un ministère</title></head><body><h1>Nos engagements</h1>${body}</body></html>`;

test('on another site, the card renders in its frame without a script and the badge loads', async ({ page }) => {
	await page.goto(MEASURE);
	const box = page.getByRole('region', { name: 'Intégrer cette mesure' });
	const card = await box.getByLabel('Carte (à coller dans une page HTML)').inputValue();
	const badge = await box.getByLabel('Badge (image)').inputValue();
	await page.goto(PLAN);
	const planBox = page.getByRole('region', { name: 'Intégrer ce plan' });
	const planCard = await planBox.getByLabel('Carte (à coller dans une page HTML)').inputValue();
	const planBadge = await planBox.getByLabel('Badge (image)').inputValue();

	hostPage = otherSite(`${card}${badge}${planCard}${planBadge}`);
	await page.goto(hostOrigin);
	const frames = page.locator('iframe');
	await expect(frames).toHaveCount(2);
	const measureFrame = page.frameLocator('iframe').first();
	await expect(measureFrame.getByRole('heading', { level: 1 })).toContainText('Mesure 2.2 – ');
	await expect(measureFrame.getByText(/^Avancement\s:/)).toBeVisible();
	const link = measureFrame.getByRole('link', { name: 'Voir la mesure sur Jalons – nouvelle fenêtre' });
	// The hidden words are spaced from the visible ones: a screen reader does not read "Jalons–nouvelle".
	await expect(link).toHaveText('Voir la mesure sur Jalons – nouvelle fenêtre');
	await expect(link).toHaveAttribute('href', `${serverOrigin()}${MEASURE}`);
	await expect(link).toHaveAttribute('target', '_blank');
	await expect(link).toHaveAttribute('rel', 'noopener');
	await expect(page.frameLocator('iframe').nth(1).getByRole('heading', { level: 1 })).toHaveText('Plan d’action logiciels libres et communs numériques');
	// Both badges loaded as images (an SVG refused or broken has no natural width).
	const images = page.locator('img');
	await expect(images).toHaveCount(2);
	for (const image of await images.all()) {
		await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(100);
	}
	// No script at all in the framed card: none in its HTML, none loaded.
	const cardFrame = page.frames().find((f) => f.url().endsWith(`/integrer${MEASURE}`));
	expect(cardFrame, 'the card’s frame').toBeTruthy();
	expect(await cardFrame!.content()).not.toMatch(/<script/i);
});

test('the badges’ boxes hold their text as the browser draws it, in French and in English', async ({ page }) => {
	for (const path of [`${MEASURE}/badge.svg`, `${MEASURE}/badge.svg?lang=en`, `${PLAN}/badge.svg`, `${PLAN}/badge.svg?lang=en`]) {
		await page.goto(path);
		const fits = await page.evaluate(() => {
			const rects = [...document.querySelectorAll('rect')];
			return [...document.querySelectorAll('text')].map((text, i) => {
				const box = text.getBBox();
				const rect = rects[i]!;
				const left = Number(rect.getAttribute('x'));
				const right = left + Number(rect.getAttribute('width'));
				return { text: text.textContent, margin: Math.min(box.x - left, right - (box.x + box.width)) };
			});
		});
		expect(fits.length, path).toBeGreaterThanOrEqual(2);
		for (const fit of fits) expect(fit.margin, `${path}: ${fit.text}`).toBeGreaterThanOrEqual(4);
	}
});

test('the card on its own: accessible, in the right language, the link marked as opening a new window', async ({ page, browser }) => {
	const response = await page.goto(`/integrer${MEASURE}`);
	expect(response?.status()).toBe(200);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('banner')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Voir la mesure sur Jalons – nouvelle fenêtre' })).toBeVisible();
	await page.goto(`/en/integrer${PLAN}`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'See the plan on Jalons – new window' })).toHaveAttribute('href', `${serverOrigin()}/en${PLAN}`);
	// The card has no script, so its DOM is the same with JavaScript on or off: axe runs in a context
	// where it can (the shared helper waits for the site's scripts, which a card never starts).
	const context = await browser.newContext({ javaScriptEnabled: true });
	try {
		const audit = await context.newPage();
		for (const path of [`/integrer${MEASURE}`, `/en/integrer${MEASURE}`, `/integrer${PLAN}`, `/en/integrer${PLAN}`]) {
			await audit.goto(serverOrigin() + path);
			const results = await new AxeBuilder({ page: audit })
				.withTags(AXE_TAGS)
				.options({ resultTypes: ['violations'] })
				.analyze();
			expect(
				results.violations.map((v) => `${v.id}: ${v.help}`),
				path
			).toEqual([]);
		}
	} finally {
		await context.close();
	}
});

test('every other page refuses to be framed: a framed measure page stays empty', async ({ page }) => {
	hostPage = otherSite(
		`<iframe name="carte" src="${serverOrigin()}/integrer${MEASURE}" title="carte"></iframe><iframe name="page" src="${serverOrigin()}${MEASURE}" title="page"></iframe>`
	);
	const refused = page.waitForResponse((r) => r.url() === `${serverOrigin()}${MEASURE}`);
	await page.goto(hostOrigin);
	expect((await refused).headers()['x-frame-options']).toBe('DENY');
	await expect(page.frameLocator('iframe[name="carte"]').getByRole('heading', { level: 1 })).toContainText('Mesure 2.2');
	// Chromium replaces a refused frame's document with its own error page: nothing of the measure shows.
	await expect.poll(() => page.frame({ name: 'page' })?.url()).toBe('chrome-error://chromewebdata/');
	await expect(page.frameLocator('iframe[name="page"]').getByRole('heading', { name: /Mesure 2\.2/ })).toHaveCount(0);
});

test('over HTTP: only the cards allow framing; badges and cards are cacheable, cookie-free and script-free', async ({ request }) => {
	const refusing = [
		'/',
		PLAN,
		MEASURE,
		`/en${MEASURE}`,
		`${MEASURE}/historique`,
		`${PLAN}/mesures`,
		`/donnees/${SLUG}`,
		'/connexion',
		'/compte',
		'/admin/plans',
		'/admin/utilisateurs',
		`${MEASURE}/modifier`,
		'/api/v1/plans',
		`/flux/${SLUG}.atom`,
		`${MEASURE}/badge.svg`,
		`/oembed?url=${encodeURIComponent(serverOrigin() + MEASURE)}`,
		'/page-qui-n-existe-pas',
		'/integrer/plans/plan-qui-n-existe-pas/mesures/1.1/au-dela'
	];
	for (const path of refusing) {
		const response = await request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBeLessThan(500);
		expect(response.headers()['x-frame-options'], path).toBe('DENY');
		expect(response.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
	}
	for (const path of [`/integrer${MEASURE}`, `/integrer${PLAN}`, `/en/integrer${MEASURE}`, `/en/integrer${PLAN}`]) {
		const response = await request.get(path, { headers: { accept: 'text/html' } });
		expect(response.status(), path).toBe(200);
		const headers = response.headers();
		expect(headers['x-frame-options'], path).toBeUndefined();
		expect(headers['content-security-policy'], path).toContain('frame-ancestors *');
		expect(headers['content-security-policy'], path).not.toContain("frame-ancestors 'none'");
		expect(headers['set-cookie'], path).toBeUndefined();
		expect(headers['cache-control'], path).toMatch(/^public,/);
		const html = await response.text();
		expect(html, path).not.toMatch(/<script|modulepreload/i);
		expect(html, path).toContain(`<html lang="${path.startsWith('/en/') ? 'en' : 'fr'}"`);
		const again = await request.get(path, { headers: { accept: 'text/html', 'if-none-match': headers.etag! } });
		expect(again.status(), path).toBe(304);
	}
	for (const path of [`${MEASURE}/badge.svg`, `${PLAN}/badge.svg`, `${MEASURE}/badge.svg?lang=en`]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const headers = response.headers();
		expect(headers['content-type'], path).toBe('image/svg+xml; charset=utf-8');
		expect(headers['set-cookie'], path).toBeUndefined();
		expect(headers['cache-control'], path).toMatch(/^public,/);
		const svg = await response.text();
		expect(svg, path).toContain('role="img"');
		expect(svg, path).toMatch(/<title id="titre">[^<]+<\/title>/);
		const again = await request.get(path, { headers: { 'if-none-match': headers.etag! } });
		expect(again.status(), path).toBe(304);
	}
});

test('signed in, a badge or a card is still the public answer: no session read, no cookie set, shareable', async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.admin);
	// The session is live: the measure page is private to its reader.
	expect((await page.request.get(MEASURE)).headers()['cache-control']).toBe('private, no-store');
	for (const path of [`${MEASURE}/badge.svg`, `/integrer${MEASURE}`]) {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['set-cookie'], path).toBeUndefined();
		expect(response.headers()['cache-control'], path).toMatch(/^public,/);
	}
});

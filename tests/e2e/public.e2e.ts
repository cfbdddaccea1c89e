import { test, expect, expectNoAxeViolations, settled, ONCE } from './fixtures';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';

test('the dashboard shows the real plan: 3 axes and 10 measures', ONCE, async ({ page }) => {
	const response = await page.goto('/');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan d’action logiciels libres et communs numériques');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	const axes = page.getByRole('heading', { level: 2 }).filter({ hasText: /^(Mieux connaître|Développer et accompagner|S’appuyer sur)/ });
	await expect(axes).toHaveCount(3);
	const measures = page.getByRole('heading', { level: 3 }).getByRole('link', { name: /^Mesure \d\.\d/ });
	await expect(measures).toHaveCount(10);
	await expect(page.getByText('Statut non renseigné').first()).toBeVisible();
	await expect(page.getByRole('link', { name: 'Contenu' })).toBeAttached();
	await expectNoAxeViolations(page);
});

test('a measure page shows its evidence, indicators and sourced updates', ONCE, async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: /^Mesure 2\.2 – / }).click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/mesures/2\\.2$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Mesure 2.2');
	const evidence = page.getByRole('region', { name: 'Preuves et liens' });
	await expect(evidence.getByRole('link')).toHaveCount(6);
	await expect(page.getByRole('table', { name: /Dépôts de code source publics/ })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'vous êtes ici :' })).toBeAttached();
	await expectNoAxeViolations(page);
});

test('a chart is drawn when it comes into view with JavaScript; without, its table stands in', async ({ page }, info) => {
	await page.goto(`${PLAN}/mesures/2.2`);
	await settled(page);
	const figure = page
		.locator('figure')
		.filter({ has: page.locator('canvas') })
		.first();
	await figure.scrollIntoViewIfNeeded();
	if (info.project.use.javaScriptEnabled) await expect(figure.locator('canvas')).toBeVisible();
	else await expect(figure.locator('canvas')).toBeHidden();
	await expect(page.getByRole('table', { name: /Dépôts de code source publics/ })).toBeVisible();
});

test('from a hydrated page, a link to a public page loads it from the server (public pages are not hydrated)', ONCE, async ({ page }) => {
	await page.goto('/connexion');
	await settled(page);
	await page.getByRole('banner').getByRole('link', { name: 'Jalons' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan d’action logiciels libres et communs numériques');
	// A document of its own, not the sign-in page's rendered anew by the router, with its own script.
	expect(await page.evaluate(() => new URL(performance.getEntriesByType('navigation')[0]!.name).pathname)).toBe('/');
	await settled(page);
});

test('the plan page is reachable by its slug', ONCE, async ({ page }) => {
	const response = await page.goto(PLAN);
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan d’action logiciels libres et communs numériques');
});

test('an unknown measure or plan is a real 404 page', ONCE, async ({ page }) => {
	for (const path of [`${PLAN}/mesures/9.9`, '/plans/inconnu', `${PLAN}/mesures/<script>`]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page non trouvée');
	}
	await expectNoAxeViolations(page);
});

test('the accessibility statement is linked from the footer', ONCE, async ({ page }) => {
	await page.goto('/');
	await page
		.getByRole('contentinfo')
		.getByRole('link', { name: /Accessibilité/ })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclaration d’accessibilité');
	await expectNoAxeViolations(page);
});

test('health and readiness endpoints answer for load balancers', ONCE, async ({ request }) => {
	const health = await request.get('/healthz');
	expect(health.status()).toBe(200);
	expect(await health.json()).toEqual({ status: 'ok' });
	const ready = await request.get('/readyz');
	expect(ready.status()).toBe(200);
	expect(await ready.json()).toEqual({ status: 'ready' });
});

test('sitemap and robots list the public pages', ONCE, async ({ request }) => {
	const sitemap = await request.get('/sitemap.xml');
	expect(sitemap.headers()['content-type']).toContain('application/xml');
	const body = await sitemap.text();
	expect(body).toContain('/plans/plan-action-logiciels-libres-et-communs-numeriques/mesures/3.3</loc>');
	expect(await (await request.get('/robots.txt')).text()).toContain('Sitemap: ');
});

test('security headers are sent on pages and on 404s', ONCE, async ({ request }) => {
	for (const path of ['/', '/nexiste-pas', '/healthz']) {
		const response = await request.get(path);
		const headers = response.headers();
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
		expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
		expect(headers['content-security-policy'], path).not.toMatch(/script-src[^;]*unsafe-inline/);
	}
});

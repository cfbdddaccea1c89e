// English interface under /en, language selector, hreflang/OpenGraph metadata and localized errors.
// Read-only: safe to run twice on the same database (js then nojs).
import { test, expect, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';
const PLAN_EN = 'Action plan for free software and digital commons';
const PLAN_FR = 'Plan d’action logiciels libres et communs numériques';

/** Opens the DSFR language selector in the header and follows one language. Without JavaScript
 *  the menu opens while its button has focus (CSS), which a click gives. */
async function switchLanguage(page: Page, selectorTitle: string, language: RegExp) {
	const tools = page.locator('.fr-header__tools');
	const button = tools.locator('.fr-translate__btn');
	await expect(button).toHaveAttribute('title', selectorTitle);
	await button.click();
	await tools.getByRole('link', { name: language }).click();
}

test('switching the dashboard and a measure page to English and back', async ({ page }) => {
	await page.goto('/');
	await switchLanguage(page, 'Sélectionner une langue', /^EN - English$/);
	await expect(page).toHaveURL(/\/en$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(PLAN_EN);
	// Interface text in English; untranslated plan content stays French and says so.
	await expect(page.getByRole('heading', { level: 2, name: 'Overall progress' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeAttached();
	await expect(page.locator('#axe-1 [lang="fr"]')).toHaveCount(1);
	await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Methodology' })).toHaveAttribute('href', '/en/methodologie');
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: /^Measure 2\.2/ }).click();
	await expect(page).toHaveURL(new RegExp(`/en${PLAN}/mesures/2\\.2$`));
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toContainText('Measure 2.2 – ');
	await expect(heading.locator('[lang="fr"]')).toHaveText('Développer la plateforme code.gouv.fr');
	await expect(page.getByRole('region', { name: 'Evidence and links' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'you are here:' }).getByRole('link', { name: PLAN_EN })).toHaveAttribute('href', `/en${PLAN}`);
	await expectNoAxeViolations(page);

	await switchLanguage(page, 'Select a language', /^FR - Français$/);
	await expect(page).toHaveURL(new RegExp(`${PLAN}/mesures/2\\.2$`));
	expect(new URL(page.url()).pathname.startsWith('/en')).toBe(false);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mesure 2.2 – Développer la plateforme code.gouv.fr');
	await expect(page.locator('main [lang="fr"]')).toHaveCount(0);
});

test('the language selector keeps the query string and marks the current language', async ({ page }) => {
	await page.goto(`/en${PLAN}?vue=liste`);
	const links = page.locator('.fr-header__tools .fr-translate__language');
	await expect(links.filter({ hasText: 'Français' })).toHaveAttribute('href', `${PLAN}?vue=liste`);
	await expect(links.filter({ hasText: 'English' })).toHaveAttribute('aria-current', 'true');
	await expect(links.filter({ hasText: 'Français' })).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(PLAN_EN);
});

test('every public page lists its French and English versions and carries OpenGraph tags', async ({ page, baseURL }) => {
	const pages: [string, string][] = [
		['/', '/en'],
		[PLAN, `/en${PLAN}`],
		[`${PLAN}/mesures/1.1`, `/en${PLAN}/mesures/1.1`],
		['/methodologie', '/en/methodologie'],
		['/accessibilite', '/en/accessibilite']
	];
	for (const [fr, en] of pages) {
		for (const [path, locale] of [[fr, 'fr'], [en, 'en']] as const) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			const head = page.locator('head');
			await expect(head.locator('link[rel="alternate"][hreflang="fr"]'), path).toHaveAttribute('href', `${baseURL}${fr}`);
			await expect(head.locator('link[rel="alternate"][hreflang="en"]'), path).toHaveAttribute('href', `${baseURL}${en}`);
			await expect(head.locator('link[rel="alternate"][hreflang="x-default"]'), path).toHaveAttribute('href', `${baseURL}${fr}`);
			await expect(head.locator('link[rel="canonical"]'), path).toHaveAttribute('href', `${baseURL}${path}`);
			await expect(head.locator('meta[property="og:url"]'), path).toHaveAttribute('content', `${baseURL}${path}`);
			await expect(head.locator('meta[property="og:locale"]'), path).toHaveAttribute('content', locale === 'fr' ? 'fr_FR' : 'en_GB');
			for (const property of ['og:title', 'og:description', 'og:type', 'og:site_name', 'og:image']) {
				await expect(head.locator(`meta[property="${property}"]`), `${path} ${property}`).toHaveAttribute('content', /\S/);
			}
			await expect(head.locator('meta[name="description"]'), path).toHaveAttribute('content', /\S/);
			await expect(page.locator('html'), path).toHaveAttribute('lang', locale);
			await expect(page, path).toHaveTitle(/ – Jalons$/);
		}
	}
	const image = await page.request.get('/og-image.png');
	expect(image.status()).toBe(200);
	expect(image.headers()['content-type']).toBe('image/png');
	const sitemap = await (await page.request.get('/sitemap.xml')).text();
	expect(sitemap).toContain(`<loc>${baseURL}/en${PLAN}/mesures/3.3</loc>`);
	expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${baseURL}/en${PLAN}/mesures/3.3"/>`);
});

test('English error pages: 404 in English, not indexed, API paths are not duplicated', async ({ page, request }) => {
	const response = await page.goto('/en/nexiste-pas');
	expect(response?.status()).toBe(404);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page.getByText('Error 404')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Home page' })).toHaveAttribute('href', '/en');
	await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
	await expectNoAxeViolations(page);
	expect((await request.get('/en/api/v1/plans')).status()).toBe(404);
	expect((await request.get('/api/v1/plans')).status()).toBe(200);
});

test('French stays the default and the French pages link in French', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(PLAN_FR);
	await expect(page.getByRole('link', { name: /^Mesure 1\.1/ })).toHaveAttribute('href', `${PLAN}/mesures/1.1`);
	await expect(page.locator('.fr-header__tools .fr-translate__btn')).toHaveAttribute('title', 'Sélectionner une langue');
});

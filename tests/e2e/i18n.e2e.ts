// English interface under /en, language selector, hreflang/OpenGraph metadata and localized errors;
// signed-in pages and server redirects that keep the visitor under /en; editing the English version.
// Safe to run twice on the same database (js then nojs): the only write uses a text unique to the run.
import { test, expect, expectNoAxeViolations, fetchPage, ACCOUNTS, settled, ONCE } from './fixtures';
import type { Page } from '@playwright/test';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';
const PLAN_EN = 'Action plan for free software and digital commons';
const PLAN_FR = 'Plan d’action logiciels libres et communs numériques';

/** Opens the DSFR language selector in the header and follows one language. Without JavaScript the
 *  selector is hidden and plain links to the other languages stand in for it. */
async function switchLanguage(page: Page, selectorTitle: string, language: RegExp) {
	const tools = page.locator('.fr-header__tools');
	const button = tools.locator('.fr-translate__btn');
	await expect(button).toHaveAttribute('title', selectorTitle);
	if (await button.isVisible()) {
		// The DSFR script toggles the menu: once the page has settled, open it unless it is open already,
		// and follow the link (again if a late script closed the menu in between).
		await settled(page);
		await expect(async () => {
			if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
			await tools.locator('.fr-translate__menu').getByRole('link', { name: language }).click({ timeout: 2000 });
		}).toPass();
	} else {
		await tools.locator('.jalons-nojs-languages').getByRole('link', { name: language }).click();
	}
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

	await page.getByRole('link', { name: /^Measure 2\.2 – / }).click();
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

test('the language selector keeps the query string and marks the current language', ONCE, async ({ page }) => {
	await page.goto(`/en${PLAN}?vue=liste`);
	const links = page.locator('.fr-header__tools .fr-translate__language');
	await expect(links.filter({ hasText: 'Français' })).toHaveAttribute('href', `${PLAN}?vue=liste`);
	await expect(links.filter({ hasText: 'English' })).toHaveAttribute('aria-current', 'true');
	await expect(links.filter({ hasText: 'Français' })).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(PLAN_EN);
});

test('every public page lists its French and English versions and carries OpenGraph tags', ONCE, async ({ page, baseURL }) => {
	const pages: [string, string][] = [
		['/', '/en'],
		[PLAN, `/en${PLAN}`],
		[`${PLAN}/mesures/1.1`, `/en${PLAN}/mesures/1.1`],
		['/methodologie', '/en/methodologie'],
		['/accessibilite', '/en/accessibilite']
	];
	for (const [fr, en] of pages) {
		for (const [path, locale] of [
			[fr, 'fr'],
			[en, 'en']
		] as const) {
			// The head is for crawlers and link previews, which read the HTML as sent: no browser needed.
			const { status, document } = await fetchPage(page.request, path);
			expect(status, path).toBe(200);
			const attribute = (selector: string, name: string) => document.querySelector(selector)?.getAttribute(name);
			expect(attribute('link[rel="alternate"][hreflang="fr"]', 'href'), path).toBe(`${baseURL}${fr}`);
			expect(attribute('link[rel="alternate"][hreflang="en"]', 'href'), path).toBe(`${baseURL}${en}`);
			expect(attribute('link[rel="alternate"][hreflang="x-default"]', 'href'), path).toBe(`${baseURL}${fr}`);
			expect(attribute('link[rel="canonical"]', 'href'), path).toBe(`${baseURL}${path}`);
			expect(attribute('meta[property="og:url"]', 'content'), path).toBe(`${baseURL}${path}`);
			expect(attribute('meta[property="og:locale"]', 'content'), path).toBe(locale === 'fr' ? 'fr_FR' : 'en_GB');
			for (const property of ['og:title', 'og:description', 'og:type', 'og:site_name', 'og:image']) {
				expect(attribute(`meta[property="${property}"]`, 'content'), `${path} ${property}`).toMatch(/\S/);
			}
			expect(attribute('meta[name="description"]', 'content'), path).toMatch(/\S/);
			expect(attribute('html', 'lang'), path).toBe(locale);
			expect(document.querySelector('title')?.text, path).toMatch(/ – Jalons$/);
		}
	}
	const image = await page.request.get('/og-image.png');
	expect(image.status()).toBe(200);
	expect(image.headers()['content-type']).toBe('image/png');
	const sitemap = await (await page.request.get('/sitemap.xml')).text();
	expect(sitemap).toContain(`<loc>${baseURL}/en${PLAN}/mesures/3.3</loc>`);
	expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${baseURL}/en${PLAN}/mesures/3.3"/>`);
});

test('English error pages: 404 in English, not indexed, API paths are not duplicated', ONCE, async ({ page, request }) => {
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

test('French stays the default and the French pages link in French', ONCE, async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(PLAN_FR);
	await expect(page.getByRole('link', { name: /^Mesure 1\.1 – / })).toHaveAttribute('href', `${PLAN}/mesures/1.1`);
	await expect(page.locator('.fr-header__tools .fr-translate__btn')).toHaveAttribute('title', 'Sélectionner une langue');
});

/** Signs in through the English login form, from wherever the page is. */
async function signInInEnglish(page: Page, account: { email: string; password: string }) {
	await expect(page).toHaveURL(/\/en\/connexion(\?|$)/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await settled(page);
	await page.getByLabel('E-mail address').fill(account.email);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('button', { name: 'Sign out' }).first()).toBeAttached({ timeout: 15_000 });
}

test('an English visitor stays under /en: sign-in redirect, signed-in header, editing and saving, sign-out', async ({ page }) => {
	test.slow();
	// A signed-in page asked for in English sends to the English login page, then back to it.
	await page.goto('/en/compte');
	await expect(page).toHaveURL(/\/en\/connexion\?redirectTo=%2Fen%2Fcompte$/);
	await signInInEnglish(page, ACCOUNTS.label);
	await expect(page).toHaveURL(/\/en\/compte$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');

	// Every link of the signed-in header stays in English.
	const tools = page.locator('.fr-header__tools');
	await expect(tools.getByRole('link', { name: 'My account' })).toHaveAttribute('href', '/en/compte');
	await expect(tools.getByRole('link', { name: /^Notifications/ })).toHaveAttribute('href', '/en/notifications');
	await expect(tools.locator('form')).toHaveAttribute('action', '/en/deconnexion?/logout');

	// Editing a measure from its English page, with the English version of its title.
	await page.goto(`/en${PLAN}/mesures/1.4`);
	await page.getByRole('link', { name: 'Edit this measure' }).click();
	await expect(page).toHaveURL(new RegExp(`/en${PLAN}/mesures/1\\.4/modifier$`));
	await settled(page);
	await expect(page.getByRole('navigation', { name: 'Parts of the measure' }).getByRole('link', { name: 'Milestones' })).toHaveAttribute(
		'href',
		`/en${PLAN}/mesures/1.4/modifier/jalons`
	);
	const titleEn = page.getByLabel('Title of the measure in English');
	await expect(titleEn).toHaveAttribute('lang', 'en');
	await expect(page.getByLabel('Description in English')).toHaveAttribute('lang', 'en');
	const title = `Measure in English ${test.info().project.name} ${Date.now().toString(36)}`;
	await titleEn.fill(title);
	await page.getByRole('button', { name: 'Save the measure' }).click();
	// The post-save redirect (POST → 303 → GET) stays under /en.
	await expect(page).toHaveURL(new RegExp(`/en${PLAN}/mesures/1\\.4/modifier\\?ok=measure$`));
	await expect(page.getByText('The measure is saved.')).toBeVisible();
	await expect(titleEn).toHaveValue(title);
	await expectNoAxeViolations(page);

	// The milestone forms carry the English title too.
	await page.getByRole('link', { name: 'Milestones' }).click();
	await expect(page).toHaveURL(new RegExp(`/en${PLAN}/mesures/1\\.4/modifier/jalons$`));
	await expect(page.getByRole('region', { name: 'Add a milestone' }).getByLabel('Milestone title in English (optional)')).toHaveAttribute('lang', 'en');

	// The English public page shows the English title, without a French marker on it.
	await page.getByRole('link', { name: 'See the public page of the measure' }).click();
	await expect(page).toHaveURL(new RegExp(`/en${PLAN}/mesures/1\\.4$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Measure 1.4 – ${title}`);
	await expect(page.getByRole('heading', { level: 1 }).locator('[lang="fr"]')).toHaveCount(0);

	// Signing out from an English page leads to the English login page.
	await page.locator('.fr-header__tools').getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/en\/connexion\?etat=deconnexion$/);
	await expect(page.getByText('You are signed out.')).toBeVisible();
});

test('the English login page without a target leads to the English home page', async ({ page }) => {
	await page.goto(`/en${PLAN}`);
	await page.locator('.fr-header__tools').getByRole('link', { name: 'Sign in' }).click();
	await signInInEnglish(page, ACCOUNTS.amdac);
	await expect(page).toHaveURL(/\/en$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(PLAN_EN);
});

test('the personal-data page says what sessions and login throttling store, why and for how long', ONCE, async ({ page }) => {
	await page.goto('/donnees-personnelles');
	const fr = page.getByRole('main');
	await expect(fr.getByRole('heading', { level: 2, name: 'Comptes connectés : les sessions' })).toBeVisible();
	await expect(fr).toContainText('l’adresse IP et l’identification du navigateur (« user agent »)');
	await expect(fr).toContainText('Elle expire après 30 jours sans activité et au plus tard 90 jours après la connexion');
	await expect(fr).toContainText('1 jour pour une tentative échouée, 30 jours pour une connexion réussie');
	await expect(fr.getByText(/^Pourquoi\s: /)).toHaveCount(2);
	// ProConnect is not configured here: nothing of it is stored, nor said (tests/e2e/proconnect.e2e.ts has it).
	await expect(fr.getByRole('heading', { name: 'Connexion avec ProConnect' })).toHaveCount(0);

	await page.goto('/en/donnees-personnelles');
	const en = page.getByRole('main');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(en.getByRole('heading', { level: 1 })).toHaveText('Personal data');
	await expect(en.locator('[lang="fr"]')).toHaveCount(0);
	await expect(en).toContainText('the IP address and the browser identification (“user agent”)');
	await expect(en).toContainText('It expires after 30 days without activity and at the latest 90 days after signing in');
	await expect(en).toContainText('1 day for a failed attempt, 30 days for a successful sign-in');
	await expectNoAxeViolations(page);
});

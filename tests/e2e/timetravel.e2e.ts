// Time travel, comparison between two dates and progress over time, with JavaScript on and off.
// Read-only: nothing here writes, so running twice on the same database changes nothing.
import { test, expect, expectNoAxeViolations, fetchPage, ACCOUNTS, settled, ONCE } from './fixtures';
import type { Page } from '@playwright/test';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';

test('the dashboard at a past date: chosen with the form, a banner, links that keep the date, fewer updates', async ({ page }) => {
	await page.goto(PLAN);
	await settled(page);
	await expect(page.getByText(/Vous consultez le plan tel qu’il était/)).toHaveCount(0);
	await page.getByLabel(/^Date/).fill('2022-06-30');
	await page.getByRole('button', { name: 'Afficher à cette date' }).click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}\\?date=2022-06-30$`));
	await expect(page.getByText('Vous consultez le plan tel qu’il était le 30 juin 2022')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: /Mesure 2\.2/ }).click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/mesures/2\\.2\\?date=2022-06-30$`));
	await expect(page.getByText('Vous consultez la mesure telle qu’elle était le 30 juin 2022')).toBeVisible();
	const updates = page.getByRole('region', { name: 'Avancement, du plus récent au plus ancien' }).getByRole('listitem');
	const then = await updates.count();
	expect(then).toBeGreaterThan(0);
	await expect(updates.locator('time[datetime^="2024"]')).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Revenir à aujourd’hui' }).click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/mesures/2\\.2$`));
	await expect(page.getByText(/Vous consultez la mesure telle/)).toHaveCount(0);
	expect(await updates.count()).toBeGreaterThan(then);
});

const results = (page: Page) => page.getByRole('list', { name: 'Résultats' }).getByRole('listitem');
const statusLine = (page: Page) => page.getByRole('status').filter({ hasText: /mesure/ });

test('the measure list at a past date: reached from the dashboard, filtered, paged links and measure links keep the date', async ({ page }) => {
	await page.goto(`${PLAN}?date=2022-06-30`);
	await page.getByRole('link', { name: 'Toutes les mesures : filtres et recherche' }).click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/mesures\\?date=2022-06-30$`));
	await expect(page.getByText('Vous consultez le plan tel qu’il était le 30 juin 2022')).toBeVisible();
	await expect(page).toHaveTitle(/au 30 juin 2022/);
	await expect(statusLine(page)).toHaveText('10 mesures.');
	await expect(page.getByText('Fin prévue ou jalon dépassé sans être atteint, au 30 juin 2022.')).toBeVisible();

	// The filter form keeps the day (hidden field).
	await settled(page);
	await page.getByLabel('Axe', { exact: true }).selectOption('2');
	await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
	await expect(page).toHaveURL(/date=2022-06-30/);
	await expect(page).toHaveURL(/axe=2/);
	await expect(page.getByText('Vous consultez le plan tel qu’il était le 30 juin 2022')).toBeVisible();
	await expect(statusLine(page)).toHaveText('3 mesures sur 10.');
	await expect(results(page)).toHaveCount(3);
	for (const item of await results(page).all()) await expect(item).toContainText('Axe 2');
	await expectNoAxeViolations(page);

	// Another date keeps the filters; resetting the filters keeps the date.
	await page.getByLabel(/^Date/).fill('2023-06-30');
	await page.getByRole('button', { name: 'Afficher à cette date' }).click();
	await expect(page).toHaveURL(/axe=2/);
	await expect(page).toHaveURL(/date=2023-06-30/);
	await expect(page.getByText('Vous consultez le plan tel qu’il était le 30 juin 2023')).toBeVisible();
	await expect(results(page)).toHaveCount(3);
	await expect(page.getByRole('link', { name: 'Réinitialiser les filtres' })).toHaveAttribute('href', `${PLAN}/mesures?date=2023-06-30`);

	// A measure of the list opens at the same date, and its team's page too.
	await results(page)
		.getByRole('link', { name: /Mesure 2\.2/ })
		.click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/mesures/2\\.2\\?date=2023-06-30$`));
	await expect(page.getByText('Vous consultez la mesure telle qu’elle était le 30 juin 2023')).toBeVisible();
	await page.getByRole('link', { name: 'Pôle d’expertise logiciels libres (Etalab, DINUM)' }).first().click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/porteurs/POLE_LL\\?date=2023-06-30$`));
	await expect(page.getByText('Vous consultez le plan tel qu’il était le 30 juin 2023')).toBeVisible();
	await expect(page.getByRole('link', { name: /Mesure 2\.2/ })).toHaveAttribute('href', `${PLAN}/mesures/2.2?date=2023-06-30`);
	await expect(page.getByRole('link', { name: 'Voir ces mesures dans la liste filtrée' })).toHaveAttribute('href', `${PLAN}/mesures?porteur=POLE_LL&date=2023-06-30`);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Revenir à aujourd’hui' }).click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/porteurs/POLE_LL$`));
	await expect(page.getByText(/Vous consultez le plan tel/)).toHaveCount(0);
});

test('the list at a past date is public and cacheable, and says how the search works on that day', ONCE, async ({ page }) => {
	const response = await page.goto(`${PLAN}/mesures?date=2023-06-30&q=logiciels`);
	expect(response?.status()).toBe(200);
	expect(response?.headers()['cache-control']).toContain('public');
	await expect(page.getByText(/La recherche en texte intégral ne connaît que le texte d’aujourd’hui/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Retirer le filtre Recherche : logiciels' })).toHaveAttribute('href', '?date=2023-06-30');
	// Back to today keeps the search.
	await page.getByRole('link', { name: 'Revenir à aujourd’hui' }).click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/mesures\\?q=logiciels$`));
	await expect(page.getByText(/La recherche en texte intégral ne connaît que/)).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('a future date or one before the plan is explained next to the field, and today is shown (200)', ONCE, async ({ page }) => {
	const cases: [string, RegExp][] = [
		['2999-01-01', /Cette date est dans le futur/],
		['2020-01-01', /Le plan a été adopté le 10 novembre 2021/]
	];
	for (const [value, message] of cases) {
		for (const path of [PLAN, `${PLAN}/mesures/2.2`, `${PLAN}/mesures`, `${PLAN}/porteurs/POLE_LL`]) {
			const { status, text } = await fetchPage(page.request, `${path}?date=${value}`);
			expect(status, `${path} ${value}`).toBe(200);
			expect(text, `${path} ${value}`).toMatch(message);
			expect(text, `${path} ${value}`).not.toMatch(/Vous consultez (le plan|la mesure) tel/);
		}
		// In the browser, once per case: the explanation is shown, and the page passes axe.
		await page.goto(`${PLAN}/mesures?date=${value}`);
		await expect(page.getByText(message)).toBeVisible();
		await expect(page.getByText(/Vous consultez (le plan|la mesure) tel/)).toHaveCount(0);
	}
	await expectNoAxeViolations(page);
});

test('a date that is not a calendar day is a bad request: 400, the DSFR error page and the expected format', ONCE, async ({ page }) => {
	for (const value of ['2024-13-45', '2023-02-30', 'hier', '<script>']) {
		for (const path of ['/', PLAN, `${PLAN}/mesures/2.2`, `${PLAN}/mesures`, `${PLAN}/porteurs/POLE_LL`]) {
			const { status, document, text } = await fetchPage(page.request, `${path}?date=${encodeURIComponent(value)}`);
			const where = `${path} ${value}`;
			expect(status, where).toBe(400);
			expect(document.querySelector('h1')?.text.trim(), where).toBe('Adresse incorrecte');
			expect(text, where).toContain('Erreur 400');
			expect(text, where).toMatch(/n’est pas une date valide\. Utilisez le format AAAA-MM-JJ, par exemple \?date=2023-06-30/);
			const back = document.querySelectorAll('a').find((a) => a.text.trim() === 'Afficher cette page sans ces paramètres');
			expect(back?.getAttribute('href'), where).toBe(path);
		}
	}
	// In the browser, once: the DSFR error page as shown, and axe.
	const response = await page.goto(`${PLAN}/mesures/2.2?date=hier`);
	expect(response?.status()).toBe(400);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adresse incorrecte');
	await expect(page.getByText('Erreur 400')).toBeVisible();
	await expect(page.getByText(/n’est pas une date valide/)).toBeVisible();
	await expectNoAxeViolations(page);

	// In English, the same answer in English, and the way back stays under /en.
	const english = await page.goto(`/en${PLAN}/mesures/2.2?date=2024-13-45`);
	expect(english?.status()).toBe(400);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Incorrect address');
	await expect(page.getByText(/is not a valid date\. Use the format YYYY-MM-DD, for example \?date=2023-06-30/)).toBeVisible();
	await page.getByRole('link', { name: 'Show this page without these parameters' }).click();
	await expect(page).toHaveURL(new RegExp(`/en${PLAN}/mesures/2\\.2$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Measure 2.2');
	await expectNoAxeViolations(page);
});

test('an editor sees no editing link on a measure viewed at a past date', ONCE, async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.admin);
	await page.goto(`${PLAN}/mesures/2.2`);
	await expect(page.getByRole('link', { name: 'Modifier cette mesure' })).toBeVisible();
	await page.goto(`${PLAN}/mesures/2.2?date=2023-06-30`);
	await expect(page.getByText('Vous consultez la mesure telle qu’elle était le 30 juin 2023')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Modifier cette mesure' })).toHaveCount(0);
});

test('the comparison between two dates lists what changed, measure by measure', async ({ page }) => {
	await page.goto(PLAN);
	await page.getByRole('link', { name: 'Comparer deux dates' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ce qui a changé entre deux dates');
	await settled(page);
	await page.getByRole('textbox', { name: /^Du / }).fill('2022-01-01');
	await page.getByRole('textbox', { name: /^Au / }).fill('2022-12-31');
	await page.getByRole('button', { name: 'Comparer' }).click();
	await expect(page).toHaveURL(/comparer\?du=2022-01-01&au=2022-12-31$/);
	await expect(page.getByRole('heading', { level: 2, name: /^Du 1er janvier 2022 au 31 décembre 2022/ })).toBeVisible();
	const m22 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Mesure 2\.2/ }) });
	await expect(m22.getByText('Valeurs d’indicateur ajoutées')).toBeVisible();
	await expect(m22.getByText(/19 septembre 2022/).first()).toBeVisible();
	await expectNoAxeViolations(page);

	// Dates in the wrong order are refused next to the field.
	await page.goto(`${PLAN}/comparer?du=2023-01-01&au=2022-01-01`);
	await expect(page.getByText('La date de début doit précéder la date de fin.')).toBeVisible();
});

test('progress over time: one row per quarter end, each a link to the plan on that day', ONCE, async ({ page }) => {
	await page.goto(PLAN);
	await page.getByRole('link', { name: 'Avancement du plan dans le temps' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Avancement du plan dans le temps');
	const table = page.getByRole('table', { name: 'Avancement et mesures par statut à chaque date' });
	await expect(table.getByRole('rowheader', { name: /31 décembre 2021/ })).toBeVisible();
	await expect(table.getByRole('rowheader', { name: /30 juin 2023/ })).toBeVisible();
	await expectNoAxeViolations(page);
	await table.getByRole('link', { name: /30 juin 2023/ }).click();
	await expect(page.getByText('Vous consultez le plan tel qu’il était le 30 juin 2023')).toBeVisible();
});

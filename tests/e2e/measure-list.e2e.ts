// The public measure list, search and owner pages, with JavaScript on and off. These tests only
// read: they hold whatever other e2e files wrote to the shared database before them.
import { test, expect, expectNoAxeViolations, settled, ONCE } from './fixtures';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';

const SLUG = 'plan-action-logiciels-libres-et-communs-numeriques';
const PLAN = `/plans/${SLUG}`;
const LIST = `${PLAN}/mesures`;

const results = (page: Page) => page.getByRole('list', { name: 'Résultats' }).getByRole('listitem');
const statusLine = (page: Page) => page.getByRole('status').filter({ hasText: /mesure/ });

/** Presses Tab until `target` has the focus (at most `max` times): the keyboard-only path. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}

test('the list is linked from the dashboard and shows every measure with its status and progress', ONCE, async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Toutes les mesures : filtres et recherche' }).click();
	await expect(page).toHaveURL(new RegExp(`${LIST}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mesures du plan');
	await expect(statusLine(page)).toHaveText('10 mesures.');
	await expect(results(page)).toHaveCount(10);
	await expect(results(page).first()).toContainText('Avancement');
	await expectNoAxeViolations(page);
});

test('filter by owner and status through the form, then reset', async ({ page }) => {
	await page.goto(LIST);
	await settled(page);
	await page.getByLabel('Équipe (porteuse ou contributrice)').selectOption({ label: 'Pôle d’expertise logiciels libres (Etalab, DINUM)' });
	await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Statut non renseigné' });
	await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
	await expect(page).toHaveURL(/porteur=POLE_LL/);
	await expect(page).toHaveURL(/statut=NOT_REPORTED/);
	await expect(page.getByRole('link', { name: 'Retirer le filtre Pôle d’expertise logiciels libres (Etalab, DINUM)' })).toBeVisible();
	const shown = await results(page).count();
	await expect(statusLine(page)).toHaveText(shown === 0 ? 'Aucune mesure sur 10 ne correspond.' : shown === 1 ? '1 mesure sur 10.' : `${shown} mesures sur 10.`);
	for (const item of await results(page).all()) await expect(item).toContainText('Statut non renseigné');
	// The form keeps the chosen values.
	await expect(page.getByLabel('Statut', { exact: true })).toHaveValue('NOT_REPORTED');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Réinitialiser les filtres' }).click();
	await expect(page).toHaveURL(new RegExp(`${LIST}$`));
	await expect(results(page)).toHaveCount(10);
});

test('search a word of the real plan in French, see the highlighted excerpt, open a result', async ({ page }) => {
	await page.goto(LIST);
	await settled(page);
	await page.getByRole('searchbox', { name: /Rechercher dans les mesures/ }).fill('marchés');
	await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
	await expect(page).toHaveURL(/q=march%C3%A9s/);
	await expect(page).toHaveTitle(/^Recherche «\smarchés\s»/);
	const first = results(page).first();
	await expect(first).toBeVisible();
	// "marchés" finds "marché" (French stemming), marked in the excerpt.
	await expect(first.locator('mark').first()).toHaveText(/^march/i);
	await expect(page.getByRole('link', { name: 'Retirer le filtre Recherche : marchés' })).toBeVisible();
	await expectNoAxeViolations(page);
	const link = first.getByRole('heading').getByRole('link');
	const name = (await link.textContent()) ?? '';
	const number = /Mesure (\d\.\d)/.exec(name)?.[1];
	expect(number).toBeTruthy();
	await link.click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/mesures/${number!.replace('.', '\\.')}$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Mesure ${number}`);
});

test('a search with markup or query syntax is shown as text and finds nothing', ONCE, async ({ page }) => {
	const response = await page.goto(`${LIST}?q=${encodeURIComponent('<script>alert(1)</script> "OR 1=1 --')}&axe=deux`);
	expect(response?.status()).toBe(200);
	await expect(statusLine(page)).toHaveText('Aucune mesure sur 10 ne correspond.');
	await expect(page.getByText(/ont été ignorés\s: axe/)).toBeVisible();
	await expect(page.getByRole('searchbox', { name: /Rechercher dans les mesures/ })).toHaveValue('<script>alert(1)</script> "OR 1=1 --');
	for (const query of ['q=%00', 'statut=%00&axe=0x10', 'axe=99999999999999999999&q=%27%22%5C', 'porteur[]=x&retard=oui&confiance=']) {
		const odd = await page.request.get(`${LIST}?${query}`);
		expect(odd.status(), query).toBe(200);
	}
});

test('keyboard only: Tab to the search field and a filter, submit with Enter', async ({ page }) => {
	await page.goto(LIST);
	await settled(page);
	await tabTo(page, '#recherche');
	await page.keyboard.type('logiciels');
	await tabTo(page, '#filtre-axe', 3);
	await page.keyboard.press('ArrowDown');
	await expect(page.locator('#filtre-axe')).toHaveValue('1');
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Shift+Tab');
	await expect(page.locator('#recherche')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/q=logiciels/);
	await expect(page).toHaveURL(/axe=1/);
	const shown = await results(page).count();
	expect(shown).toBeGreaterThan(0);
	for (const item of await results(page).all()) await expect(item).toContainText('Axe 1 –');
});

test('keyboard only: reach a dashboard chart and open its data table', async ({ page }) => {
	await page.goto(PLAN);
	await settled(page);
	const summary = page.locator('#graphique-statuts-titre ~ details > summary');
	await expect(page.getByRole('table', { name: 'Mesures par statut' })).toBeHidden();
	await tabTo(page, 'details.jalons-chart-data > summary', 120);
	await expect(summary).toBeFocused();
	await page.keyboard.press('Enter');
	const table = page.getByRole('table', { name: 'Mesures par statut' });
	await expect(table).toBeVisible();
	await expect(table.getByRole('rowheader', { name: 'Statut non renseigné' })).toBeVisible();
});

test('the owner page lists the measures led and contributed, with counts by status', ONCE, async ({ page }) => {
	await page.goto(`${PLAN}/mesures/1.1`);
	await page.getByRole('region', { name: 'Porteurs' }).getByRole('link').first().click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/porteurs/[A-Z_]+$`));
	await expect(page.getByRole('heading', { level: 2, name: /^Mesures portées \(\d+\)$/ })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: /^Mesures auxquelles l’équipe contribue/ })).toBeVisible();
	await expectNoAxeViolations(page);
	const missing = await page.goto(`${PLAN}/porteurs/INCONNU`);
	expect(missing?.status()).toBe(404);
});

test('the dashboard announces its feeds and shows deadlines with their date', ONCE, async ({ page }) => {
	const response = await page.goto(PLAN);
	expect(response?.headers()['cache-control']).toContain('public');
	const feeds = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
	await expect(feeds).toHaveCount(4);
	await expect(feeds.first()).toHaveAttribute('href', `/flux/${SLUG}.atom`);
	await expect(page.getByRole('heading', { name: 'Jalons des 90 prochains jours' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Jalons en retard' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Mesures récemment mises à jour' })).toBeVisible();
	await expect(page.getByText(/^Au \d{1,2} \S+ \d{4}\.$/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Données ouvertes du plan (CSV, JSON, API)' })).toHaveAttribute('href', `/donnees/${SLUG}`);
	await page.goto(`${PLAN}/mesures/2.2`);
	await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `/flux/${SLUG}/mesures/2.2.atom`);
});

test('the CSV download has the same measure numbers and statuses as the list page', ONCE, async ({ page, request }) => {
	await page.goto(LIST);
	const shown: [string, string][] = [];
	for (const item of await results(page).all()) {
		const title = (await item.getByRole('heading').textContent()) ?? '';
		const status = (await item.locator('.fr-badge').first().textContent()) ?? '';
		shown.push([/Mesure (\S+) –/.exec(title)?.[1] ?? '', status.trim()]);
	}
	const csv = await request.get(`/donnees/${SLUG}/mesures.csv`);
	expect(csv.status()).toBe(200);
	const records: string[][] = parse(await csv.text(), { bom: true });
	const [header, ...rows] = records.filter((r) => r.length > 1);
	const numero = header!.indexOf('numero');
	const label = header!.indexOf('statut_libelle');
	expect(numero).toBeGreaterThanOrEqual(0);
	expect(label).toBeGreaterThanOrEqual(0);
	const fromCsv = rows.map((r) => [r[numero], r[label]]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
	expect(shown.length).toBe(10);
	expect([...shown].sort((a, b) => a[0].localeCompare(b[0]))).toEqual(fromCsv);
});

// What a person meets on refusals and odd addresses: a 403 says "Accès refusé" and what to do, and a
// filter naming nothing in the plan is reported as ignored like any other unusable value.
import { test, expect, ACCOUNTS, expectNoAxeViolations, ONCE } from './fixtures';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';
const LIST = `${PLAN}/mesures`;

test('another team’s measure: the 403 page is titled “Accès refusé” and says what to do', ONCE, async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.label);
	const response = await page.goto(`${PLAN}/mesures/2.2/modifier`);
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
	await expect(page).toHaveTitle(/^Accès refusé/);
	await expect(page.getByText('Erreur inattendue')).toHaveCount(0);
	await expect(page.getByText(/demandez ces droits à l’administrateur de Jalons/)).toBeVisible();
	await expectNoAxeViolations(page);
});

test('on /en the 403 page is in English', ONCE, async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.label);
	const response = await page.goto(`/en${PLAN}/mesures/2.2/modifier`);
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Access denied');
	await expect(page.getByText(/ask the Jalons administrator/)).toBeVisible();
});

test('an axis or a team that does not exist is ignored and reported, not an active filter with no results', ONCE, async ({ page }) => {
	const response = await page.goto(`${LIST}?axe=9&porteur=NOBODY&statut=NOPE`);
	expect(response?.status()).toBe(200);
	await expect(page.getByText('Des paramètres de l’adresse n’ont pas été compris et ont été ignorés : axe, équipe, statut.')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /mesure/ })).toHaveText('10 mesures.');
	await expect(page.getByRole('link', { name: /^Retirer le filtre/ })).toHaveCount(0);
	// A real axis still filters.
	await page.goto(`${LIST}?axe=1`);
	await expect(page.getByText(/ont été ignorés/)).toHaveCount(0);
	await expect(page.getByRole('link', { name: /^Retirer le filtre/ })).toHaveCount(1);
});

const crumbs = async (page: import('@playwright/test').Page) =>
	(
		await page
			.getByRole('navigation', { name: /vous êtes ici/i })
			.getByRole('listitem')
			.allInnerTexts()
	).map((s) => s.trim());

test('admin breadcrumbs are the same trail on the user list, a user page and the invitation page', ONCE, async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.admin);
	await page.goto('/admin/utilisateurs');
	expect(await crumbs(page)).toEqual(['Accueil', 'Administration', 'Utilisateurs']);
	// "Administration" has no page of its own: it is not a link to the current page.
	await expect(page.getByRole('navigation', { name: /vous êtes ici/i }).getByRole('link', { name: 'Administration' })).toHaveCount(0);
	await page.getByRole('table').first().getByRole('row').nth(1).getByRole('link').click();
	await expect(page).toHaveURL(/\/admin\/utilisateurs\/(?!inviter)[^/]+$/);
	await expect(page.getByRole('navigation', { name: /vous êtes ici/i }).getByRole('listitem')).toHaveCount(4);
	const trail = await crumbs(page);
	expect(trail.slice(0, 3)).toEqual(['Accueil', 'Administration', 'Utilisateurs']);
	expect(trail).toHaveLength(4);
	await page.goto('/admin/utilisateurs/inviter');
	expect(await crumbs(page)).toEqual(['Accueil', 'Administration', 'Utilisateurs', 'Inviter un utilisateur']);
});

test('date fields: a date control and a hint that imposes no format the control does not show', ONCE, async ({ page }) => {
	await page.goto(`${PLAN}/mesures/2.2`);
	const field = page.getByLabel(/^Date/).first();
	await expect(field).toHaveAttribute('type', 'date');
	await expect(page.getByText(/AAAA-MM-JJ/)).toHaveCount(0);
});

test('timeline items show their circle only: no list number on or beside it', ONCE, async ({ page }) => {
	// Measure 1.2 has a dated timeline of facts (an <ol>, which the DSFR numbers through ::marker).
	await page.goto(`${PLAN}/mesures/1.2`);
	const items = page.locator('ol.jalons-timeline > li');
	expect(await items.count()).toBeGreaterThan(1);
	const markers = await items.evaluateAll((lis) => lis.map((li) => getComputedStyle(li, '::marker').content));
	expect(new Set(markers)).toEqual(new Set(['none']));
	await page
		.locator('ol.jalons-timeline')
		.first()
		.screenshot({ path: test.info().outputPath('timeline.png') });
});

test('on /en the plan’s summary (with its publisher’s obsolescence note) and the reports breadcrumb are in English', ONCE, async ({ page }) => {
	await page.goto('/en');
	await expect(page.getByText(/marked the plan’s page “obsolete”/)).toBeVisible();
	await expect(page.getByText(/marqué la page du plan/)).toHaveCount(0);
	// Teams by their English names: the axis and measure owners on the dashboard.
	await expect(page.getByRole('link', { name: 'Free software expertise unit (Etalab, DINUM)' }).first()).toBeVisible();
	await expect(page.getByText('Pôle d’expertise logiciels libres (Etalab, DINUM)')).toHaveCount(0);
	await page.goto(`/en${PLAN}/porteurs/POLE_LL`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Free software expertise unit (Etalab, DINUM)');
	await expect(page).toHaveTitle(/^Free software expertise unit/);
	await page.goto(`/en${PLAN}/rapports`);
	const trail = await page
		.getByRole('navigation', { name: /you are here/i })
		.getByRole('listitem')
		.allInnerTexts();
	expect(trail.map((s) => s.trim())).toContain('Action plan for free software and digital commons');
});

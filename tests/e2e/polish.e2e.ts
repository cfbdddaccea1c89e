// What a person meets on refusals and odd addresses: a 403 says "Accès refusé" and what to do, and a
// filter naming nothing in the plan is reported as ignored like any other unusable value.
import { test, expect, signIn, ACCOUNTS, expectNoAxeViolations } from './fixtures';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';
const LIST = `${PLAN}/mesures`;

test('another team’s measure: the 403 page is titled “Accès refusé” and says what to do', async ({ page }) => {
	await signIn(page, ACCOUNTS.label);
	const response = await page.goto(`${PLAN}/mesures/2.2/modifier`);
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
	await expect(page).toHaveTitle(/^Accès refusé/);
	await expect(page.getByText('Erreur inattendue')).toHaveCount(0);
	await expect(page.getByText(/demandez ces droits à l’administrateur de Jalons/)).toBeVisible();
	await expectNoAxeViolations(page);
});

test('on /en the 403 page is in English', async ({ page }) => {
	await signIn(page, ACCOUNTS.label);
	const response = await page.goto(`/en${PLAN}/mesures/2.2/modifier`);
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Access denied');
	await expect(page.getByText(/ask the Jalons administrator/)).toBeVisible();
});

test('an axis or a team that does not exist is ignored and reported, not an active filter with no results', async ({ page }) => {
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

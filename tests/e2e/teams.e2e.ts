// The teams admin (issue 11), JavaScript on and off: an admin creates a ministry's team, finds it in
// the list and gives it an English name. Codes carry the project and a time: both projects share the database.
import { test, expect, ACCOUNTS, settled, expectNoAxeViolations } from './fixtures';

test('an admin creates a ministry’s team and gives it an English name', async ({ page, signInAs }) => {
	const code = `MIN_E2E_${test.info().project.name}_${Date.now().toString(36)}`.toUpperCase();
	await signInAs(page, ACCOUNTS.admin);
	await page.goto('/admin/equipes');
	await settled(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Équipes' })).toBeVisible();
	await page.getByRole('link', { name: 'Créer une équipe' }).click();

	await page.getByLabel('Code').fill(code.toLowerCase());
	await page.getByLabel('Nom', { exact: true }).fill(`Ministère d’essai ${code}`);
	await page.getByLabel('Nature').selectOption('MINISTRY');
	await page.getByRole('button', { name: 'Créer l’équipe' }).click();
	await expect(page.getByText('L’équipe est créée.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: `Équipe ${code}` })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByLabel('Nom en anglais (facultatif)').fill(`Test ministry ${code}`);
	await page.getByRole('button', { name: 'Enregistrer l’équipe' }).click();
	await expect(page.getByText('L’équipe est enregistrée.')).toBeVisible();

	await page.goto('/admin/equipes');
	const row = page.getByRole('row').filter({ hasText: code });
	await expect(row.getByRole('cell').nth(2)).toHaveText('Ministère');
	await page.goto('/en/admin/equipes');
	await expect(page.getByRole('row').filter({ hasText: code }).getByRole('cell').nth(1)).toHaveText(`Test ministry ${code}`);
});

test('a second team with the same code is refused next to the field', async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.admin);
	await page.goto('/admin/equipes/nouvelle');
	await settled(page);
	await page.getByLabel('Code').fill('LABEL');
	await page.getByLabel('Nom', { exact: true }).fill('Doublon');
	await page.getByRole('button', { name: 'Créer l’équipe' }).click();
	await expect(page.getByText('Une équipe a déjà ce code.')).toBeVisible();
	await expect(page.getByLabel('Nom', { exact: true })).toHaveValue('Doublon');
});

// Two people on the same measure form, with JavaScript on and off: saving a form loaded before the
// other person's save merges three ways. A field the second person did not touch keeps the first
// person's value (it is not silently reverted); a field both changed is shown side by side, and
// saving again after the conflict still keeps the first person's other changes.
import type { Browser, Page } from '@playwright/test';
import { test, expect, ACCOUNTS, settled } from './fixtures';

const MEASURE = '/plans/plan-action-logiciels-libres-et-communs-numeriques/mesures/1.2';

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
	return context.newPage();
}

test('a stale form merges with the other person’s save instead of reverting it', async ({ page, browser, signInAs }) => {
	test.slow();
	const stamp = `${test.info().project.name} ${Date.now().toString(36)}`;
	// Both projects share one database: each sets a status the measure does not have yet.
	const status = test.info().project.name === 'js' ? 'En cours' : 'Non commencée';
	const other = await newPage(browser);
	await signInAs(page, ACCOUNTS.label);
	await signInAs(other, ACCOUNTS.label, { slot: 1 });
	await page.goto(`${MEASURE}/modifier`);
	await other.goto(`${MEASURE}/modifier`);
	await settled(page);
	await settled(other);
	const save = (p: Page) => p.getByRole('button', { name: 'Enregistrer la mesure' }).click();
	const statusOf = (p: Page) => p.getByLabel('Statut', { exact: true });
	const titleEn = (p: Page) => p.getByLabel('Intitulé de la mesure en anglais');
	const description = (p: Page) => p.getByLabel('Description', { exact: true });

	// Tab A changes the status; tab B, loaded before, changes only the English title.
	await statusOf(page).selectOption({ label: status });
	await save(page);
	await expect(page.getByText('La mesure est enregistrée.')).toBeVisible();
	await titleEn(other).fill(`Title ${stamp}`);
	await save(other);
	await expect(other.getByText('La mesure est enregistrée.')).toBeVisible();
	await other.goto(`${MEASURE}/modifier`);
	await expect(statusOf(other).locator('option:checked')).toHaveText(status);
	await expect(titleEn(other)).toHaveValue(`Title ${stamp}`);

	// Both change the description: shown side by side, nothing saved; the English title A did not
	// touch now shows what B saved.
	await page.goto(`${MEASURE}/modifier`);
	await other.goto(`${MEASURE}/modifier`);
	await settled(page);
	await settled(other);
	await description(page).fill(`Description A ${stamp}`);
	await titleEn(other).fill(`Title B ${stamp}`);
	await save(other);
	await expect(other.getByText('La mesure est enregistrée.')).toBeVisible();
	await description(other).fill(`Description B ${stamp}`);
	await save(other);
	await expect(other.getByText('La mesure est enregistrée.')).toBeVisible();

	await save(page);
	await expect(page.getByText(/^Quelqu’un a modifié cet élément depuis que vous avez ouvert la page/)).toBeVisible();
	const table = page.getByRole('table', { name: /Valeurs enregistrées entre-temps/ });
	await expect(table).toContainText(`Description B ${stamp}`);
	await expect(table).toContainText(`Description A ${stamp}`);
	await expect(table).not.toContainText(`Title B ${stamp}`);
	await expect(description(page)).toHaveValue(`Description A ${stamp}`);
	await expect(titleEn(page)).toHaveValue(`Title B ${stamp}`);

	// Saving again keeps A's description (A chose it) and B's English title.
	await save(page);
	await expect(page.getByText('La mesure est enregistrée.')).toBeVisible();
	await page.goto(`${MEASURE}/modifier`);
	await expect(description(page)).toHaveValue(`Description A ${stamp}`);
	await expect(titleEn(page)).toHaveValue(`Title B ${stamp}`);
	await expect(statusOf(page).locator('option:checked')).toHaveText(status);
});

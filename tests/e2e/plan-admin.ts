// Steps of the plans admin that several specs take (plans.e2e.ts, plan-flow.e2e.ts).
import type { Page } from '@playwright/test';
import { expect, settled } from './fixtures';

/** Sets a draft or active plan's status from its settings page (reopening it first when archived). */
export async function setPlanStatus(page: Page, slug: string, status: 'Brouillon' | 'Actif') {
	await page.goto(`/admin/plans/${slug}`);
	await settled(page);
	const reopen = page.getByRole('button', { name: 'Rouvrir le plan' });
	if (await reopen.count()) {
		await reopen.click();
		await expect(page.getByText('Le plan est rouvert : il est de nouveau modifiable.')).toBeVisible();
	}
	// DSFR draws the radio on its label, which is what a person clicks.
	await page.locator('label', { hasText: status }).first().click();
	await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
	await expect(page.getByText(/Les réglages sont enregistrés\.|Aucune modification\./)).toBeVisible();
}

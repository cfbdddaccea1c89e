// Steps of the plans admin that several specs take (plans.e2e.ts, plan-flow.e2e.ts).
import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect, settled, serverOrigin, ACCOUNTS, type Account } from './fixtures';

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

/**
 * Puts the given plans back as drafts after a test, whatever happened in it, so that the other specs
 * find a single public plan. The clean-up has a budget of its own (a test that ran out of time must
 * still be cleaned up) and a page of its own (the test's page may be in the middle of a navigation).
 */
export async function putBackAsDrafts({ browser, signInAs }: { browser: Browser; signInAs: (page: Page, account: Account) => Promise<void> }, testInfo: TestInfo, slugs: string[]) {
	testInfo.setTimeout(testInfo.timeout + 60_000);
	const admin = await browser.newPage({ baseURL: serverOrigin(), javaScriptEnabled: testInfo.project.name === 'js' });
	await signInAs(admin, ACCOUNTS.admin);
	for (const slug of slugs) {
		const response = await admin.goto(`/admin/plans/${slug}`);
		if (response?.status() === 200) await setPlanStatus(admin, slug, 'Brouillon');
	}
	await admin.close();
}

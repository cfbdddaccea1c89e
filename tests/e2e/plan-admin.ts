// Steps of the plans admin that several specs take (plans.e2e.ts, plan-flow.e2e.ts).
import type { APIRequestContext, Page, PlaywrightWorkerArgs, TestInfo } from '@playwright/test';
import { expect, settled, serverOrigin, ACCOUNTS, type Sessions } from './fixtures';
import { asAccountOverHttp, postFormOverHttp } from './forms-over-http';

/** Sets a draft or active plan's status from its settings page. */
export async function setPlanStatus(page: Page, slug: string, status: 'Brouillon' | 'Actif') {
	await page.goto(`/admin/plans/${slug}`);
	await settled(page);
	// DSFR draws the radio on its label, which is what a person clicks.
	await page.locator('label', { hasText: status }).first().click();
	await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
	await expect(page.getByText(/Les réglages sont enregistrés\.|Aucune modification\./)).toBeVisible();
}

/**
 * The same through the same forms, posted over HTTP (`request` signed in as an admin): for the steps
 * that are not what a test checks. Publishing and archiving through the page stay in plans.e2e.ts.
 */
export async function setPlanStatusOverHttp(request: APIRequestContext, slug: string, status: 'DRAFT' | 'ACTIVE') {
	const path = `/admin/plans/${slug}`;
	await postFormOverHttp(request, serverOrigin(), path, 'reopen');
	if (!(await postFormOverHttp(request, serverOrigin(), path, 'save', { status }))) throw new Error(`${path} has no settings form`);
}

/**
 * Puts the given plans back as drafts after a test, whatever happened in it, so that the other specs
 * find a single public plan. The clean-up has a budget of its own (a test that ran out of time must
 * still be cleaned up) and a request context of its own (the test's page may be in the middle of a
 * navigation); it goes over HTTP, since what it does is not under test.
 */
export async function putBackAsDrafts({ playwright, sessions }: { playwright: PlaywrightWorkerArgs['playwright']; sessions: Sessions }, testInfo: TestInfo, slugs: string[]) {
	testInfo.setTimeout(testInfo.timeout + 60_000);
	await asAccountOverHttp({ playwright, sessions }, ACCOUNTS.admin, async (admin) => {
		for (const slug of slugs) {
			const response = await admin.get(`/admin/plans/${slug}`, { headers: { accept: 'text/html' }, maxRedirects: 0 });
			if (response.status() === 200) await setPlanStatusOverHttp(admin, slug, 'DRAFT');
		}
	});
}

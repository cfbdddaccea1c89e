import { test, expect, ACCOUNTS, signIn } from './fixtures';

test('an editor signs in and sees the edit link on a measure of their team', async ({ page }) => {
	await signIn(page, ACCOUNTS.label);
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Mon compte' })).toBeVisible();
});

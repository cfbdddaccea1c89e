// Every public page fits a 320 px phone (wide tables scroll inside their own container), and the
// header's links (sign-in, language) are reachable on a phone with JavaScript on and off.
import { test, expect, expectNoAxeViolations, settled } from './fixtures';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';
const PUBLIC_PAGES = [
	'/',
	PLAN,
	`${PLAN}/mesures`,
	`${PLAN}/mesures/1.1`,
	`${PLAN}/mesures/2.2`,
	`${PLAN}/mesures/2.2/historique`,
	`${PLAN}/porteurs/LABEL`,
	`${PLAN}/rapports`,
	`${PLAN}/comparer`,
	`${PLAN}/evolution`,
	'/donnees/plan-action-logiciels-libres-et-communs-numeriques',
	'/methodologie',
	'/accessibilite',
	'/mentions-legales',
	'/donnees-personnelles',
	'/connexion',
	'/en',
	`/en${PLAN}/mesures/2.2`
];

test.describe('on a 320 px phone', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	test('no public page is wider than the screen', async ({ page }) => {
		const tooWide: string[] = [];
		for (const path of PUBLIC_PAGES) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			if (width > 320) tooWide.push(`${path}: ${width} px`);
		}
		expect(tooWide).toEqual([]);
	});
});

test.describe('on a 375 px phone', () => {
	test.use({ viewport: { width: 375, height: 740 } });

	test('sign-in and the language switch are reachable from the header', async ({ page }) => {
		await page.goto(`${PLAN}/mesures/2.2`);
		await settled(page);
		const javaScript = test.info().project.use.javaScriptEnabled !== false;
		if (javaScript) {
			await page.getByRole('button', { name: 'Menu' }).click();
			const menu = page.getByRole('dialog', { name: 'Menu' });
			await expect(menu.getByRole('link', { name: 'Se connecter' })).toBeVisible();
		} else {
			await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
			await expect(page.getByRole('banner').getByRole('link', { name: 'Se connecter' })).toBeVisible();
			await page.getByRole('banner').getByRole('link', { name: 'EN - English' }).click();
			await expect(page).toHaveURL(new RegExp(`/en${PLAN}/mesures/2\\.2$`));
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		}
		await expectNoAxeViolations(page);
	});
});

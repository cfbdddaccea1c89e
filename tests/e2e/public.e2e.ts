import { test, expect, expectNoAxeViolations } from './fixtures';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';

test('the dashboard shows the real plan: 3 axes and 10 measures', async ({ page }) => {
	const response = await page.goto('/');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan d’action logiciels libres et communs numériques');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	const axes = page.getByRole('heading', { level: 2 }).filter({ hasText: /^(Mieux connaître|Développer et accompagner|S’appuyer sur)/ });
	await expect(axes).toHaveCount(3);
	const measures = page.getByRole('heading', { level: 3 }).getByRole('link', { name: /^Mesure \d\.\d/ });
	await expect(measures).toHaveCount(10);
	await expect(page.getByText('Statut non renseigné').first()).toBeVisible();
	await expect(page.getByRole('link', { name: 'Contenu' })).toBeAttached();
	await expectNoAxeViolations(page);
});

test('a measure page shows its evidence, indicators and sourced updates', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: /Mesure 2\.2/ }).click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/mesures/2\\.2$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Mesure 2.2');
	const evidence = page.getByRole('region', { name: 'Preuves et liens' });
	await expect(evidence.getByRole('link')).toHaveCount(6);
	await expect(page.getByRole('table', { name: /Dépôts de code source publics/ })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'vous êtes ici :' })).toBeAttached();
	await expectNoAxeViolations(page);
});

test('the plan page is reachable by its slug', async ({ page }) => {
	const response = await page.goto(PLAN);
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan d’action logiciels libres et communs numériques');
});

test('an unknown measure or plan is a real 404 page', async ({ page }) => {
	for (const path of [`${PLAN}/mesures/9.9`, '/plans/inconnu', `${PLAN}/mesures/<script>`]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page non trouvée');
	}
	await expectNoAxeViolations(page);
});

test('the accessibility statement is linked from the footer', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('contentinfo').getByRole('link', { name: /Accessibilité/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclaration d’accessibilité');
	await expectNoAxeViolations(page);
});

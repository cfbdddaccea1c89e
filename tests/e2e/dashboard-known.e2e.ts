// What a citizen sees first on the real plan, where no source gives statuses or percentages: what is
// known (facts over time as a chart and its table, the latest fact and its source, indicators), the
// unknown kept unknown, recent changes that do not count the initial import, and updates' Markdown
// rendered instead of shown raw.
import type { Browser, Page } from '@playwright/test';
import { test, expect, ACCOUNTS, expectNoAxeViolations, settled, ONCE } from './fixtures';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
	return context.newPage();
}

test('the dashboard leads with what is known, and keeps the unknown unknown', ONCE, async ({ page }) => {
	await page.goto('/');
	const known = page.getByRole('region', { name: 'Ce que l’on sait du plan' });
	await expect(known).toBeVisible();
	await expect(known.getByText(/^\d+ faits datés et publiés de \d{4} à \d{4}$/)).toBeVisible();

	// The facts over time: the chart's figures are in a real table, per year and per axis.
	const table = known.getByRole('table', { name: 'Faits publiés par année et par axe' });
	await expect(table.getByRole('columnheader')).toHaveText(['Année', 'Axe 1', 'Axe 2', 'Axe 3', 'Plan entier', 'Total']);
	expect(await table.getByRole('row').count()).toBeGreaterThan(2);
	await expect(table.getByRole('rowheader', { name: '2022' })).toBeVisible();

	// The latest fact, dated.
	// A block under its heading (not a landmark: the page's landmarks stay few and unique).
	const latest = known.getByRole('heading', { name: 'Dernier fait connu' }).locator('..');
	// Its measure is linked (its sources too when it has some: the import's facts do, but other scenarios on
	// this database may have published a later update without a source).
	await expect(latest.getByRole('link', { name: /^Mesure \d+\.\d+$/ })).toHaveAttribute('href', /\/mesures\/\d+\.\d+$/);

	// Indicators with their latest values and sources.
	const indicators = known.getByRole('table', { name: /Dernière valeur connue de chaque indicateur/ });
	const sill = indicators.getByRole('row', { name: /Logiciels libres référencés dans le SILL/ });
	await expect(sill).toContainText('500 logiciels');
	await expect(sill.getByRole('link', { name: /^Source/ })).toHaveAttribute('href', /^https:\/\//);
	// The council's grades, or that none is published yet (the report scenarios may have published one on this database).
	await expect(
		known
			.getByText('Aucun rapport publié ne donne encore d’appréciation indépendante.')
			.or(known.getByRole('link', { name: 'Lire le rapport et l’avis du conseil' }))
			.first()
	).toBeVisible();

	// Unknown stays unknown, never 0.
	await expect(page.getByRole('region', { name: 'Avancement global' })).toContainText('Non renseigné');
	await expect(page.getByRole('region', { name: 'Avancement global' })).not.toContainText('0 %');

	// Each measure says how many facts are known of it.
	await expect(
		page
			.getByRole('list', { name: 'Mesures de l’axe 1' })
			.getByText(/^\d+ faits? publiés?, le dernier du /)
			.first()
	).toBeVisible();
	await expectNoAxeViolations(page);
});

test('recently updated measures do not count the initial import', ONCE, async ({ page }) => {
	await page.goto('/');
	const recent = page.getByRole('region', { name: 'Mesures récemment mises à jour' });
	const links = recent.getByRole('link');
	const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	if (hrefs.length === 0) {
		await expect(recent).toContainText('Aucune modification depuis l’import initial du plan.');
	}
	// Whatever other tests changed before, every measure listed has a change besides the import.
	for (const href of hrefs) {
		await page.goto(`${href}/historique`);
		const changes = page.getByRole('heading', { level: 2 }).filter({ hasNotText: 'Import des données du plan' });
		expect(await changes.count(), href).toBeGreaterThan(0);
	}
});

test('a progress update written in Markdown is shown formatted, on the measure page and the dashboard', async ({ browser, signInAs }) => {
	const stamp = `${Date.now().toString(36)}${test.info().project.name}`;
	const editor = await newPage(browser);
	await signInAs(editor, ACCOUNTS.label);
	await editor.goto(`${PLAN}/mesures/1.1/modifier/mises-a-jour`);
	await settled(editor);
	const writeUpdate = editor.getByRole('region', { name: 'Écrire une mise à jour' });
	await expect(writeUpdate.getByText(/Markdown accepté/)).toBeVisible();
	await writeUpdate.getByLabel('Ce qui s’est passé').fill(`Étape **franchie ${stamp}** et *confirmée*`);
	await writeUpdate.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await expect(editor.getByText('Le brouillon est enregistré.')).toBeVisible();
	await editor
		.getByRole('button', { name: /^Publier la mise à jour du / })
		.first()
		.click();
	await expect(editor.getByText('La mise à jour est publiée.')).toBeVisible();

	const citizen = await newPage(browser);
	await citizen.goto(`${PLAN}/mesures/1.1`);
	const updates = citizen.getByRole('region', { name: /^Avancement, du plus récent/ });
	await expect(updates.locator('strong', { hasText: `franchie ${stamp}` })).toBeVisible();
	await expect(updates).not.toContainText('**');

	await citizen.goto('/');
	const known = citizen.getByRole('region', { name: 'Ce que l’on sait du plan' });
	await expect(known.locator('strong', { hasText: `franchie ${stamp}` })).toBeVisible();
	await expect(known.locator('em', { hasText: 'confirmée' })).toBeVisible();
	await expect(citizen.getByText(`**franchie ${stamp}**`)).toHaveCount(0);
});

// The whole admin flow of issue 11, JavaScript on and off: an admin brings an older roadmap in from a
// spreadsheet, creates the plan that follows it, imports a CSV with one error into the new plan, fixes
// the file and imports it, then archives the older plan naming its successor and links one of its
// measures to the measure that continues it. Both plans are put back as drafts at the end, so that the
// other specs' home page is still the real plan's. Made-up ministries and actions (tests/fixtures/csv-import).
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, ACCOUNTS, settled, expectNoAxeViolations, serverOrigin } from './fixtures';
import { putBackAsDrafts, setPlanStatusOverHttp } from './plan-admin';

const fixture = (name: string) => path.join(import.meta.dirname, '../fixtures/csv-import', name);
const project = () => test.info().project.name;
const older = () => ({ slug: `feuille-2022-${project()}`, title: `Feuille de route 2022 (e2e ${project()})` });
const newer = () => ({ slug: `feuille-2025-${project()}`, title: `Feuille de route 2025 (e2e ${project()})` });

/** Uploads a file to the import page, into a new plan or into an existing one; lands on the report. */
async function upload(page: Page, file: string, target: { newPlan: { slug: string; title: string } } | { existing: string }) {
	await page.goto('/admin/plans/import', { waitUntil: 'networkidle' });
	await page.locator('input[type=file][name=file]').setInputFiles(fixture(file));
	// DSFR draws the radio on its label, which is what a person clicks.
	if ('newPlan' in target) {
		await page.locator('label', { hasText: /^Un nouveau plan$/ }).click();
		await page.getByLabel('Titre du nouveau plan').fill(target.newPlan.title);
		await page.getByLabel(/^Identifiant du nouveau plan/).fill(target.newPlan.slug);
	} else {
		await page.locator('label', { hasText: /^Un plan existant$/ }).click();
		await page.getByLabel('Plan', { exact: true }).selectOption({ label: target.existing });
	}
	await page.getByRole('button', { name: 'Lire le fichier' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Vérifier l’import' })).toBeVisible();
}

/** Confirms a report without errors, creating the unknown teams when asked. */
async function confirmImport(page: Page, summary: string) {
	if (await page.getByLabel('Créer ces équipes').count()) await page.locator('label', { hasText: /^Créer ces équipes$/ }).click();
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Import terminé' })).toBeVisible();
	await expect(page.getByText(summary)).toBeVisible();
}

test.afterEach(async ({ playwright, sessions }, testInfo) => {
	await putBackAsDrafts({ playwright, sessions }, testInfo, [older().slug, newer().slug]);
});

test('an admin brings a roadmap in, creates and fills the next plan from a CSV, archives the older one and links its successors', async ({ page, signInAs }) => {
	// Four imports and two plans' settings in one scenario: on a shared 2-core machine it can outlast the default budget.
	test.slow();
	await signInAs(page, ACCOUNTS.admin);

	// The older roadmap, from a spreadsheet, into a new plan; published so that it can be archived
	// (over HTTP: publishing through the page is plans.e2e.ts's).
	await upload(page, 'corrige.csv', { newPlan: older() });
	await confirmImport(page, '4 mesures créées, 0 mesure modifiée, 0 mesure inchangée.');
	await setPlanStatusOverHttp(page.request, older().slug, 'ACTIVE');

	// The plan that follows it, created from the plans admin.
	await page.goto('/admin/plans/nouveau');
	await settled(page);
	await page.getByLabel(/^Identifiant/).fill(newer().slug);
	await page.getByLabel('Titre', { exact: true }).fill(newer().title);
	await page.getByLabel(/^Date d’adoption/).fill('2025-03-01');
	await page.getByRole('button', { name: 'Créer le plan' }).click();
	await expect(page.getByText('Le plan est créé.')).toBeVisible();

	// A file with one error: the report names it, nothing is written.
	await upload(page, 'avec-erreur.csv', { existing: newer().title });
	const row = page.getByRole('table', { name: 'Erreurs ligne par ligne' }).getByRole('row').filter({ hasText: 'bientôt' });
	await expect(row.getByRole('cell').nth(0)).toHaveText('6');
	await expect(row.getByRole('cell').nth(3)).toContainText('Échéance illisible. Formes acceptées : S1 2022');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByText('Des lignes contiennent des erreurs')).toBeVisible();
	await page.goto(`/plans/${newer().slug}/mesures`);
	await expect(page.getByText('Publier le registre des fontaines')).toHaveCount(0);

	// The fixed file imports into the new plan, which is then published.
	await upload(page, 'corrige.csv', { existing: newer().title });
	await expect(page.getByText('Aucune erreur : le fichier peut être importé.')).toBeVisible();
	await confirmImport(page, '4 mesures créées, 0 mesure modifiée, 0 mesure inchangée.');
	await setPlanStatusOverHttp(page.request, newer().slug, 'ACTIVE');

	// The older plan is archived, followed by the new one.
	await page.goto(`/admin/plans/${older().slug}`);
	await settled(page);
	const archive = page.getByRole('region', { name: 'Archiver le plan' });
	await archive.getByLabel(/^Plan qui lui succède/).selectOption({ label: newer().title });
	await archive.getByRole('button', { name: 'Archiver le plan' }).click();
	await expect(page.getByText('Le plan est archivé.')).toBeVisible();

	// Its measure 1.1 goes on as the new plan's 1.1: recorded on the archived plan, where successions stay open.
	await page.goto(`/plans/${older().slug}/mesures/1.1/modifier`);
	await settled(page);
	const successions = page.getByRole('region', { name: 'Suite dans d’autres plans' });
	await successions.getByLabel('Ce que devient la mesure').selectOption('CONTINUED_BY');
	const choice = successions.getByLabel('Mesure d’un autre plan').locator('option', { hasText: `${newer().title} – 1.1 ` });
	await successions.getByLabel('Mesure d’un autre plan').selectOption((await choice.getAttribute('value'))!);
	await successions.getByRole('button', { name: 'Enregistrer la suite' }).click();
	await expect(page.getByText('La suite de la mesure est enregistrée.')).toBeVisible();
	// The rest of the archived plan stays read-only.
	await expect(page.getByRole('button', { name: 'Enregistrer la mesure' })).toHaveCount(0);

	// The public sees the banner with the successor, and the link on both measures, in the open data too.
	const visitor = await page
		.context()
		.browser()!
		.newPage({ baseURL: serverOrigin(), javaScriptEnabled: project() === 'js' });
	await visitor.goto(`/plans/${older().slug}/mesures/1.1`);
	await expect(visitor.locator('[data-plan-banner="archived"]')).toContainText(/Plan archivé le .+, suivi par\s/);
	const fromTo = visitor.getByRole('region', { name: 'D’un plan à l’autre' });
	await expect(fromTo).toContainText('Poursuivie par');
	await expectNoAxeViolations(visitor);
	await fromTo.getByRole('link', { name: `mesure 1.1 du plan « ${newer().title} »` }).click();
	await expect(visitor).toHaveURL(new RegExp(`/plans/${newer().slug}/mesures/1\\.1$`));
	await expect(visitor.getByRole('region', { name: 'D’un plan à l’autre' })).toContainText('Poursuit');
	const csv = await (await visitor.request.get(`/donnees/${newer().slug}/successions.csv`)).text();
	expect(csv).toContain(`,CONTINUED_BY,Poursuit,${older().slug},1.1,`);
	await visitor.close();
});

// An administrator imports a small CSV with one error: the report shows the line, column, value and
// message and nothing is written; the fixed file then imports, with the summary. JavaScript on and off.
import path from 'node:path';
import { test, expect, ACCOUNTS, settled, expectNoAxeViolations, serverOrigin } from './fixtures';

const fixture = (name: string) => path.join(import.meta.dirname, '../fixtures/csv-import', name);

test('an admin imports a CSV: a report with the error first, then the fixed file and the summary', async ({ page, signInAs }) => {
	const slug = `essais-${test.info().project.name}-${Date.now().toString(36)}`;
	await signInAs(page, ACCOUNTS.admin);
	await page.goto('/admin/plans/import');
	await settled(page);

	const upload = async (file: string) => {
		await page.goto('/admin/plans/import', { waitUntil: 'networkidle' });
		await page.locator('input[type=file][name=file]').setInputFiles(fixture(file));
		// DSFR draws the radio on its label, which is what a person clicks.
		await page.locator('label', { hasText: /^Un nouveau plan$/ }).click();
		await expect(page.getByRole('radio', { name: 'Un nouveau plan' })).toBeChecked();
		await page.getByLabel('Titre du nouveau plan').fill('Plan des essais (exemple fictif)');
		await page.getByLabel(/^Identifiant du nouveau plan/).fill(slug);
		await page.getByRole('button', { name: 'Lire le fichier' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Vérifier l’import' })).toBeVisible();
	};

	await upload('avec-erreur.csv');
	const report = page.getByRole('table', { name: 'Erreurs ligne par ligne' });
	const row = report.getByRole('row').filter({ hasText: 'bientôt' });
	await expect(row.getByRole('cell').nth(0)).toHaveText('6');
	await expect(row.getByRole('cell').nth(1)).toHaveText('Echéances');
	await expect(row.getByRole('cell').nth(3)).toContainText('Échéance illisible. Formes acceptées : S1 2022');
	await expect(page.getByLabel('Titre / action')).toHaveValue('Actions');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByText('Des lignes contiennent des erreurs')).toBeVisible();
	await page.goto(`/plans/${slug}`);
	await expect(page.getByRole('heading', { name: 'Page non trouvée' }).or(page.getByText('404'))).not.toHaveCount(0);

	await upload('corrige.csv');
	await expect(page.getByText('Aucune erreur : le fichier peut être importé.')).toBeVisible();
	await expect(page.getByText('4 mesures créées')).toBeVisible();
	// The owners are new on the first run only (the other project's run made them).
	const createOwners = page.getByLabel('Créer ces équipes');
	if (await createOwners.count()) await page.locator('label', { hasText: /^Créer ces équipes$/ }).click();
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Import terminé' })).toBeVisible();
	await expect(page.getByText('4 mesures créées, 0 mesure modifiée, 0 mesure inchangée.')).toBeVisible();
	await page.getByRole('link', { name: 'Voir le plan' }).click();
	await expect(page.getByText('Publier le registre des fontaines').first()).toBeVisible();
});

test('a file over the size limits gets a sentence, not an error page', async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.admin);
	// Over BODY_SIZE_LIMIT (512K by default) and over the import's own limit (10 MB): the same answer.
	const response = await page.request.post('/admin/plans/import?/upload', {
		headers: { origin: serverOrigin(), accept: 'text/html' },
		multipart: { target: 'new', title: 'Trop gros', slug: 'trop-gros', file: { name: 'gros.csv', mimeType: 'text/csv', buffer: Buffer.alloc(11 * 1024 * 1024, 'a') } }
	});
	expect(response.status()).toBe(413);
	expect(await response.text()).toContain('Le fichier dépasse la taille maximale de 10 Mo.');
});

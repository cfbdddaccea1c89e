// Indicators fed from open data, from the editor's side, with JavaScript on and off: a feed that
// failed twice in a row is shown to the measure's editors on the indicators editing page (never on
// the public page, which shows the collected value marked « automatique »); a feed is set up, edited
// (a JSON location that is not a pointer is refused next to its field) and stopped through the form.
// The failing state is seeded by scripts/e2e-prepare.ts (tests/e2e/feeds-plan.ts).
import { test, expect, ACCOUNTS, settled, expectNoAxeViolations, ONCE } from './fixtures';
import { FEEDS_PLAN } from './feeds-plan';

const MEASURES = `/plans/${FEEDS_PLAN.slug}/mesures`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** French typesetting puts narrow no-break spaces inside « » and before ? and :. */
const typeset = (text: string) => new RegExp(text.split(' ').map(escape).join('\\s'));

test.beforeEach(async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.label);
});

test('a feed that failed twice is shown to the measure’s editors, not on the public page', ONCE, async ({ page }) => {
	await page.goto(`${MEASURES}/${FEEDS_PLAN.failing}/modifier/indicateurs`);
	await settled(page);
	const indicator = page.getByRole('region', { name: FEEDS_PLAN.failingIndicator });
	const alert = indicator.getByRole('alert');
	await expect(alert).toContainText('La collecte automatique échoue');
	await expect(alert).toContainText(typeset('La collecte a échoué 2 fois de suite. Dernière erreur : une colonne attendue n’existe plus dans le fichier'));
	await expect(alert).toContainText(typeset('Détail : valeur'));
	await expect(alert).toContainText('Dernière collecte réussie');
	await expect(page.getByRole('link', { name: 'Voir l’erreur' })).toHaveCount(0);
	// The collected value is listed like the others, marked automatic.
	const row = indicator.getByRole('row', { name: /1\s300,5/ });
	await expect(row).toContainText('automatique');
	// The form is open on the failing feed, with what is stored.
	await expect(indicator.getByLabel('Adresse du fichier')).toHaveValue(FEEDS_PLAN.failingUrl);
	await expect(indicator.getByLabel('Emplacement de la valeur')).toHaveValue('valeur');
	await expectNoAxeViolations(page);

	// Every other editing page of the measure says so, with a link to the error.
	await page.goto(`${MEASURES}/${FEEDS_PLAN.failing}/modifier/jalons`);
	await settled(page);
	await expect(page.getByText(typeset(`La collecte automatique de l’indicateur « ${FEEDS_PLAN.failingIndicator} » échoue.`))).toBeVisible();
	await expect(page.getByRole('link', { name: 'Voir l’erreur' })).toHaveAttribute(
		'href',
		new RegExp(`${escape(`${MEASURES}/${FEEDS_PLAN.failing}/modifier/indicateurs#collecte-`)}`)
	);

	// The public page of the measure (a draft plan: signed-in people see it) shows the value, not the error.
	await page.goto(`${MEASURES}/${FEEDS_PLAN.failing}`);
	await settled(page);
	await expect(page.getByRole('table', { name: new RegExp(escape(FEEDS_PLAN.failingIndicator)) })).toContainText('automatique');
	await expect(page.getByText('La collecte automatique échoue')).toHaveCount(0);
	await expect(page.getByText('une colonne attendue')).toHaveCount(0);
});

test('an editor sets up a feed, has a bad JSON location refused, fixes it, then stops the feed', async ({ page }) => {
	const name = FEEDS_PLAN.configurableIndicator(test.info().project.name);
	const page_ = `${MEASURES}/${FEEDS_PLAN.configurable}/modifier/indicateurs`;
	await page.goto(page_, { waitUntil: 'networkidle' });
	await settled(page);
	let indicator = page.getByRole('region', { name });
	await expect(indicator).toContainText('Aucune collecte automatique n’est configurée pour cet indicateur.');
	await indicator.getByText(typeset(`Configurer la collecte automatique de « ${name} »`)).click();
	await indicator.getByLabel('Adresse du fichier').fill('https://www.data.gouv.fr/fr/datasets/r/jeux-publies.csv');
	await indicator.getByLabel('Format').selectOption('CSV');
	await indicator.getByLabel('Emplacement de la valeur').fill('nombre');
	await indicator.getByLabel('Emplacement de la date').fill('date');
	await indicator.getByLabel('Fréquence').selectOption('DAILY');
	await indicator.getByRole('button', { name: 'Activer la collecte' }).click();
	await expect(page.getByText('La collecte automatique est activée.')).toBeVisible();
	indicator = page.getByRole('region', { name });
	await expect(indicator).toContainText('Fichier CSV, collecte quotidienne.');
	await expect(indicator).toContainText('Aucune collecte réussie pour l’instant.');

	// A JSON file needs a pointer: refused next to the field, what was typed kept.
	await settled(page);
	const summary = indicator.getByText(typeset(`Modifier la collecte automatique de « ${name} »`));
	await summary.click();
	await indicator.getByLabel('Format').selectOption('JSON');
	await indicator.getByLabel('Emplacement de la date').fill('');
	await indicator.getByRole('button', { name: 'Enregistrer la collecte' }).click();
	const value = page.getByRole('region', { name }).getByLabel('Emplacement de la valeur');
	await expect(value).toHaveAccessibleDescription(typeset('Pour un fichier JSON, saisissez un pointeur JSON qui commence par « / », par exemple /data/0/total.'));
	await expect(value).toHaveValue('nombre');
	await value.fill('/data/0/total');
	await page.getByRole('region', { name }).getByRole('button', { name: 'Enregistrer la collecte' }).click();
	await expect(page.getByText('La collecte automatique est enregistrée.')).toBeVisible();
	indicator = page.getByRole('region', { name });
	await expect(indicator).toContainText('Fichier JSON, collecte quotidienne.');

	await settled(page);
	await indicator.getByRole('button', { name: 'Arrêter la collecte' }).click();
	await expect(page.getByText(typeset('La collecte automatique est arrêtée ; les valeurs déjà relevées restent.'))).toBeVisible();
	await expect(page.getByRole('region', { name })).toContainText('Aucune collecte automatique n’est configurée pour cet indicateur.');
});

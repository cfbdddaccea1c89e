// An AMDAC member edits a commitment their own ministry carries and is refused on another
// ministry's (issue 11), JavaScript on and off, on the made-up ministries' plan of the e2e database.
import { test, expect, settled } from './fixtures';
import { E2E_AMDAC, MINISTRY_PLAN } from './ministry-plan';

const PLAN = `/plans/${MINISTRY_PLAN.slug}`;

test('an AMDAC member updates their ministry’s commitment, and cannot edit another ministry’s', async ({ page, signInAs }) => {
	const note = `Point d’étape du ministère ${test.info().project.name} ${Date.now().toString(36)}`;
	await signInAs(page, E2E_AMDAC.ministry);
	await page.goto(`${PLAN}/mesures/${MINISTRY_PLAN.own}`);
	await settled(page);
	await page.getByRole('link', { name: 'Modifier cette mesure' }).click();
	await expect(page).toHaveURL(new RegExp(`${PLAN}/mesures/${MINISTRY_PLAN.own}/modifier$`));
	await page.getByLabel('Statut').selectOption('IN_PROGRESS');
	await page.getByLabel('Description', { exact: true }).fill(note);
	await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
	await expect(page.getByText('La mesure est enregistrée.')).toBeVisible();
	await page.goto(`${PLAN}/mesures/${MINISTRY_PLAN.own}`);
	await expect(page.getByText(note)).toBeVisible();

	// The public history names the ministry's team as the author of the change.
	await page.goto(`${PLAN}/mesures/${MINISTRY_PLAN.own}/historique`);
	await expect(page.getByText('Équipe E2E_MIN_CULTURE').first()).toBeVisible();

	// Another ministry's commitment: no edit link, and the editing page answers 403.
	await page.goto(`${PLAN}/mesures/${MINISTRY_PLAN.other}`);
	await expect(page.getByRole('link', { name: 'Modifier cette mesure' })).toHaveCount(0);
	const refused = await page.goto(`${PLAN}/mesures/${MINISTRY_PLAN.other}/modifier`);
	expect(refused?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
});

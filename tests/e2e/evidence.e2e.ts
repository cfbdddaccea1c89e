// "Done needs evidence" from the interface (issue 10 #4), with JavaScript on and off: the status
// field says which proofs count for « Réalisée », a refusal shows next to it, and removing an
// evidence link asks first (cancel keeps it, confirm removes it; the last proof of a closed measure
// cannot be removed). The measures without proof are in a small second plan (evidence-plan.ts).
import { test, expect, ACCOUNTS, settled, expectNoAxeViolations, ONCE } from './fixtures';
import { EVIDENCE_PLAN } from './evidence-plan';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';
const TRIAL = `/plans/${EVIDENCE_PLAN.slug}/mesures`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** French typesetting puts narrow no-break spaces inside « » and before ? and :. */
const typeset = (text: string) => new RegExp(text.split(' ').map(escape).join('\\s'));

test.beforeEach(async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.label);
});

test('the status field says which proofs count for « Réalisée », or that there is none and how to add one', ONCE, async ({ page }) => {
	await page.goto(`${TRIAL}/${EVIDENCE_PLAN.done}/modifier`);
	await settled(page);
	const status = page.getByLabel('Statut', { exact: true });
	await expect(status).toHaveValue('DONE');
	await expect(status).toHaveAccessibleDescription(typeset(`1 preuve compte pour cette mesure : Lien de preuve : ${EVIDENCE_PLAN.doneProof}`));
	const proofs = page.locator('#statut-preuves');
	await expect(proofs.getByRole('link', { name: EVIDENCE_PLAN.doneProof })).toHaveAttribute('href', 'https://www.legifrance.gouv.fr/jorf/id/E2E');
	await expectNoAxeViolations(page);

	// Sourced published updates count too, and the form says so.
	await page.goto(`${PLAN}/mesures/1.1/modifier`);
	await settled(page);
	await expect(page.locator('#statut-preuves')).toContainText(typeset('Mise à jour publiée (2021), source :'));

	await page.goto(`${TRIAL}/${EVIDENCE_PLAN.bare}/modifier`);
	await settled(page);
	await expect(page.getByLabel('Statut', { exact: true })).toHaveAccessibleDescription(typeset('et cette mesure n’en a aucune : ces statuts seront refusés.'));
	await expect(page.locator('#statut-preuves').getByRole('link', { name: 'ajoutez un lien de preuve' })).toHaveAttribute(
		'href',
		`${TRIAL}/${EVIDENCE_PLAN.bare}/modifier/preuves#ajouter-preuve`
	);
});

test('marking « Réalisée » without a proof is refused, with the reason next to the status field', async ({ page }) => {
	await page.goto(`${TRIAL}/${EVIDENCE_PLAN.bare}/modifier`, { waitUntil: 'networkidle' });
	await settled(page);
	await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Réalisée' });
	await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
	const status = page.getByLabel('Statut', { exact: true });
	await expect(page.locator('#champ-status-messages')).toHaveText(typeset('Refusé : « Réalisée » et « Abandonnée » demandent au moins une preuve, et cette mesure n’en a aucune.'));
	await expect(status).toHaveAccessibleDescription(/^Refusé/);
	// What was chosen is kept, and nothing was saved.
	await expect(status).toHaveValue('DONE');
	await page.goto(`${TRIAL}/${EVIDENCE_PLAN.bare}/modifier`);
	await settled(page);
	await expect(page.getByLabel('Statut', { exact: true })).toHaveValue('IN_PROGRESS');
});

test('removing an evidence link asks first: cancel keeps it, confirm removes it', async ({ page }) => {
	const title = `Preuve à supprimer ${test.info().project.name} ${Date.now().toString(36)}`;
	await page.goto(`${PLAN}/mesures/1.3/modifier/preuves`, { waitUntil: 'networkidle' });
	await settled(page);
	const add = page.getByRole('region', { name: 'Ajouter une preuve' });
	await add.getByLabel('Titre du lien').fill(title);
	await add.getByLabel('Adresse (URL)').fill('https://code.gouv.fr/fr/a-supprimer');
	await add.getByRole('button', { name: 'Ajouter la preuve' }).click();
	await expect(page.getByText('La preuve est ajoutée.')).toBeVisible();

	const remove = page.getByRole('link', { name: typeset(`Supprimer la preuve « ${title} »`) });
	const confirmation = page.getByRole('region', { name: typeset(`Supprimer la preuve « ${title} » ?`) });
	await remove.click();
	await expect(confirmation).toBeVisible();
	await expect(page).toHaveURL(/\?supprimer=/);
	await expect(confirmation).toContainText('La suppression est définitive');
	await expectNoAxeViolations(page);
	await confirmation.getByRole('link', { name: 'Annuler' }).click();
	await expect(confirmation).toHaveCount(0);
	await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();

	await remove.click();
	await confirmation.getByRole('button', { name: /^Confirmer la suppression/ }).click();
	await expect(page.getByText('La preuve est supprimée.')).toBeVisible();
	await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);
});

test('the last proof of a « Réalisée » measure cannot be removed, and the confirmation step says why', async ({ page }) => {
	await page.goto(`${TRIAL}/${EVIDENCE_PLAN.done}/modifier/preuves`, { waitUntil: 'networkidle' });
	await settled(page);
	await page.getByRole('link', { name: typeset(`Supprimer la preuve « ${EVIDENCE_PLAN.doneProof} »`) }).click();
	const refusal = page.getByRole('region', { name: typeset(`La preuve « ${EVIDENCE_PLAN.doneProof} » ne peut pas être supprimée`) });
	await expect(refusal).toContainText(typeset('C’est la seule preuve de cette mesure « Réalisée »'));
	await expect(refusal.getByRole('button')).toHaveCount(0);
	await expect(refusal.getByRole('link', { name: 'Ajouter une autre preuve' })).toBeVisible();
	await refusal.getByRole('link', { name: 'Revenir aux preuves' }).click();
	await expect(refusal).toHaveCount(0);
	await expect(page.getByRole('link', { name: EVIDENCE_PLAN.doneProof, exact: true })).toBeVisible();
});

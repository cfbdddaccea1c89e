// An admin records that a commitment goes on in another plan (issue 11, succession), JavaScript on
// and off: both public measure pages then link to each other. Each project uses its own pair of
// measures of the e2e database's small plans (both projects share the database).
import { test, expect, ACCOUNTS, settled, expectNoAxeViolations } from './fixtures';
import { MINISTRY_PLAN } from './ministry-plan';
import { EVIDENCE_PLAN } from './evidence-plan';

test('an admin records a continuation in another plan, shown on both measures, and removes it', async ({ page, signInAs }) => {
	const number = test.info().project.name === 'js' ? MINISTRY_PLAN.own : MINISTRY_PLAN.other;
	const successor = test.info().project.name === 'js' ? EVIDENCE_PLAN.bare : EVIDENCE_PLAN.done;
	const editing = `/plans/${MINISTRY_PLAN.slug}/mesures/${number}/modifier`;
	await signInAs(page, ACCOUNTS.admin);
	await page.goto(editing);
	await settled(page);
	const section = page.getByRole('region', { name: 'Suite dans d’autres plans' });
	await section.getByLabel('Ce que devient la mesure').selectOption('CONTINUED_BY');
	const choice = section.getByLabel('Mesure d’un autre plan').locator('option', { hasText: `Plan d’essai des preuves (e2e) – ${successor} ` });
	await section.getByLabel('Mesure d’un autre plan').selectOption((await choice.getAttribute('value'))!);
	await section.getByRole('button', { name: 'Enregistrer la suite' }).click();
	await expect(page.getByText('La suite de la mesure est enregistrée.')).toBeVisible();
	await expect(section.getByRole('listitem').filter({ hasText: 'Poursuivie par' })).toContainText(`mesure ${successor} du plan « Plan d’essai des preuves (e2e) »`);

	// An abandonment needs a reason: refused next to the field, nothing written.
	await section.getByLabel('Ce que devient la mesure').selectOption('ABANDONED');
	await section.getByLabel('Mesure d’un autre plan').selectOption('');
	await section.getByRole('button', { name: 'Enregistrer la suite' }).click();
	await expect(page.getByText('Donnez la raison de l’abandon.')).toBeVisible();
	await expectNoAxeViolations(page);

	// The successor's public page names the measure it continues, and links to it.
	await page.goto(`/plans/${EVIDENCE_PLAN.slug}/mesures/${successor}`);
	const fromTo = page.getByRole('region', { name: 'D’un plan à l’autre' });
	await expect(fromTo).toContainText('Poursuit');
	await expectNoAxeViolations(page);
	await fromTo.getByRole('link', { name: `mesure ${number} du plan « Feuilles de route ministérielles (e2e) »` }).click();
	await expect(page).toHaveURL(new RegExp(`/plans/${MINISTRY_PLAN.slug}/mesures/${number.replace('.', '\\.')}$`));
	await expect(page.getByRole('region', { name: 'D’un plan à l’autre' })).toContainText('Poursuivie par');

	await page.goto(editing);
	await page
		.getByRole('region', { name: 'Suite dans d’autres plans' })
		.getByRole('button', { name: /^Retirer/ })
		.click();
	await expect(page.getByText('La suite de la mesure est retirée.')).toBeVisible();
	await page.goto(`/plans/${EVIDENCE_PLAN.slug}/mesures/${successor}`);
	await expect(page.getByRole('region', { name: 'D’un plan à l’autre' })).toHaveCount(0);
});

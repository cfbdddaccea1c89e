// Editing a plan's structure (issue 11), JavaScript on and off: an admin adds two axes and measures
// to the e2e ministries' plan, moves a measure to the other axis through the renumbering
// confirmation, finds its old URL redirecting (301), and retires a measure that then shows as
// retired. Only axes created here are touched: measures 1.1 and 1.2 belong to other specs, and both
// projects share the database, so titles carry the project and a time.
import type { Page } from '@playwright/test';
import { test, expect, ACCOUNTS, settled, expectNoAxeViolations, ONCE, serverOrigin } from './fixtures';
import { postFormOverHttp } from './forms-over-http';
import { MINISTRY_PLAN } from './ministry-plan';

const STRUCTURE = `/admin/plans/${MINISTRY_PLAN.slug}/structure`;
const PLAN = `/plans/${MINISTRY_PLAN.slug}`;

/** Adds an axis and gives its number, read from its heading. */
async function addAxis(page: Page, title: string): Promise<number> {
	const form = page.getByRole('region', { name: 'Ajouter un axe' });
	await form.getByLabel('Titre de l’axe').fill(title);
	await form.getByRole('button', { name: 'Ajouter l’axe' }).click();
	await expect(page.getByText('L’axe est ajouté.')).toBeVisible();
	const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^Axe \\d+ : ${title}$`) });
	return Number((await heading.textContent())!.match(/^Axe (\d+)/)![1]);
}

/**
 * Adds a measure that is only there to be retired later: the form of the page as rendered, posted
 * over HTTP with the page's session (adding a measure through the page is what addMeasure checks).
 */
async function addMeasureOverHttp(page: Page, axis: string, title: string): Promise<void> {
	const region = page.getByRole('region', { name: axis });
	const axisId = await region.locator('input[name="axisId"]').first().inputValue();
	const leadOwnerId = await region.getByLabel('Équipe pilote').locator('option', { hasText: 'Ministère de la Culture (essai e2e)' }).getAttribute('value');
	// The page holds one such form per axis: the first one's fields, pointed at this axis.
	const posted = await postFormOverHttp(page.request, serverOrigin(), STRUCTURE, 'addMeasure', {
		axisId,
		title,
		description: 'Engagement ajouté par le test de structure.',
		leadOwnerId: leadOwnerId!
	});
	expect(posted).toBe(true);
}

async function addMeasure(page: Page, axis: string, title: string): Promise<void> {
	const region = page.getByRole('region', { name: axis });
	// With JavaScript the page is updated in place after an addition: the form may still be open.
	if (!(await region.getByLabel('Titre', { exact: true }).isVisible())) await region.getByText(/^Ajouter une mesure à l’axe/).click();
	await region.getByLabel('Titre', { exact: true }).fill(title);
	await region.getByLabel('Description').fill('Engagement ajouté par le test de structure.');
	await region.getByLabel('Équipe pilote').selectOption({ label: 'Ministère de la Culture (essai e2e)' });
	await region.getByRole('button', { name: 'Ajouter la mesure' }).click();
	await expect(page.getByText('La mesure est ajoutée.')).toBeVisible();
}

test('an admin adds axes and measures, moves a measure with its new number confirmed, and retires one', async ({ page, signInAs }) => {
	// Two axes, three measures, a move and a retirement, each a page load or two: on a shared 2-core machine it can outlast the default budget.
	test.slow();
	const tag = `${test.info().project.name} ${Date.now().toString(36)}`;
	await signInAs(page, ACCOUNTS.admin);
	await page.goto(STRUCTURE);
	await settled(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Structure du plan' })).toBeVisible();

	const from = await addAxis(page, `Départ ${tag}`);
	const to = await addAxis(page, `Arrivée ${tag}`);
	expect(to).toBe(from + 1);
	const fromAxis = `Axe ${from} : Départ ${tag}`;
	const toAxis = `Axe ${to} : Arrivée ${tag}`;
	// The measure to retire first, over HTTP: the one added through the page then shows it too.
	await addMeasureOverHttp(page, fromAxis, `Mesure retirée ${tag}`);
	await addMeasure(page, fromAxis, `Mesure déplacée ${tag}`);
	const retired = `${from}.1`;
	const moved = `${from}.2`;
	const renumbered = `${to}.1`;
	await expect(page.getByRole('region', { name: fromAxis }).getByRole('row')).toHaveCount(3);
	await expectNoAxeViolations(page);

	// Moving asks first, naming the new number; nothing has moved until it is confirmed.
	const row = page
		.getByRole('region', { name: fromAxis })
		.getByRole('row')
		.filter({ hasText: `Mesure déplacée ${tag}` });
	await row.getByText(`Déplacer la mesure ${moved}`).click();
	await row.getByLabel('Vers l’axe').selectOption({ label: toAxis });
	await row.getByRole('button', { name: /^Déplacer…/ }).click();
	const confirm = page.getByRole('region', { name: `Déplacer la mesure ${moved} ?` });
	await expect(confirm).toContainText(`${moved} deviendra ${renumbered}.`);
	await expectNoAxeViolations(page);
	expect((await page.request.get(`${PLAN}/mesures/${moved}`, { maxRedirects: 0 })).status()).toBe(200);
	await confirm.getByRole('button', { name: `Confirmer : renuméroter en ${renumbered}` }).click();
	await expect(page.getByText('La mesure est déplacée et renumérotée')).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: toAxis })
			.getByRole('row')
			.filter({ hasText: `Mesure déplacée ${tag}` })
	).toContainText(`anciennement ${moved}`);

	// The old number answers 301 to the new one: the page, its history, the English page, the feed.
	for (const [old, now] of [
		[`${PLAN}/mesures/${moved}`, `${PLAN}/mesures/${renumbered}`],
		[`${PLAN}/mesures/${moved}/historique?date=x`, `${PLAN}/mesures/${renumbered}/historique?date=x`],
		[`/en${PLAN}/mesures/${moved}`, `/en${PLAN}/mesures/${renumbered}`],
		[`/flux/${MINISTRY_PLAN.slug}/mesures/${moved}.atom`, `/flux/${MINISTRY_PLAN.slug}/mesures/${renumbered}.atom`]
	]) {
		const answer = await page.request.get(old!, { maxRedirects: 0 });
		expect(answer.status(), old).toBe(301);
		expect(answer.headers()['location']).toBe(now);
	}
	await page.goto(`${PLAN}/mesures/${moved}/historique`);
	await expect(page).toHaveURL(new RegExp(`/mesures/${renumbered.replace('.', '\\.')}/historique$`));
	await expect(page.getByRole('heading', { name: 'Mesure déplacée vers un autre axe et renumérotée' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Numéro' }).first()).toContainText(`${moved}`);

	// Retiring needs a reason; then the measure shows as retired, read-only, with its reason.
	await page.goto(STRUCTURE);
	await settled(page);
	const toRetire = page
		.getByRole('region', { name: fromAxis })
		.getByRole('row')
		.filter({ hasText: `Mesure retirée ${tag}` });
	await toRetire.getByText(`Retirer la mesure ${retired}`).click();
	// Blanks pass the browser's check, not the server's.
	await toRetire.getByLabel('Raison du retrait (publique)').fill('   ');
	await toRetire.getByRole('button', { name: 'Retirer la mesure' }).click();
	await expect(toRetire.getByText('Ce champ est obligatoire.')).toBeVisible();
	await toRetire.getByLabel('Raison du retrait (publique)').fill(`Fusionnée (${tag})`);
	await toRetire.getByRole('button', { name: 'Retirer la mesure' }).click();
	await expect(page.getByText('La mesure est retirée.')).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: fromAxis })
			.getByRole('row')
			.filter({ hasText: `Mesure retirée ${tag}` })
	).toContainText('Retirée');

	await page.goto(`${PLAN}/mesures/${retired}`);
	await settled(page);
	await expect(page.getByText(/^Mesure retirée le /)).toBeVisible();
	await expect(page.getByText(`Fusionnée (${tag})`)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Modifier la mesure' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	const refused = await page.goto(`${PLAN}/mesures/${retired}/modifier`);
	expect(refused?.status()).toBe(403);
	await expect(page.getByText(`La mesure ${retired} est retirée du plan`)).toBeVisible();

	await page.goto(PLAN);
	await settled(page);
	const axisOnDashboard = page.getByRole('region', { name: `Départ ${tag}` });
	await expect(axisOnDashboard.getByRole('listitem').filter({ hasText: `Mesure retirée ${tag}` })).toContainText('Retirée');
	await expect(axisOnDashboard).toContainText('1 mesure retirée, hors avancement');
});

test('the structure page is refused to anyone but an admin', ONCE, async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.label);
	const answer = await page.goto(STRUCTURE);
	expect(answer?.status()).toBe(403);
});

// The council's side of a report, as its members meet it (issue 10): a round submitted to the council
// reaches them as a notification and through the "Rapports" link of their header; the demo council
// account alone can adopt an opinion (quorum of one) and record the decision to publish it; a round
// cannot be created twice.
import { test, expect, ACCOUNTS, serverOrigin, settled } from './fixtures';
import { asAccountOverHttp, postFormOverHttp } from './forms-over-http';
import type { Page } from '@playwright/test';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';
let run = '';
let title = '';
let workspacePath = '';

const opinion = (page: Page, name: string) => page.locator('article', { has: page.getByRole('heading', { name }) });

/** Ticks a radio of an opinion's form (DSFR draws it on its label), once the page has settled. */
async function choose(page: Page, card: string, label: string) {
	await settled(page);
	await expect(async () => {
		await opinion(page, card).getByText(label, { exact: true }).click();
		await expect(opinion(page, card).getByLabel(label, { exact: true })).toBeChecked({ timeout: 1000 });
	}).toPass();
}

async function setQuorum(page: Page, value: string) {
	await page.goto(`${PLAN}/rapports/travail`);
	await settled(page);
	await page.getByLabel(/Nombre de votes de membres de l’écosystème nécessaires/).fill(value);
	await page.getByRole('button', { name: 'Enregistrer le quorum' }).click();
	await expect(page.getByText(/Le quorum du conseil est enregistré\.|Aucune modification/)).toBeVisible();
}

test.describe.serial('the council meets a submitted report', () => {
	test.beforeAll(() => {
		run = `${test.info().project.name}-${Date.now()}`;
		title = `Rapport conseil ${run}`;
	});

	test('staff submit a round; the same round cannot be created twice', async ({ page, signInAs }) => {
		await signInAs(page, ACCOUNTS.admin);
		const create = async () => {
			await page.goto(`${PLAN}/rapports/travail`);
			await settled(page);
			await page.getByLabel('Titre').fill(title);
			await page.getByLabel('Début de la période').fill('2026-10-01');
			await page.getByLabel('Fin de la période').fill('2026-12-31');
			await page.getByRole('button', { name: 'Créer un rapport' }).click();
		};
		await create();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		workspacePath = new URL(page.url()).pathname;
		await page.getByRole('button', { name: 'Soumettre au conseil' }).click();
		await expect(page.getByText('Le rapport est soumis au conseil ; l’état des mesures est figé.')).toBeVisible();

		await create();
		await expect(page.getByText('Un rapport porte déjà ce titre pour cette période : changez le titre ou la période.').first()).toBeVisible();
		await page.goto(`${PLAN}/rapports/travail`);
		await expect(page.getByRole('link', { name: title })).toHaveCount(1);
		// The demo council account is alone in deciding here: a quorum of one, as on a fresh start.
		await setQuorum(page, '1');
	});

	test('a council member is notified and finds the workspace in the header', async ({ page, signInAs }) => {
		await signInAs(page, ACCOUNTS.council);
		await page.goto('/');
		const header = page.locator('header').first();
		await expect(header.getByRole('link', { name: /Notifications \(\d+ non lues?\)/ }).first()).toBeAttached();
		await page.goto('/notifications');
		await page.getByRole('link', { name: `Rapport soumis au conseil : ${title}` }).click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		expect(new URL(page.url()).pathname).toBe(workspacePath);

		await page.goto('/');
		const reports = header.getByRole('link', { name: 'Rapports', exact: true }).first();
		await expect(reports).toBeAttached();
		await page.goto((await reports.getAttribute('href'))!);
		await expect(page.getByRole('heading', { level: 1, name: 'Espace de travail des rapports' })).toBeVisible();
		await expect(page.getByRole('link', { name: title })).toBeVisible();
	});

	test('the demo council account drafts, adopts and decides to publish an opinion on its own', async ({ page, signInAs }) => {
		const name = `Avis démo ${run}`;
		await signInAs(page, ACCOUNTS.council);
		await page.goto(workspacePath);
		await settled(page);
		await page.getByLabel('Titre de l’avis').last().fill(name);
		await page.getByLabel('Texte de l’avis').last().fill(`Le conseil salue les progrès. ${run}`);
		await page.getByRole('button', { name: 'Enregistrer l’avis' }).last().click();
		await expect(page.getByText('L’avis est enregistré.')).toBeVisible();
		await choose(page, name, 'Pour');
		await opinion(page, name).getByRole('button', { name: 'Voter' }).click();
		await expect(page.getByText('Votre vote est enregistré : l’avis est adopté.')).toBeVisible();
		await choose(page, name, 'Publier l’avis avec le rapport');
		await opinion(page, name).getByRole('button', { name: 'Enregistrer la décision' }).click();
		await expect(page.getByText('La décision du conseil est enregistrée.')).toBeVisible();
		await expect(opinion(page, name).getByText(/Décision du conseil\s:\spublier l’avis, le /)).toBeVisible();
	});

	test.afterAll(async ({ playwright, sessions }) => {
		// Back to the default quorum, which the other report scenarios count on: the form the test
		// filled, posted over HTTP (a clean-up, not under test), on the worker's own server.
		await asAccountOverHttp({ playwright, sessions }, ACCOUNTS.admin, async (admin) =>
			expect(await postFormOverHttp(admin, serverOrigin(), `${PLAN}/rapports/travail`, 'quorum', { quorum: '' })).toBe(true)
		);
	});
});

// Reporting rounds and council opinions, end to end, JavaScript on and off: staff create and submit a
// round, two council members vote an opinion into adoption, DINUM responds, the secretariat publishes
// one opinion and keeps another private; a citizen sees only the published one.
import { test, expect, ACCOUNTS, serverOrigin, settled, expectNoAxeViolations } from './fixtures';
import { E2E_COUNCIL } from './council-accounts';
import type { Page } from '@playwright/test';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';
let run = '';
let roundPath = '';
const titles = { public: '', private: '' };

const opinion = (page: Page, title: string) => page.locator('article', { has: page.getByRole('heading', { name: title }) });

/** Ticks a radio of an opinion's form. DSFR draws the radio on its label, which receives the click. */
async function choose(page: Page, title: string, label: string) {
	const card = opinion(page, title);
	// With JavaScript, hydration may reset a radio ticked before it ran: wait for the page to settle.
	await settled(page);
	await expect(async () => {
		await card.getByText(label, { exact: true }).click();
		await expect(card.getByLabel(label, { exact: true })).toBeChecked({ timeout: 1000 });
	}).toPass();
}

async function vote(page: Page, title: string, choice: 'Pour' | 'Contre' | 'Abstention') {
	await choose(page, title, choice);
	await opinion(page, title).getByRole('button', { name: 'Voter' }).click();
}

test.describe.serial('reporting round and council opinion', () => {
	test.beforeAll(() => {
		run = `${test.info().project.name}-${Date.now()}`;
		titles.public = `Avis public ${run}`;
		titles.private = `Avis confidentiel ${run}`;
	});

	test('staff create, submit and publish a round', async ({ page, signInAs }) => {
		await signInAs(page, ACCOUNTS.admin);
		await page.goto(`${PLAN}/rapports/travail`);
		await settled(page);
		await page.getByLabel('Titre').fill(`Rapport ${run}`);
		await page.getByLabel('Début de la période').fill('2026-07-01');
		await page.getByLabel('Fin de la période').fill('2026-09-30');
		await page.getByLabel('Utiliser').fill(`Synthèse <b>utiliser</b> ${run}`);
		await page.getByRole('button', { name: 'Créer un rapport' }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Rapport ${run}` })).toBeVisible();
		await expect(page.getByText('Le rapport est créé.')).toBeVisible();
		roundPath = new URL(page.url()).pathname.replace('/rapports/travail/', '/rapports/');

		// Not public while a draft, even by its URL.
		const anonymous = await page.context().browser()!.newContext();
		expect((await anonymous.request.get(new URL(roundPath, page.url()).href)).status()).toBe(404);
		await anonymous.close();

		await page.getByRole('button', { name: 'Soumettre au conseil' }).click();
		await expect(page.getByText('Le rapport est soumis au conseil ; l’état des mesures est figé.')).toBeVisible();
		await page.getByRole('button', { name: 'Publier le rapport' }).click();
		await expect(page.getByText('Le rapport est publié.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Voir la page publique du rapport' })).toBeVisible();
	});

	test('council members draft two opinions; the first vote does not reach the quorum', async ({ page, signInAs }) => {
		await signInAs(page, ACCOUNTS.council);
		await page.goto(roundPath.replace('/rapports/', '/rapports/travail/'));
		await settled(page);
		for (const title of [titles.public, titles.private]) {
			await page.getByLabel('Titre de l’avis').last().fill(title);
			await page.getByLabel('Texte de l’avis').last().fill(`Le conseil salue les progrès. ${run}`);
			await page.getByRole('button', { name: 'Enregistrer l’avis' }).last().click();
			await expect(page.getByText('L’avis est enregistré.')).toBeVisible();
		}
		await vote(page, titles.public, 'Pour');
		await expect(page.getByText('Votre vote est enregistré.', { exact: true })).toBeVisible();
		await expect(opinion(page, titles.public).getByText('Projet d’avis, vote en cours')).toBeVisible();
		await vote(page, titles.private, 'Pour');
		await expect(page.getByText('Votre vote est enregistré.', { exact: true })).toBeVisible();

		// A council member may not publish the round (403), and a forged vote value is refused (400).
		const origin = new URL(page.url()).origin;
		const workspace = new URL(page.url()).pathname;
		const publish = await page.request.post(`${workspace}?/publishRound`, { form: { version: '3' }, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
		expect(publish.status()).toBe(403);
		const opinionId = (await opinion(page, titles.public).getAttribute('id'))!.replace('avis-', '');
		const forged = await page.request.post(`${workspace}?/vote`, { form: { opinionId, choice: 'MAYBE' }, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
		expect(forged.status()).toBe(400);
		await page.reload();
		await expect(opinion(page, titles.public).getByText(/1 pour, 0 contre, 0 abstention/)).toBeVisible();
	});

	test('a second ecosystem member votes and the opinions are adopted', async ({ page, signInAs }) => {
		await signInAs(page, E2E_COUNCIL.member);
		await page.goto(roundPath.replace('/rapports/', '/rapports/travail/'));
		await vote(page, titles.public, 'Pour');
		await expect(page.getByText('Votre vote est enregistré : l’avis est adopté.')).toBeVisible();
		await vote(page, titles.private, 'Pour');
		await expect(page.getByText('Votre vote est enregistré : l’avis est adopté.')).toBeVisible();
		await expect(opinion(page, titles.public).getByText('Adopté, en attente de décision de publication')).toBeVisible();
	});

	test('two council members grade from the same page: the later save is refused, shows what is stored and keeps the choices', async ({ page, browser, signInAs }) => {
		const workspace = roundPath.replace('/rapports/', '/rapports/travail/');
		const grade = (p: Page) => p.getByLabel(/^Appréciation de la mesure 1\.1 –/);
		const save = (p: Page) => p.getByRole('button', { name: 'Enregistrer les appréciations' }).click();
		await signInAs(page, ACCOUNTS.council);
		// With JavaScript, hydration may reset a choice made before it ran: wait for each page to settle.
		await page.goto(workspace);
		await settled(page);
		// Another member opens the same page and saves first.
		const { javaScriptEnabled } = test.info().project.use;
		const other = await browser.newContext({ baseURL: serverOrigin(), javaScriptEnabled });
		const otherPage = await other.newPage();
		await signInAs(otherPage, E2E_COUNCIL.member);
		await otherPage.goto(workspace);
		await settled(otherPage);
		await grade(otherPage).selectOption({ label: 'Complète' });
		await save(otherPage);
		await expect(otherPage.getByText('Les appréciations sont enregistrées.')).toBeVisible();
		await other.close();

		await grade(page).selectOption({ label: 'Limitée' });
		await save(page);
		await expect(page.getByText(/Quelqu’un a modifié cet élément depuis que vous avez ouvert la page\s: rien n’a été enregistré/)).toBeVisible();
		const row = page.getByRole('table', { name: 'Valeurs enregistrées entre-temps et vos saisies' }).getByRole('row').filter({ hasText: 'mesure 1.1 –' });
		await expect(row.getByRole('cell')).toHaveText(['Complète', 'Limitée']);
		await expect(grade(page)).toHaveValue('LIMITED');
		// Saving again, now knowing what is stored, replaces it.
		await save(page);
		await expect(page.getByText('Les appréciations sont enregistrées.')).toBeVisible();
		await expect(grade(page)).toHaveValue('LIMITED');
	});

	test('DINUM responds to the adopted opinion', async ({ page, signInAs }) => {
		await signInAs(page, ACCOUNTS.admin);
		await page.goto(roundPath.replace('/rapports/', '/rapports/travail/'));
		await settled(page);
		const card = opinion(page, titles.public);
		await card.getByLabel('Réponse écrite de la DINUM').fill(`La DINUM prend acte de l’avis. ${run}`);
		await card.getByRole('button', { name: 'Enregistrer la réponse' }).click();
		await expect(page.getByText('La réponse de la DINUM est enregistrée.')).toBeVisible();
	});

	test('the secretariat publishes one opinion and keeps the other private', async ({ page, signInAs }) => {
		await signInAs(page, E2E_COUNCIL.secretariat);
		await page.goto(roundPath.replace('/rapports/', '/rapports/travail/'));
		await choose(page, titles.public, 'Publier l’avis avec le rapport');
		await opinion(page, titles.public).getByRole('button', { name: 'Enregistrer la décision' }).click();
		await expect(page.getByText('La décision du conseil est enregistrée.')).toBeVisible();
		await choose(page, titles.private, 'Ne pas publier l’avis');
		await opinion(page, titles.private).getByRole('button', { name: 'Enregistrer la décision' }).click();
		await expect(page.getByText('La décision du conseil est enregistrée.')).toBeVisible();
		// The decision and its date are shown to signed-in users.
		await expect(opinion(page, titles.public).getByText(/Décision du conseil\s: publier l’avis, le /)).toBeVisible();
		await expect(opinion(page, titles.private).getByText(/Décision du conseil\s: ne pas publier l’avis, le /)).toBeVisible();
	});

	test('a citizen sees the published opinion with the round, never the private one', async ({ page, signInAs }) => {
		// Three axe scans, a second signed-in context and the report's downloads: on a shared 2-core machine it can outlast the default budget.
		test.slow();
		await page.goto(`${PLAN}/rapports`);
		await expect(page.getByRole('heading', { level: 1, name: 'Rapports d’avancement' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: `Rapport ${run}` }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Rapport ${run}` })).toBeVisible();
		// Section text is escaped, never HTML.
		await expect(page.getByText(`Synthèse <b>utiliser</b> ${run}`)).toBeVisible();
		await expect(page.getByRole('heading', { name: titles.public })).toBeVisible();
		await expect(page.getByText(`La DINUM prend acte de l’avis. ${run}`)).toBeVisible();
		await expect(page.getByText(titles.private)).toHaveCount(0);
		// The decision itself is for signed-in users.
		await expect(page.getByText(/Décision du conseil/)).toHaveCount(0);
		if (test.info().project.use.javaScriptEnabled === false) await expect(page.getByText(/utilisez la commande «\sImprimer\s»/)).toBeVisible();
		else await expect(page.getByRole('button', { name: 'Imprimer / enregistrer en PDF' })).toBeVisible();
		await expectNoAxeViolations(page);

		const publicHref = await page.getByRole('link', { name: titles.public }).getAttribute('href');
		await page.goto(publicHref!);
		await expect(page.getByRole('heading', { level: 1, name: titles.public })).toBeVisible();
		await expectNoAxeViolations(page);

		// The private opinion's id, read from the workspace by a signed-in user, is a 404 to the public.
		const staff = await page.context().browser()!.newContext();
		const staffPage = await staff.newPage();
		await signInAs(staffPage, ACCOUNTS.amdac);
		await staffPage.goto(new URL(roundPath.replace('/rapports/', '/rapports/travail/'), page.url()).href);
		const privateId = (await staffPage.locator('article', { has: staffPage.getByRole('heading', { name: titles.private }) }).getAttribute('id'))!.replace('avis-', '');
		await staff.close();
		const response = await page.goto(`${roundPath}/avis/${privateId}`);
		expect(response?.status()).toBe(404);

		const csv = await page.request.get(`${roundPath}/rapport.csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		expect(await csv.text()).toMatch(/^numero,intitule,statut/);
		const json = await page.request.get(`${roundPath}/rapport.json`);
		expect((await json.json()).opinions.map((o: { title: string }) => o.title)).toEqual([titles.public]);
	});
});

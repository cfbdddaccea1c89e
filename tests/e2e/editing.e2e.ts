// Accounts and editing, end to end, with JavaScript on and off: invitation, sign-in, edits by a
// team editor, what the public then sees, the 403 on another team's measure, the conflict message
// of a stale form and login throttling. Each run uses its own unique texts: both projects share one
// database.
import type { Browser, Locator, Page } from '@playwright/test';
import { test, expect, ACCOUNTS, settled, signIn, expectNoAxeViolations, ONCE, serverOrigin } from './fixtures';

const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';

function unique(label: string): string {
	return `${label} ${test.info().project.name} ${Date.now().toString(36)}`;
}

async function appendTo(field: Locator, text: string): Promise<void> {
	await field.fill(`${await field.inputValue()} ${text}`);
}

/** A second browser context with the same JavaScript setting as the project. */
async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
	return context.newPage();
}

test('an admin invites an editor who updates a measure of their team, and the public sees it', async ({ page, browser, signInAs }) => {
	// The longest scenario of the suite (three people, a dozen pages, three axe audits).
	test.slow();
	const stamp = unique('e2e');
	const email = `redaction-${test.info().project.name}-${Date.now()}@jalons.example`;
	const password = 'une phrase de passe assez longue pour le test';

	// The admin invites a LABEL editor; with no SMTP_URL the single-use link is shown to pass on.
	await signInAs(page, ACCOUNTS.admin);
	await page.goto('/admin/utilisateurs/inviter');
	await settled(page);
	await page.getByLabel('Adresse électronique').fill(email);
	await page.getByLabel('Nom affiché').fill(`Rédactrice ${stamp}`);
	// DSFR draws the checkbox on its label, which is what a person clicks.
	await page.locator('label', { hasText: /^Rédacteur$/ }).click();
	await page.locator('label', { hasText: /^LABEL – / }).click();
	await expect(page.getByRole('checkbox', { name: 'Rédacteur' })).toBeChecked();
	await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
	const link = await page.getByTestId('lien-a-transmettre').getAttribute('href');
	expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]+$/);
	await expectNoAxeViolations(page);

	// The invitee sets a password through the link, then signs in.
	const editor = await newPage(browser);
	await editor.goto(new URL(link!).pathname);
	await settled(editor);
	await editor.getByLabel('Nouveau mot de passe').fill(password);
	await editor.getByLabel('Confirmation du mot de passe').fill(password);
	await editor.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(editor.getByText('Votre mot de passe est enregistré')).toBeVisible();
	await signIn(editor, { email, password }, `${PLAN}/mesures/1.4`);

	// Measure 1.4 is led by LABEL: the editor changes its confidence explanation.
	await editor.getByRole('link', { name: 'Modifier cette mesure' }).click();
	await expect(editor).toHaveURL(new RegExp(`${PLAN}/mesures/1.4/modifier$`));
	await settled(editor);
	await appendTo(editor.getByLabel('Description', { exact: true }), `Explication ${stamp}`);
	await editor.getByLabel('Motif de la modification (facultatif)').fill(`Motif ${stamp}`);
	await editor.getByRole('button', { name: 'Enregistrer la mesure' }).click();
	await expect(editor.getByText('La mesure est enregistrée.')).toBeVisible();
	await expectNoAxeViolations(editor);

	// A milestone.
	await editor.goto(`${PLAN}/mesures/1.4/modifier/jalons`);
	await settled(editor);
	const addMilestone = editor.getByRole('region', { name: 'Ajouter un jalon' });
	await addMilestone.getByLabel('Intitulé du jalon', { exact: true }).fill(`Jalon ${stamp}`);
	await addMilestone.getByLabel('Date prévue (facultatif)').fill('T2 2027');
	await addMilestone.getByRole('button', { name: 'Ajouter le jalon' }).click();
	await expect(editor.getByText('Le jalon est ajouté.')).toBeVisible();
	// Emptied once saved (issue 10 #7): clicking again would add a duplicate.
	await expect(addMilestone.getByLabel('Intitulé du jalon', { exact: true })).toHaveValue('');
	await expect(addMilestone.getByLabel('Date prévue (facultatif)')).toHaveValue('');

	// An evidence link.
	await editor.goto(`${PLAN}/mesures/1.4/modifier/preuves`);
	await settled(editor);
	const addEvidence = editor.getByRole('region', { name: 'Ajouter une preuve' });
	await addEvidence.getByLabel('Titre du lien').fill(`Preuve ${stamp}`);
	await addEvidence.getByLabel('Adresse (URL)').fill('https://code.gouv.fr/fr/communs');
	await addEvidence.getByRole('button', { name: 'Ajouter la preuve' }).click();
	await expect(editor.getByText('La preuve est ajoutée.')).toBeVisible();
	await expect(addEvidence.getByLabel('Titre du lien')).toHaveValue('');

	// A progress update, saved as a draft (not public), then published.
	await editor.goto(`${PLAN}/mesures/1.4/modifier/mises-a-jour`);
	await settled(editor);
	const writeUpdate = editor.getByRole('region', { name: 'Écrire une mise à jour' });
	await writeUpdate.getByLabel(/^Date /).fill('2026-11-20');
	await writeUpdate.getByLabel('Ce qui s’est passé').fill(`Mise à jour ${stamp}`);
	await writeUpdate.getByLabel('Sources (facultatif)').fill('https://code.gouv.fr/fr/communs');
	await writeUpdate.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await expect(editor.getByText('Le brouillon est enregistré.')).toBeVisible();

	const citizen = await newPage(browser);
	await citizen.goto(`${PLAN}/mesures/1.4`);
	await expect(citizen.getByText(`Jalon ${stamp}`)).toBeVisible();
	await expect(citizen.getByText(`Mise à jour ${stamp}`)).toHaveCount(0);

	await editor
		.getByRole('button', { name: /^Publier la mise à jour du / })
		.first()
		.click();
	await expect(editor.getByText('La mise à jour est publiée.')).toBeVisible();

	// The public measure page, the dashboard and the history show the changes.
	await citizen.goto(`${PLAN}/mesures/1.4`);
	await expect(citizen.getByText(`Mise à jour ${stamp}`)).toBeVisible();
	await expect(citizen.getByRole('link', { name: `Preuve ${stamp}` })).toBeVisible();
	await expect(citizen.getByText(`Explication ${stamp}`)).toBeVisible();
	await expect(citizen.getByRole('link', { name: 'Modifier cette mesure' })).toHaveCount(0);
	await citizen.getByRole('link', { name: 'Historique des modifications' }).click();
	await expect(citizen).toHaveURL(new RegExp(`${PLAN}/mesures/1.4/historique$`));
	await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Historique des modifications');
	await expect(citizen.getByText(`Motif ${stamp}`)).toBeVisible();
	await expect(citizen.getByText(`Explication ${stamp}`).first()).toBeVisible();
	await expectNoAxeViolations(citizen);
	await citizen.goto(PLAN);
	const today = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date());
	await expect(citizen.getByRole('main')).toContainText(today);
});

test('an editor cannot edit another team’s measure: 403 and nothing changes', ONCE, async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.label);
	// Measure 2.2 is led by the pôle logiciels libres, not by LABEL.
	const response = await page.goto(`${PLAN}/mesures/2.2/modifier`);
	expect(response?.status()).toBe(403);
	await page.goto(`${PLAN}/mesures/2.2`);
	// Compared once settled both times: the embed box shows its copy buttons when the script runs.
	await settled(page);
	await expect(page.getByRole('link', { name: 'Modifier cette mesure' })).toHaveCount(0);
	const before = await page.getByRole('main').innerText();

	// A forged POST, with the session cookie and a same-origin header, is refused too.
	const origin = new URL(page.url()).origin;
	const forged = await page.request.post(`${PLAN}/mesures/2.2/modifier?/updateMeasure`, {
		headers: { origin, accept: 'text/html' },
		form: { version: '1', status: 'ABANDONED', description: 'Piraté', confidenceExplanation: 'Piraté', progressMethod: 'MANUAL' },
		maxRedirects: 0
	});
	expect(forged.status()).toBe(403);
	await page.goto(`${PLAN}/mesures/2.2`);
	await settled(page);
	expect(await page.getByRole('main').innerText()).toBe(before);
	await expect(page.getByText('Piraté')).toHaveCount(0);
});

test('two people editing the same measure: the second gets the conflict message and keeps what they typed', async ({ page, browser, signInAs }) => {
	const stamp = unique('conflit');
	await signInAs(page, ACCOUNTS.label);
	const other = await newPage(browser);
	await signInAs(other, ACCOUNTS.label, { slot: 1 });
	await page.goto(`${PLAN}/mesures/1.3/modifier`);
	await other.goto(`${PLAN}/mesures/1.3/modifier`);
	await settled(page);
	await settled(other);

	await appendTo(page.getByLabel('Description', { exact: true }), `Première ${stamp}`);
	await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
	await expect(page.getByText('La mesure est enregistrée.')).toBeVisible();

	await appendTo(other.getByLabel('Description', { exact: true }), `Seconde ${stamp}`);
	await other.getByRole('button', { name: 'Enregistrer la mesure' }).click();
	await expect(other.getByText(/^Quelqu’un a modifié cet élément depuis que vous avez ouvert la page/)).toBeVisible();
	await expect(other.getByLabel('Description', { exact: true })).toHaveValue(new RegExp(`Seconde ${stamp}$`));
	// Both values are shown side by side.
	await expect(other.getByRole('table')).toContainText(`Première ${stamp}`);
	await expectNoAxeViolations(other);

	// Nothing of the stale form was saved.
	const citizen = await newPage(browser);
	await citizen.goto(`${PLAN}/mesures/1.3`);
	await expect(citizen.getByText(`Première ${stamp}`)).toBeVisible();
	await expect(citizen.getByText(`Seconde ${stamp}`)).toHaveCount(0);
});

test('login throttling kicks in after repeated failures, with the same message for unknown accounts', async ({ page }) => {
	const email = `inconnu-${test.info().project.name}-${Date.now()}@jalons.example`;
	const attempt = async () => {
		await page.getByLabel('Adresse électronique').fill(email);
		await page.getByLabel('Mot de passe', { exact: true }).fill('mauvais mot de passe');
		await page.getByRole('button', { name: 'Se connecter' }).click();
	};
	await page.goto('/connexion');
	await settled(page);
	await attempt();
	await expect(page.getByText('Adresse électronique ou mot de passe incorrect.')).toBeVisible();
	// Failures two to five are posted as the form posts them, without a page load each: what they
	// answer is checked in the HTML; the page shows the first and the throttled one.
	for (let n = 2; n <= 5; n++) {
		const answer = await page.request.post('/connexion?/login', {
			form: { email, password: 'mauvais mot de passe', redirectTo: '/' },
			headers: { origin: serverOrigin(), accept: 'text/html' },
			maxRedirects: 0
		});
		expect(answer.status(), `attempt ${n}`).toBe(400);
		expect(await answer.text(), `attempt ${n}`).toContain('Adresse électronique ou mot de passe incorrect.');
	}
	await attempt();
	await expect(page.getByText(/^Trop de tentatives de connexion\. Réessayez dans \d+ minute/)).toBeVisible();
	await expectNoAxeViolations(page);
});

// Comments on the public measure page, JavaScript on and off. Both projects run on the same
// database: every text carries the project name and a timestamp, and no test relies on another's
// writes. Posts are spread over accounts so that the per-user rate limit (5 per 10 minutes) holds
// across both projects.
import type { Browser, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, ACCOUNTS, serverOrigin, settled } from './fixtures';

const MEASURE = '/plans/plan-action-logiciels-libres-et-communs-numeriques/mesures/1.1';

const tag = () => `${test.info().project.name}-${Date.now()}`;

/** A new browser context (not signed in), with the same JavaScript setting as the project. */
async function citizen(browser: Browser): Promise<Page> {
	const use = test.info().project.use;
	const context = await browser.newContext({ baseURL: serverOrigin(), javaScriptEnabled: use.javaScriptEnabled });
	return context.newPage();
}

async function post(page: Page, visibility: 'PUBLIC' | 'WORKING_GROUP' | 'INTERNAL', body: string): Promise<void> {
	await page.getByRole('combobox', { name: 'Visible par' }).selectOption(visibility);
	await page.getByRole('textbox', { name: /^Votre commentaire/ }).fill(body);
	await page.getByRole('button', { name: 'Publier le commentaire' }).click();
	await expect(page.getByText('Votre commentaire est publié.')).toBeVisible();
	await expect(page).toHaveURL(/commentaire=posted/);
	// Emptied once posted, with JavaScript or without: a second click would post a duplicate.
	await expect(page.getByRole('textbox', { name: /^Votre commentaire/ })).toHaveValue('');
}

test('an AMDAC member posts a public and a working-group comment; a citizen sees only the public one', async ({ page, browser, signInAs }) => {
	// Two readers, two comments and two axe scans: on a shared 2-core machine it can outlast the default budget.
	test.slow();
	const run = tag();
	await signInAs(page, ACCOUNTS.amdac);
	await page.goto(MEASURE);
	await settled(page);
	// Internal comments are for staff: the AMDAC member is not offered them.
	await expect(page.getByRole('combobox', { name: 'Visible par' }).locator('option')).toHaveText(['Public : tout le monde', 'Groupe de travail : personnes connectées']);
	await post(page, 'PUBLIC', `Avis public ${run}`);
	await post(page, 'WORKING_GROUP', `Avis du groupe ${run}`);
	// The text itself (the author's edit form holds it too, folded away).
	const bodies = page.locator('.jalons-comment-body');
	await expect(bodies.getByText(`Avis public ${run}`)).toBeVisible();
	await expect(bodies.getByText(`Avis du groupe ${run}`)).toBeVisible();
	await expect(page.locator('article', { hasText: `Avis du groupe ${run}` }).getByText('Groupe de travail', { exact: true })).toBeVisible();
	await expectNoAxeViolations(page);

	const visitor = await citizen(browser);
	try {
		await visitor.goto(MEASURE);
		const visible = visitor.getByRole('region', { name: 'Commentaires' });
		const article = visitor.locator('article', { hasText: `Avis public ${run}` });
		await expect(article).toBeVisible();
		// Public comments show the author's display name and organisation.
		await expect(article).toContainText('Amina Amdac (démo), Démo');
		await expect(visible.getByText(`Avis du groupe ${run}`)).toHaveCount(0);
		await expect(visitor.getByRole('button', { name: 'Publier le commentaire' })).toHaveCount(0);
		await expect(visible.getByRole('link', { name: 'Se connecter' })).toBeVisible();
		await expectNoAxeViolations(visitor);
	} finally {
		await visitor.context().close();
	}
});

test('an XSS payload in a comment renders as text: no dialog, no injected element', async ({ page, browser, signInAs }) => {
	const run = tag();
	const payload = `<img src=x onerror="document.body.dataset.xss='img';alert(1)"><script>alert(2)</script> [clic](javascript:alert(3)) <svg onload=alert(4)> **gras** ${run}`;
	let dialogs = 0;
	page.on('dialog', (dialog) => {
		dialogs += 1;
		void dialog.dismiss();
	});
	await signInAs(page, ACCOUNTS.council);
	await page.goto(MEASURE);
	await settled(page);
	await post(page, 'PUBLIC', payload);

	for (const viewer of [page, await citizen(browser)]) {
		viewer.on('dialog', (dialog) => {
			dialogs += 1;
			void dialog.dismiss();
		});
		if (viewer !== page) await viewer.goto(MEASURE);
		const article = viewer.locator('article', { hasText: run });
		await expect(article).toBeVisible();
		// The markup is shown as typed; only the Markdown emphasis became an element.
		await expect(article).toContainText('<img src=x onerror=');
		await expect(article).toContainText('<script>alert(2)</script>');
		await expect(article.locator('strong', { hasText: 'gras' })).toHaveCount(1);
		await expect(article.locator('img, script, svg, iframe')).toHaveCount(0);
		await expect(viewer.locator('a[href^="javascript" i]')).toHaveCount(0);
		await expect(viewer.locator('body[data-xss]')).toHaveCount(0);
		if (viewer !== page) await viewer.context().close();
	}
	expect(dialogs).toBe(0);
});

test('an admin hides a comment with a reason; everyone then sees the moderation notice', async ({ page, browser, signInAs }) => {
	const run = tag();
	const editor = await citizen(browser);
	try {
		await signInAs(editor, ACCOUNTS.label);
		await editor.goto(MEASURE);
		await settled(editor);
		await post(editor, 'PUBLIC', `Propos à modérer ${run}`);
	} finally {
		await editor.context().close();
	}

	await signInAs(page, ACCOUNTS.admin);
	await page.goto(MEASURE);
	await settled(page);
	const article = page.locator('article', { hasText: `Propos à modérer ${run}` });
	await article.getByText('Masquer', { exact: true }).click();
	await article.getByRole('textbox', { name: 'Raison (affichée à la place du commentaire)' }).fill(`Hors sujet ${run}`);
	await article.getByRole('button', { name: 'Masquer le commentaire' }).click();
	await expect(page.getByText('Le commentaire est masqué.')).toBeVisible();
	const hidden = page.locator('article', { hasText: `Masqué par la modération : Hors sujet ${run}` });
	await expect(hidden).toBeVisible();
	await expect(hidden.getByRole('button', { name: 'Rétablir le commentaire' })).toBeVisible();
	await expectNoAxeViolations(page);

	const visitor = await citizen(browser);
	try {
		await visitor.goto(MEASURE);
		await expect(visitor.getByText(`Masqué par la modération : Hors sujet ${run}`)).toBeVisible();
		await expect(visitor.getByText(`Propos à modérer ${run}`)).toHaveCount(0);
	} finally {
		await visitor.context().close();
	}
});

test('forged comment posts are refused on the server, with nothing written', async ({ page, browser, signInAs }) => {
	const run = tag();
	const origin = serverOrigin();
	const action = (verb: string) => `${MEASURE}?/${verb}`;
	// As a browser posts a form without JavaScript: SvelteKit answers other requests with JSON and status 200.
	const headers = { origin, accept: 'text/html' };
	await signInAs(page, ACCOUNTS.amdac);
	// Internal comments are staff-only: forging the field gets a 403.
	const internal = await page.request.post(action('postComment'), {
		headers,
		form: { target: 'measure', parentId: '', visibility: 'INTERNAL', body: `Interne forgé ${run}` },
		maxRedirects: 0
	});
	expect(internal.status()).toBe(403);
	// An extra field (a forged author) is refused by the strict schema.
	const extra = await page.request.post(action('postComment'), {
		headers,
		form: { target: 'measure', parentId: '', visibility: 'PUBLIC', body: `Auteur forgé ${run}`, authorId: 'someone' },
		maxRedirects: 0
	});
	expect(extra.status()).toBe(400);
	// Moderation is for admins.
	const hide = await page.request.post(action('hideComment'), {
		headers,
		form: { commentId: 'cmaaaaaaaaaaaaaaaaaaaaaaa', version: '1', reason: 'x' },
		maxRedirects: 0
	});
	expect(hide.status()).toBe(403);

	// Not signed in: sent to the login page.
	const visitor = await citizen(browser);
	try {
		const anonymous = await visitor.request.post(action('postComment'), {
			headers,
			form: { target: 'measure', parentId: '', visibility: 'PUBLIC', body: `Anonyme ${run}` },
			maxRedirects: 0
		});
		expect(anonymous.status()).toBe(303);
		expect(anonymous.headers()['location']).toMatch(/^\/connexion\?redirectTo=/);
		await visitor.goto(MEASURE);
		await expect(visitor.getByText(run)).toHaveCount(0);
	} finally {
		await visitor.context().close();
	}
	await page.goto(MEASURE);
	await expect(page.locator('.jalons-comment-body').getByText(run)).toHaveCount(0);
});

// What a person types in a form while the page's script is still loading is kept when the page is
// hydrated ($lib/forms/keep-typed.ts): Svelte would otherwise write the server's values over it. The
// script is held back on purpose to make a slow connection certain. Run once (the js project): without
// JavaScript there is no hydration.
import type { Page } from '@playwright/test';
import { test, expect, settled } from './fixtures';
import { E2E_AMDAC, MINISTRY_PLAN } from './ministry-plan';

const MEASURE = `/plans/${MINISTRY_PLAN.slug}/mesures/${MINISTRY_PLAN.own}`;

/** Holds back the scripts whose address matches `pattern` until `release` is called. */
async function holdScripts(page: Page, pattern: RegExp): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route(pattern, async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

test('text typed and a choice made before any script ran are kept, then saved', async ({ page, signInAs }) => {
	const note = `Saisi avant le script ${Date.now().toString(36)}`;
	await signInAs(page, E2E_AMDAC.ministry);
	const release = await holdScripts(page, /\/_app\/immutable\/.*\.js$/);
	await page.goto(`${MEASURE}/modifier`, { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Statut').selectOption('CONTINUOUS');
	await page.getByLabel('Description', { exact: true }).fill(note);
	release();
	await settled(page);
	await expect(page.getByLabel('Description', { exact: true })).toHaveValue(note);
	await expect(page.getByLabel('Statut')).toHaveValue('CONTINUOUS');

	await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
	await expect(page.getByText('La mesure est enregistrée.')).toBeVisible();
	await page.goto(MEASURE);
	await expect(page.getByText(note)).toBeVisible();
});

test('text typed while the page’s own code loads is kept', async ({ page, signInAs }) => {
	const typed = `Saisi pendant le chargement ${Date.now().toString(36)}`;
	await signInAs(page, E2E_AMDAC.ministry);
	// The app has started (its hooks run before the page's code is asked for); the page's code is held.
	const release = await holdScripts(page, /\/_app\/immutable\/nodes\/.*\.js$/);
	const asked = page.waitForRequest(/\/_app\/immutable\/nodes\/.*\.js$/);
	await page.goto(`${MEASURE}/modifier`, { waitUntil: 'domcontentloaded' });
	await asked;
	await page.getByLabel('Description', { exact: true }).fill(typed);
	release();
	await settled(page);
	await expect(page.getByLabel('Description', { exact: true })).toHaveValue(typed);
});

test('a public page’s data is not serialized for a browser, a signed-in page’s is', async ({ request, signInAs, page }) => {
	// Public pages are never hydrated: their data stays on the server ($lib/render/unhydrated.ts).
	const publicData = await (await request.get('/plans/plan-action-logiciels-libres-et-communs-numeriques/__data.json')).text();
	expect(publicData).toContain('"Unhydrated"');
	expect(publicData).not.toContain('Plan d’action logiciels libres');
	// A signed-in page is hydrated from its data.
	await signInAs(page, E2E_AMDAC.ministry);
	const editing = await (await page.request.get(`${MEASURE}/modifier/__data.json`)).text();
	expect(editing).not.toContain('"Unhydrated"');
	expect(editing).toContain('Inventorier les logiciels des musées (e2e)');
});

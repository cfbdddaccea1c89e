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

test('a link to a public page, hovered on a signed-in page, preloads that page’s data without an error', async ({ page, signInAs }) => {
	// The HTML of a public page carries no data for a script ($lib/render/unhydrated.ts); its `__data.json`,
	// which the router of a hydrated page asks for on hover, still does.
	const errors: string[] = [];
	page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
	page.on('pageerror', (error) => errors.push(error.message));
	const preloads: string[] = [];
	page.on('request', (request) => void (request.url().includes(`${MEASURE}/__data.json`) && preloads.push(request.url())));
	await signInAs(page, E2E_AMDAC.ministry);
	await page.goto(`${MEASURE}/modifier`);
	await settled(page);
	const link = page.getByRole('link', { name: 'Voir la page publique de la mesure' });
	await link.hover();
	await expect.poll(() => preloads.length).toBeGreaterThan(0);
	await link.click();
	await expect(page).toHaveURL(new RegExp(`${MEASURE.replace('.', '\\.')}$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Inventorier les logiciels des musées (e2e)');
	expect(errors).toEqual([]);
});

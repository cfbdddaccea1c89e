// Signing in with ProConnect in the browser, JavaScript on and off: the login page's button, the test
// provider's sign-in form (tests/oidc/provider.ts, a real OpenID provider) filled in like a person
// would, and back to Jalons. First sign-in from an invitation, an unknown agent's refusal page, a
// later sign-in after an e-mail change, logout through the provider. Each project has its own
// Jalons (own database) and provider (own port): the two can run side by side.
import type { Page } from '@playwright/test';
import { test, expect, ACCOUNTS, expectNoAxeViolations, settled, ONCE } from './fixtures';
import { databaseFingerprint, type AppServer } from '../security/app-server';
import { IDP_ID, LEVELS, type Agent, type TestProvider } from '../oidc/provider';
import { AGENTS, invite, PROVIDER_PORTS, REFUSAL, startProConnectApp, type ProConnectApp } from '../oidc/proconnect-app';

let app: ProConnectApp;
let server: AppServer;
let provider: TestProvider;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	app = await startProConnectApp(test.info().project.name === 'nojs' ? PROVIDER_PORTS.nojs : PROVIDER_PORTS.js);
	({ server, provider } = app);
});

test.afterAll(async () => {
	await app?.stop();
});

const PROCONNECT_BUTTON = /S’identifier avec\s*ProConnect/;

/** Presses the ProConnect button of the login page (`query`: its query string) and waits for the provider's form. */
async function toProviderForm(page: Page, query = ''): Promise<void> {
	await page.goto(`${server.origin}/connexion${query}`);
	await settled(page);
	await page.getByRole('button', { name: PROCONNECT_BUTTON }).click();
	await expect(page.getByRole('heading', { name: 'Fournisseur d’identité de test' })).toBeVisible();
	expect(new URL(page.url()).origin).toBe(provider.issuer);
}

/** Signs in at the provider as `who`, at level `acr`, and waits to be back on Jalons. */
async function submitProviderForm(page: Page, who: Agent, acr: string = LEVELS.basic): Promise<void> {
	await page.getByLabel('Agent').selectOption(who.sub);
	await page.getByLabel('Niveau').selectOption(acr);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await page.waitForURL((url) => url.origin === server.origin);
	await settled(page);
}

const sessionCookie = async (page: Page) => (await page.context().cookies(server.origin)).find((c) => c.name === 'jalons_session');
const logoutButton = (page: Page) => page.getByRole('button', { name: 'Se déconnecter' });
const identityRow = (page: Page, email: string) => page.getByRole('table', { name: 'Identités ProConnect liées à mon compte' }).getByRole('row').filter({ hasText: email });

test('the login page offers ProConnect above the password form, and passes axe', ONCE, async ({ page }) => {
	await page.goto(`${server.origin}/connexion`);
	await expect(page.getByRole('button', { name: PROCONNECT_BUTTON })).toBeVisible();
	await expect(page.getByRole('link', { name: /Qu’est-ce que ProConnect\s\?/u })).toHaveAttribute('href', 'https://www.proconnect.gouv.fr/');
	await expect(page.getByRole('heading', { name: 'Avec un mot de passe Jalons' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the personal-data page says what a ProConnect sign-in stores, why and for how long', ONCE, async ({ page }) => {
	await page.goto(`${server.origin}/donnees-personnelles`);
	const main = page.getByRole('main');
	await expect(main.getByRole('heading', { level: 2, name: 'Connexion avec ProConnect' })).toBeVisible();
	await expect(main).toContainText(/«\s?idp_id\s?»/u);
	await expect(main).toContainText('le jeton d’identité');
	await expect(main).toContainText('Le jeton d’identité est effacé avec la session');
	await expect(main.getByText(/^Pourquoi\s: /)).toHaveCount(3);
});

test('first sign-in with an invitation: the account is created and the agent lands where they were going', async ({ page }) => {
	await invite(server, 'inv-browser', AGENTS.invited.email);
	await toProviderForm(page, `?redirectTo=${encodeURIComponent('/compte')}`);
	await submitProviderForm(page, AGENTS.invited);
	expect(new URL(page.url()).pathname).toBe('/compte');
	await expect(logoutButton(page)).toBeVisible();
	await expect(page.getByText(`${AGENTS.invited.email}`, { exact: true }).first()).toBeVisible();
	const row = identityRow(page, AGENTS.invited.email);
	await expect(row).toContainText('13002526500013');
	await expect(row).toContainText(IDP_ID);
	// No password: the identity is the account's only way in, so it cannot be unlinked.
	await expect(page.getByText('Pour délier cette identité, choisissez d’abord un mot de passe')).toBeVisible();
	await expect(row.getByRole('button', { name: 'Délier' })).toHaveCount(0);
	// No current password to give: a link to set one instead of the change form.
	await expect(page.getByLabel('Mot de passe actuel')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'définir un mot de passe' })).toHaveAttribute('href', '/mot-de-passe-oublie');
	expect((await server.queryOne<{ usedAt: Date | null }>(`SELECT "usedAt" FROM "UserToken" WHERE id = 'inv-browser'`)).usedAt).not.toBeNull();
});

test('an unknown agent gets a page explaining how to ask for access (axe), no session, nothing stored but the attempt', async ({ page }) => {
	await toProviderForm(page);
	const before = await databaseFingerprint(server);
	await submitProviderForm(page, AGENTS.unknown);
	expect(new URL(page.url()).pathname).toBe(REFUSAL);
	await expect(page.getByRole('heading', { level: 1, name: 'Connexion avec ProConnect impossible' })).toBeVisible();
	await expect(page.getByText('aucun compte Jalons ni aucune invitation')).toContainText(AGENTS.unknown.email);
	await expect(page.getByRole('link', { name: 'Retour à la page de connexion' })).toBeVisible();
	await expectNoAxeViolations(page);
	expect(await sessionCookie(page)).toBeUndefined();
	expect(await databaseFingerprint(server)).toEqual(before);
	await page.goto(`${server.origin}/compte`);
	expect(new URL(page.url()).pathname).toBe('/connexion');
});

test('a later sign-in after an e-mail change at the identity provider reaches the same account', async ({ page }) => {
	await toProviderForm(page, `?redirectTo=${encodeURIComponent('/compte')}`);
	await submitProviderForm(page, AGENTS.amdac);
	await expect(page.getByText(ACCOUNTS.amdac.email, { exact: true }).first()).toBeVisible();
	await expect(identityRow(page, ACCOUNTS.amdac.email)).toBeVisible();

	const changed = 'amina.nouvelle-adresse@agents.example';
	provider.agents.set(AGENTS.amdac.sub, { ...AGENTS.amdac, email: changed });
	try {
		// Another day, another browser session: neither Jalons nor the provider remembers the agent.
		await page.context().clearCookies();
		await toProviderForm(page, `?redirectTo=${encodeURIComponent('/compte')}`);
		await submitProviderForm(page, AGENTS.amdac);
	} finally {
		provider.agents.set(AGENTS.amdac.sub, AGENTS.amdac);
	}
	expect(new URL(page.url()).pathname).toBe('/compte');
	// The account keeps its address; the linked identity shows the new one, and there is still one.
	await expect(page.getByRole('listitem').filter({ hasText: 'Adresse électronique' })).toContainText(ACCOUNTS.amdac.email);
	await expect(identityRow(page, changed)).toBeVisible();
	await expect(page.getByRole('table', { name: 'Identités ProConnect liées à mon compte' }).locator('tbody tr')).toHaveCount(1);
});

test('logout ends the Jalons session, then the provider’s, and comes back to the login page', async ({ page }) => {
	await toProviderForm(page);
	await submitProviderForm(page, AGENTS.council);
	await logoutButton(page).click();
	await expect(page.getByRole('heading', { name: 'Se déconnecter du fournisseur de test ?' })).toBeVisible();
	// Jalons' session is over before the provider asks.
	expect(await sessionCookie(page)).toBeUndefined();
	await page.getByRole('button', { name: 'Oui, me déconnecter' }).click();
	await page.waitForURL((url) => url.origin === server.origin);
	expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/connexion?etat=deconnexion');
	await expect(page.getByText('Vous êtes déconnecté.')).toBeVisible();
	await page.goto(`${server.origin}/compte`);
	expect(new URL(page.url()).pathname).toBe('/connexion');
	// The provider's session is over too: signing in again asks who the agent is.
	await toProviderForm(page);
	await expect(page.getByLabel('Agent')).toBeVisible();
});

// Signing in with ProConnect over HTTP, through `node build` and a real OpenID provider (oidc-provider,
// tests/oidc/provider.ts): first sign-in from an invitation, an unknown agent refused, an existing
// account found by its address then by its key after an e-mail change, the staff authentication
// level, logout through the provider; and the attacks, each refused with no session opened.
import { test, expect, ACCOUNTS } from './fixtures';
import { databaseFingerprint, type AppServer } from '../security/app-server';
import { otherKey, IDP_ID, LEVELS, type Agent, type TestProvider } from '../oidc/provider';
import { AGENTS, CALLBACK, invite, PROVIDER_PORTS, REFUSAL, startProConnectApp, type ProConnectApp } from '../oidc/proconnect-app';
import { HttpBrowser } from '../oidc/http-browser';

let app: ProConnectApp;
let server: AppServer;
let provider: TestProvider;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	app = await startProConnectApp(PROVIDER_PORTS.http);
	({ server, provider } = app);
});

test.afterAll(async () => {
	await app?.stop();
});

test.afterEach(() => {
	provider.tamper = null;
});

/** From the button to the provider's answer: the callback URL the browser is sent to (not yet followed). */
async function toCallback(browser: HttpBrowser, who: Agent, acr: string = LEVELS.basic, redirectTo?: string): Promise<URL> {
	const start = await browser.request(`${server.origin}/connexion?/proconnect`, { form: redirectTo ? { redirectTo } : {}, origin: server.origin });
	expect(start.status).toBe(303);
	const authorize = new URL(start.headers.get('location')!);
	expect(authorize.origin).toBe(provider.issuer);
	const login = await browser.follow(authorize);
	expect(login.response?.status).toBe(200);
	const done = await browser.follow(login.url, { form: { agent: who.sub, acr } }, (next) => next.origin === server.origin);
	expect(done.url.pathname).toBe(CALLBACK);
	return done.url;
}

const sessionCookie = (browser: HttpBrowser) => browser.cookies(server.origin).get('jalons_session');
const sessionCount = async () => Number((await server.queryOne<{ n: string }>(`SELECT count(*)::text AS n FROM "Session"`)).n);
const userId = async (email: string) => (await server.queryOne<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email])).id;

async function signedIn(browser: HttpBrowser): Promise<boolean> {
	return (await browser.request(`${server.origin}/compte`)).status === 200;
}

async function expectRefused(browser: HttpBrowser, callback: URL, before: number): Promise<void> {
	const answer = await browser.request(callback);
	expect(answer.status).toBe(303);
	expect(answer.headers.get('location')).toBe(REFUSAL);
	expect(sessionCookie(browser)).toBeUndefined();
	expect(await sessionCount()).toBe(before);
	expect(await signedIn(browser)).toBe(false);
}

test('the login page shows the ProConnect button and its "what is ProConnect?" link, in French and English', async () => {
	const fr = await (await fetch(`${server.origin}/connexion`)).text();
	expect(fr).toContain('action="?/proconnect"');
	expect(fr).toContain('class="fr-connect jalons-proconnect"');
	// The typography layer puts a narrow no-break space before the question mark.
	expect(fr).toMatch(/Qu’est-ce que ProConnect\s\?/u);
	expect(fr).toContain('href="https://www.proconnect.gouv.fr/"');
	const en = await (await fetch(`${server.origin}/en/connexion`)).text();
	expect(en).toContain('What is ProConnect?');
	expect(en).toContain('Sign in with');
});

test('the authorization request carries state, nonce (32+ characters), PKCE S256, the scopes and the acr claim', async () => {
	const browser = new HttpBrowser();
	const start = await browser.request(`${server.origin}/connexion?/proconnect`, { form: {}, origin: server.origin });
	const url = new URL(start.headers.get('location')!);
	expect(url.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32);
	expect(url.searchParams.get('nonce')!.length).toBeGreaterThanOrEqual(32);
	expect(url.searchParams.get('code_challenge_method')).toBe('S256');
	expect(url.searchParams.get('scope')).toBe('openid given_name usual_name email uid siret idp_id');
	expect(url.searchParams.get('redirect_uri')).toBe(server.origin + CALLBACK);
	expect(JSON.parse(url.searchParams.get('claims')!)).toEqual({ id_token: { acr: { essential: true, values: [LEVELS.basic, LEVELS.twoFactor] } } });
	const cookie = start.headers.getSetCookie().find((c) => c.startsWith('jalons_proconnect='))!;
	expect(cookie).toMatch(/HttpOnly/i);
	expect(cookie).toMatch(/SameSite=Lax/i);
	expect(cookie).toMatch(/Max-Age=600/i);
});

test('first sign-in with an invitation: the account is created without a password, the identity linked, a session opened', async () => {
	await invite(server, 'inv-proconnect', AGENTS.invited.email);
	const browser = new HttpBrowser();
	const answer = await browser.request(await toCallback(browser, AGENTS.invited, LEVELS.basic, '/compte'));
	expect(answer.status).toBe(303);
	expect(answer.headers.get('location')).toBe('/compte');
	expect(await signedIn(browser)).toBe(true);
	const user = await server.queryOne<{ id: string; passwordHash: string | null; roles: string }>(`SELECT id, "passwordHash", roles::text FROM "User" WHERE email = $1`, [
		AGENTS.invited.email
	]);
	expect(user.passwordHash).toBeNull();
	expect(user.roles).toBe('{AMDAC}');
	const identity = await server.queryOne<{ idpId: string; sub: string; siret: string }>(`SELECT "idpId", sub, siret FROM "FederatedIdentity" WHERE "userId" = $1`, [user.id]);
	expect(identity).toEqual({ idpId: IDP_ID, sub: AGENTS.invited.sub, siret: '13002526500013' });
	expect((await server.queryOne<{ usedAt: Date | null }>(`SELECT "usedAt" FROM "UserToken" WHERE id = 'inv-proconnect'`)).usedAt).not.toBeNull();
	const reasons = (await server.query<{ reason: string }>(`SELECT reason FROM "AuditEvent" WHERE "actorId" = $1 ORDER BY id`, [user.id])).map((r) => r.reason);
	expect(reasons).toEqual(['invitation inv-proconnect (ProConnect)', 'identité liée', 'connexion ProConnect']);
	// The account page shows the linked identity and its organisation.
	const page = await (await browser.request(`${server.origin}/compte`)).text();
	expect(page).toContain('13002526500013');
	expect(page).toContain(IDP_ID);
});

test('an unknown agent gets a page explaining how to ask for access, and nothing but the attempt is stored', async () => {
	const browser = new HttpBrowser();
	const callback = await toCallback(browser, AGENTS.unknown);
	const before = await databaseFingerprint(server);
	const sessions = await sessionCount();
	await expectRefused(browser, callback, sessions);
	expect(await databaseFingerprint(server)).toEqual(before);
	const page = await (await browser.request(server.origin + REFUSAL)).text();
	expect(page).toContain('aucun compte Jalons ni aucune invitation');
	expect(page).toContain(AGENTS.unknown.email);
	expect((await server.queryOne<{ n: string }>(`SELECT count(*)::text AS n FROM "User" WHERE email = $1`, [AGENTS.unknown.email])).n).toBe('0');
});

test('an existing account is found by its address (any case), then by the linked key after an e-mail change', async () => {
	const amdac = await userId(ACCOUNTS.amdac.email);
	const first = new HttpBrowser();
	await first.request(await toCallback(first, AGENTS.amdac));
	expect(await signedIn(first)).toBe(true);
	expect((await server.queryOne<{ userId: string }>(`SELECT "userId" FROM "FederatedIdentity" WHERE sub = $1`, [AGENTS.amdac.sub])).userId).toBe(amdac);
	// The agent's address changes at the identity provider: the key still finds the account.
	provider.agents.set(AGENTS.amdac.sub, { ...AGENTS.amdac, email: 'amina.nouvelle-adresse@agents.example' });
	const later = new HttpBrowser();
	await later.request(await toCallback(later, AGENTS.amdac));
	expect(await signedIn(later)).toBe(true);
	const identity = await server.queryOne<{ userId: string; email: string }>(`SELECT "userId", email FROM "FederatedIdentity" WHERE sub = $1`, [AGENTS.amdac.sub]);
	expect(identity).toEqual({ userId: amdac, email: 'amina.nouvelle-adresse@agents.example' });
	provider.agents.set(AGENTS.amdac.sub, AGENTS.amdac);
});

test('an administrator signing in below the two-factor level is refused (no session, audited); with it, signed in', async () => {
	const admin = await userId(ACCOUNTS.admin.email);
	const weak = new HttpBrowser();
	await expectRefused(weak, await toCallback(weak, AGENTS.admin, LEVELS.basic), await sessionCount());
	expect(await (await weak.request(server.origin + REFUSAL)).text()).toContain('authentification plus forte');
	expect((await server.queryOne<{ reason: string }>(`SELECT reason FROM "AuditEvent" WHERE "entityType" = 'SignInRefusal' AND "entityId" = $1`, [admin])).reason).toBe(
		'refus : niveau d’authentification insuffisant'
	);
	expect((await server.queryOne<{ n: string }>(`SELECT count(*)::text AS n FROM "FederatedIdentity" WHERE "userId" = $1`, [admin])).n).toBe('0');
	const strong = new HttpBrowser();
	await strong.request(await toCallback(strong, AGENTS.admin, LEVELS.twoFactor));
	expect(await signedIn(strong)).toBe(true);
	// The user list says which accounts use which method.
	const list = await (await strong.request(`${server.origin}/admin/utilisateurs`)).text();
	expect(list).toContain('Mot de passe, ProConnect');
});

test('logout ends the Jalons session, then the provider’s, and comes back to the login page', async () => {
	const browser = new HttpBrowser();
	await browser.request(await toCallback(browser, AGENTS.council));
	expect(await signedIn(browser)).toBe(true);
	const idToken = provider.lastIdToken;
	const logout = await browser.request(`${server.origin}/deconnexion?/logout`, { form: {}, origin: server.origin });
	expect(logout.status).toBe(303);
	const end = new URL(logout.headers.get('location')!);
	expect(end.origin + end.pathname).toBe(`${provider.issuer}/session/end`);
	expect(end.searchParams.get('id_token_hint')).toBe(idToken);
	expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${server.origin}/deconnexion/proconnect`);
	expect(end.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32);
	// Jalons' session is already gone before the provider answers.
	expect(await signedIn(browser)).toBe(false);
	const confirm = await browser.follow(end);
	const html = await confirm.response!.text();
	const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
	const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
	const back = await browser.follow(new URL(action, provider.issuer), { form: { xsrf, logout: 'yes' } }, (next) => next.origin === server.origin && next.pathname === '/connexion');
	expect(back.url.pathname + back.url.search).toBe('/connexion?etat=deconnexion');
	// The provider's session is over too: the next sign-in asks who the agent is again.
	const again = await browser.request(`${server.origin}/connexion?/proconnect`, { form: {}, origin: server.origin });
	const login = await browser.follow(new URL(again.headers.get('location')!));
	expect(login.url.pathname).toMatch(/^\/interaction\//);
});

test.describe('attacks: each callback is refused and opens no session', () => {
	test('a foreign state, a missing state, or a callback in a browser that never pressed the button', async () => {
		const before = await sessionCount();
		for (const mutate of [(u: URL) => u.searchParams.set('state', 'x'.repeat(43)), (u: URL) => u.searchParams.delete('state')]) {
			const browser = new HttpBrowser();
			const callback = await toCallback(browser, AGENTS.council);
			mutate(callback);
			await expectRefused(browser, callback, before);
		}
		const victim = new HttpBrowser();
		const stolen = await toCallback(new HttpBrowser(), AGENTS.council);
		await expectRefused(victim, stolen, before);
	});

	test('a replayed code, even with the flow cookie copied', async () => {
		const browser = new HttpBrowser();
		const callback = await toCallback(browser, AGENTS.council);
		const cookies = browser.snapshot();
		await browser.request(callback);
		expect(await signedIn(browser)).toBe(true);
		const thief = new HttpBrowser();
		thief.restore(cookies);
		thief.cookies(server.origin).delete('jalons_session');
		await expectRefused(thief, callback, await sessionCount());
	});

	test('control: a token re-signed unchanged with the provider’s key is accepted (the forgeries below fail for their one change)', async () => {
		const browser = new HttpBrowser();
		const callback = await toCallback(browser, AGENTS.council);
		provider.tamper = ({ header, payload }) => ({ header, payload });
		await browser.request(callback);
		expect(await signedIn(browser)).toBe(true);
	});

	const forgeries: [string, TestProvider['tamper']][] = [
		['a wrong nonce', ({ header, payload }) => ({ header, payload: { ...payload, nonce: 'n'.repeat(43) } })],
		['an unsigned token (alg: none)', ({ header, payload }) => ({ header: { ...header, alg: 'none' }, payload, key: 'none' })],
		['a token signed with another key', ({ header, payload }) => ({ header, payload, key: otherKey() })],
		['a wrong audience', ({ header, payload }) => ({ header, payload: { ...payload, aud: 'another-client' } })],
		['a wrong issuer', ({ header, payload }) => ({ header, payload: { ...payload, iss: 'http://127.0.0.1:4699' } })],
		['an expired token', ({ header, payload }) => ({ header, payload: { ...payload, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 } })],
		['an acr no level accepts', ({ header, payload }) => ({ header, payload: { ...payload, acr: 'eidas0' } })]
	];
	for (const [name, tamper] of forgeries) {
		test(`an ID token with ${name}`, async () => {
			const browser = new HttpBrowser();
			const callback = await toCallback(browser, AGENTS.council);
			provider.tamper = tamper;
			await expectRefused(browser, callback, await sessionCount());
		});
	}

	test('no parameter of the callback, nor the target given at the start, can send the browser off the site', async () => {
		for (const evil of ['//evil.example', 'https://evil.example/', '/\\evil.example', '/en//evil.example']) {
			const browser = new HttpBrowser();
			const callback = await toCallback(browser, AGENTS.council, LEVELS.basic, evil);
			for (const name of ['redirectTo', 'redirect_uri', 'next', 'returnTo', 'post_logout_redirect_uri', 'target']) callback.searchParams.set(name, evil);
			const answer = await browser.request(callback);
			const location = answer.headers.get('location') ?? '';
			expect(answer.status, evil).toBe(303);
			expect(location, evil).toMatch(/^\/(?![/\\])/);
			expect(new URL(location, server.origin).origin, evil).toBe(server.origin);
		}
		// A refused callback, whatever its parameters, lands on the refusal page.
		const browser = new HttpBrowser();
		const refused = await browser.request(`${server.origin}${CALLBACK}?code=x&state=y&redirectTo=${encodeURIComponent('//evil.example')}&error_uri=https://evil.example`);
		expect(refused.headers.get('location')).toBe(REFUSAL);
	});
});

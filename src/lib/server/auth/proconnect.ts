// Signing in with ProConnect, the OpenID Connect federation of public agents: the protocol half
// (the accounts half is domain/users/proconnect.ts). Authorization code flow through openid-client:
// state, nonce and PKCE (S256) bound to the browser by a short-lived HttpOnly cookie; the ID token's
// signature, issuer, audience, expiry and nonce checked; userinfo read as ProConnect sends it, a
// signed JWT, and its signature checked too. openid-client skips signature checks of tokens received
// straight from the token endpoint over TLS unless asked (enableNonRepudiationChecks): we ask, as
// ProConnect's integration guide requires.
import type { Cookies } from '@sveltejs/kit';
import * as client from 'openid-client';
import { config, publicOrigin, type ProConnectConfig } from '../config';
import type { Locale } from '../../i18n';
import { cookieSecurity } from './session';

/** The redirect URI and post-logout redirect URI to register with ProConnect (both under ORIGIN). */
const CALLBACK_PATH = '/connexion/proconnect/retour';
const LOGOUT_RETURN_PATH = '/deconnexion/proconnect';
const SCOPES = 'openid given_name usual_name email uid siret idp_id';
/** ProConnect signs ID tokens and userinfo with the algorithm chosen at registration: RS256 here. */
const SIGNING_ALG = 'RS256';

const FLOW_COOKIE = 'jalons_proconnect';
const LOGOUT_COOKIE = 'jalons_proconnect_logout';
/** Long enough to sign in at one's identity provider (password, second factor), short enough to be useless later. */
const FLOW_TTL_SECONDS = 10 * 60;
/** The discovery document (and with it the signing keys' address) is read again after this. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const HTTP_TIMEOUT_SECONDS = 10;

const redirectUri = () => publicOrigin() + CALLBACK_PATH;
const postLogoutRedirectUri = () => publicOrigin() + LOGOUT_RETURN_PATH;

/** The ProConnect settings, or null when it is not configured (no button, no route answers). */
export function proConnectSettings(): ProConnectConfig | null {
	return config().proConnect;
}

/** Every level asked for and accepted: the general ones and the staff ones. */
export function acceptedLevels(settings: ProConnectConfig): string[] {
	return [...new Set([...settings.acrValues, ...settings.staffAcrValues])];
}

// The discovered configuration is the provider's public metadata and openid-client's cache of its
// public keys: the same for every user, so one per process (not per request) is right.
let discovered: { key: string; at: number; value: Promise<client.Configuration> } | undefined;

function isLoopbackHttp(issuer: string): boolean {
	return new URL(issuer).protocol === 'http:';
}

async function discover(settings: ProConnectConfig): Promise<client.Configuration> {
	return client.discovery(
		new URL(settings.issuer),
		settings.clientId,
		{ client_secret: settings.clientSecret, id_token_signed_response_alg: SIGNING_ALG, userinfo_signed_response_alg: SIGNING_ALG },
		client.ClientSecretPost(settings.clientSecret),
		{
			// config.ts only lets an http issuer through on the loopback (the test provider).
			execute: [client.enableNonRepudiationChecks, ...(isLoopbackHttp(settings.issuer) ? [client.allowInsecureRequests] : [])],
			timeout: HTTP_TIMEOUT_SECONDS
		}
	);
}

async function configuration(settings: ProConnectConfig, now = Date.now()): Promise<client.Configuration> {
	const key = `${settings.issuer} ${settings.clientId}`;
	if (!discovered || discovered.key !== key || now - discovered.at > DISCOVERY_TTL_MS) {
		const value = discover(settings);
		discovered = { key, at: now, value };
		// A failed discovery (provider down) is tried again at the next sign-in, not cached for an hour.
		value.catch(() => {
			if (discovered?.value === value) discovered = undefined;
		});
	}
	return discovered.value;
}

/** What the browser keeps between the button and the callback (HttpOnly cookie, 10 minutes). */
export interface Flow {
	state: string;
	nonce: string;
	verifier: string;
	/** Where to go once signed in: checked again with safeRedirectTarget when used. */
	redirectTo: string | null;
	locale: Locale;
	expiresAt: number;
}

function isFlow(value: unknown): value is Flow {
	const v = value as Partial<Flow> | null;
	return (
		typeof v === 'object' &&
		v !== null &&
		typeof v.state === 'string' &&
		typeof v.nonce === 'string' &&
		typeof v.verifier === 'string' &&
		(v.redirectTo === null || typeof v.redirectTo === 'string') &&
		(v.locale === 'fr' || v.locale === 'en') &&
		typeof v.expiresAt === 'number'
	);
}

function cookieOptions(url: URL, maxAge: number) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: cookieSecurity(url).secure, maxAge };
}

const cookieName = (base: string, url: URL) => cookieSecurity(url, base).name;

function writeCookie(cookies: Cookies, url: URL, base: string, value: object): void {
	cookies.set(cookieName(base, url), Buffer.from(JSON.stringify(value)).toString('base64url'), cookieOptions(url, FLOW_TTL_SECONDS));
}

/** Reads and deletes a flow cookie: each one serves once. */
function takeCookie(cookies: Cookies, url: URL, base: string): unknown {
	const name = cookieName(base, url);
	const raw = cookies.get(name);
	if (raw === undefined) return null;
	cookies.delete(name, cookieOptions(url, 0));
	try {
		return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
	} catch {
		return null;
	}
}

/**
 * Where the ProConnect button leads: the provider's authorization endpoint, with fresh state, nonce
 * and PKCE challenge, the first two and the verifier kept in the browser's flow cookie.
 */
export async function beginSignIn(settings: ProConnectConfig, cookies: Cookies, url: URL, options: { redirectTo: string | null; locale: Locale }, now = Date.now()): Promise<URL> {
	const oidc = await configuration(settings, now);
	// 32 random bytes each, 43 characters: more than the 32 characters ProConnect asks for.
	const flow: Flow = {
		state: client.randomState(),
		nonce: client.randomNonce(),
		verifier: client.randomPKCECodeVerifier(),
		redirectTo: options.redirectTo,
		locale: options.locale,
		expiresAt: now + FLOW_TTL_SECONDS * 1000
	};
	writeCookie(cookies, url, FLOW_COOKIE, flow);
	return client.buildAuthorizationUrl(oidc, {
		redirect_uri: redirectUri(),
		scope: SCOPES,
		state: flow.state,
		nonce: flow.nonce,
		code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
		code_challenge_method: 'S256',
		// ProConnect returns `acr` only when asked, as an essential claim with the levels we accept.
		claims: JSON.stringify({ id_token: { acr: { essential: true, values: acceptedLevels(settings) } } })
	});
}

/** The identity ProConnect vouched for, every signature and binding checked. */
export interface ProConnectIdentity {
	idpId: string;
	sub: string;
	email: string;
	givenName: string | null;
	usualName: string | null;
	siret: string | null;
	acr: string | null;
	idToken: string;
}

export class ProConnectError extends Error {
	constructor(
		readonly reason: 'noFlow' | 'expired' | 'rejected' | 'unavailable' | 'incomplete',
		options?: { cause?: unknown }
	) {
		super(`ProConnect sign-in failed: ${reason}`, options);
		this.name = 'ProConnectError';
	}
}

const text = (value: unknown, max = 320): string | null => (typeof value === 'string' && value.trim() && value.length <= max ? value.trim() : null);

/** What the flow cookie held, for the callback; null when the browser has none (foreign or replayed callback). */
export function takeFlow(cookies: Cookies, url: URL): Pick<Flow, 'redirectTo' | 'locale'> & { flow: Flow | null } {
	const raw = takeCookie(cookies, url, FLOW_COOKIE);
	const flow = isFlow(raw) ? raw : null;
	return { flow, redirectTo: flow?.redirectTo ?? null, locale: flow?.locale ?? 'fr' };
}

/**
 * The callback: checks the response against the flow (state), trades the code (PKCE verifier), checks
 * the ID token (signature, issuer, audience, expiry, nonce) and reads the signed userinfo of the same subject.
 * Only the query string of `callbackUrl` is used: the redirect URI is the registered one.
 */
export async function completeSignIn(settings: ProConnectConfig, flow: Flow | null, callbackUrl: URL, now = Date.now()): Promise<ProConnectIdentity> {
	if (!flow) throw new ProConnectError('noFlow');
	if (flow.expiresAt <= now) throw new ProConnectError('expired');
	let oidc: client.Configuration;
	try {
		oidc = await configuration(settings, now);
	} catch (cause) {
		throw new ProConnectError('unavailable', { cause });
	}
	const current = new URL(redirectUri());
	current.search = callbackUrl.search;
	let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
	let userinfo: client.UserInfoResponse;
	try {
		tokens = await client.authorizationCodeGrant(oidc, current, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
		const claims = tokens.claims();
		if (!claims || !tokens.id_token) throw new ProConnectError('incomplete');
		userinfo = await client.fetchUserInfo(oidc, tokens.access_token, claims.sub);
	} catch (cause) {
		if (cause instanceof ProConnectError) throw cause;
		// A network failure is the provider's outage; everything else is a response we refuse.
		const unreachable = cause instanceof TypeError || (cause instanceof Error && (cause.name === 'AbortError' || cause.name === 'TimeoutError'));
		throw new ProConnectError(unreachable ? 'unavailable' : 'rejected', { cause });
	}
	const claims = tokens.claims()!;
	const idpId = text(userinfo.idp_id, 200);
	const email = text(userinfo.email, 254);
	if (!idpId || !email) throw new ProConnectError('incomplete');
	return {
		idpId,
		sub: claims.sub,
		email,
		givenName: text(userinfo.given_name, 200),
		usualName: text(userinfo.usual_name, 200),
		siret: typeof userinfo.siret === 'string' && /^\d{14}$/.test(userinfo.siret) ? userinfo.siret : null,
		acr: text(claims.acr, 200),
		idToken: tokens.id_token
	};
}

/**
 * RP-initiated logout: the provider's end-session endpoint with the session's ID token, a state kept
 * in a logout cookie, and the registered post-logout redirect URI. Null when the provider is unreachable.
 */
export async function endSessionUrl(settings: ProConnectConfig, cookies: Cookies, url: URL, idToken: string, locale: Locale): Promise<URL | null> {
	let oidc: client.Configuration;
	try {
		oidc = await configuration(settings);
	} catch {
		return null;
	}
	if (!oidc.serverMetadata().end_session_endpoint) return null;
	const state = client.randomState();
	writeCookie(cookies, url, LOGOUT_COOKIE, { state, locale, expiresAt: Date.now() + FLOW_TTL_SECONDS * 1000 });
	return client.buildEndSessionUrl(oidc, { id_token_hint: idToken, state, post_logout_redirect_uri: postLogoutRedirectUri() });
}

/** Back from the provider's logout: the locale to show the login page in, and whether the state matched. */
export function takeLogoutReturn(cookies: Cookies, url: URL): { locale: Locale; matched: boolean } {
	const raw = takeCookie(cookies, url, LOGOUT_COOKIE) as { state?: unknown; locale?: unknown; expiresAt?: unknown } | null;
	const locale: Locale = raw?.locale === 'en' ? 'en' : 'fr';
	const state = url.searchParams.get('state');
	const matched = typeof raw?.state === 'string' && state === raw.state && typeof raw.expiresAt === 'number' && raw.expiresAt > Date.now();
	return { locale, matched };
}

/** The origin the browser is sent to (the CSP's form-action must allow it: sign-in and logout are form posts). */
export function providerOrigin(settings: ProConnectConfig): string {
	return new URL(settings.issuer).origin;
}

// A ProConnect stand-in for the tests: the certified OpenID provider `oidc-provider` (panva) on the
// loopback, configured like ProConnect (authorization code + PKCE, `claims` parameter for `acr`,
// userinfo as a signed JWT, RP-initiated logout) with a fresh RSA key and a few agents. Its sign-in
// page is a small form (agent, authentication level) that a browser or an HTTP client can post.
// `tamper` rewrites the ID token of the token endpoint's next answers, for the attacks the real
// provider would never make (alg none, another key, wrong audience…): everything else is the real thing.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createPrivateKey, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import Provider, { type Configuration } from 'oidc-provider';

export interface Agent {
	sub: string;
	idp_id: string;
	email: string;
	given_name: string;
	usual_name: string;
	siret: string;
	uid: string;
}

type IdTokenTamper = (token: { header: Record<string, unknown>; payload: Record<string, unknown> }) => {
	header: Record<string, unknown>;
	payload: Record<string, unknown>;
	/** Signing key: the provider's own unless given; 'none' for an unsigned token. */
	key?: KeyObject | 'none';
};

export interface TestProvider {
	issuer: string;
	clientId: string;
	clientSecret: string;
	agents: Map<string, Agent>;
	/** Set to rewrite the ID tokens the token endpoint returns; null for the genuine ones. */
	tamper: IdTokenTamper | null;
	/** The ID token the token endpoint returned last (after tampering), and the logouts it saw. */
	lastIdToken: string | null;
	endSessions: URL[];
	stop(): Promise<void>;
}

export const IDP_ID = 'fia1v2-test-idp';
export const LEVELS = {
	basic: 'eidas1',
	twoFactor: 'https://proconnect.gouv.fr/assurance/self-asserted-2fa'
} as const;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const fromB64 = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject | 'none'): string {
	const input = `${b64(header)}.${b64(payload)}`;
	if (key === 'none') return `${input}.`;
	return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export const otherKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
	return new Promise((resolve, reject) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => {
			body += chunk;
			if (body.length > 10_000) req.destroy();
		});
		req.on('end', () => resolve(new URLSearchParams(body)));
		req.on('error', reject);
	});
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startTestProvider(options: { port: number; redirectUri: string; postLogoutRedirectUri: string; agents: Agent[] }): Promise<TestProvider> {
	const issuer = `http://127.0.0.1:${options.port}`;
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const kid = 'test-key-1';
	const jwk = { ...(privateKey.export({ format: 'jwk' }) as JsonWebKey), kid, use: 'sig', alg: 'RS256' };
	const signingKey = createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
	const agents = new Map(options.agents.map((agent) => [agent.sub, agent]));
	const clientId = 'jalons-test';
	const clientSecret = 'jalons-test-secret-0123456789abcdef';

	const configuration: Configuration = {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: [options.redirectUri],
				post_logout_redirect_uris: [options.postLogoutRedirectUri],
				token_endpoint_auth_method: 'client_secret_post',
				id_token_signed_response_alg: 'RS256',
				userinfo_signed_response_alg: 'RS256'
			}
		],
		jwks: { keys: [jwk as never] },
		pkce: { required: () => true },
		acrValues: [LEVELS.basic, LEVELS.twoFactor],
		claims: {
			openid: ['sub'],
			acr: null,
			amr: null,
			given_name: ['given_name'],
			usual_name: ['usual_name'],
			email: ['email'],
			uid: ['uid'],
			siret: ['siret'],
			idp_id: ['idp_id']
		},
		features: {
			devInteractions: { enabled: false },
			claimsParameter: { enabled: true },
			jwtUserinfo: { enabled: true },
			rpInitiatedLogout: {
				enabled: true,
				// Confirming is the provider's own page; here, the form posts itself.
				logoutSource: async (ctx, form) => {
					ctx.body = `<!DOCTYPE html><html lang="fr"><head><title>Déconnexion</title></head><body><h1>Se déconnecter du fournisseur de test ?</h1>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Oui, me déconnecter</button></body></html>`;
				}
			}
		},
		ttl: { AccessToken: 60, AuthorizationCode: 30, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
		async findAccount(_ctx, sub) {
			const agent = agents.get(sub);
			if (!agent) return undefined;
			return { accountId: sub, claims: async () => ({ ...agent }) };
		}
	};
	const provider = new Provider(issuer, configuration);

	const state: TestProvider = {
		issuer,
		clientId,
		clientSecret,
		agents,
		tamper: null,
		lastIdToken: null,
		endSessions: [],
		async stop() {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};

	// A post-middleware on the token endpoint: the genuine answer, then the requested forgery.
	provider.use(async (ctx, next) => {
		if (ctx.path === '/session/end' && ctx.method === 'GET') state.endSessions.push(new URL(ctx.href));
		await next();
		if (ctx.path !== '/token' || ctx.status !== 200) return;
		const body = ctx.body as { id_token?: string };
		if (body.id_token && state.tamper) {
			const [h, p] = body.id_token.split('.') as [string, string];
			const forged = state.tamper({ header: fromB64(h), payload: fromB64(p) });
			body.id_token = signJwt(forged.header, forged.payload, forged.key ?? signingKey);
			ctx.body = body;
		}
		state.lastIdToken = body.id_token ?? null;
	});

	const callback = provider.callback();

	async function interaction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
		const details = await provider.interactionDetails(req, res);
		if (details.uid !== uid) throw new Error('interaction mismatch');
		if (details.prompt.name === 'consent') {
			// Agents consent once and for all, as with ProConnect: grant what the client asked for.
			const grant = details.grantId
				? await provider.Grant.find(details.grantId)
				: new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
			const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
			if (missing.missingOIDCScope) grant!.addOIDCScope(missing.missingOIDCScope.join(' '));
			if (missing.missingOIDCClaims) grant!.addOIDCClaims(missing.missingOIDCClaims);
			const grantId = await grant!.save();
			await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
			return;
		}
		if (req.method === 'POST') {
			const form = await readForm(req);
			const sub = form.get('agent') ?? '';
			const acr = form.get('acr') ?? LEVELS.basic;
			if (!agents.has(sub)) {
				res.writeHead(400).end('unknown agent');
				return;
			}
			await provider.interactionFinished(
				req,
				res,
				{ login: { accountId: sub, acr, amr: acr === LEVELS.twoFactor ? ['pwd', 'totp', 'mfa'] : ['pwd'] } },
				{ mergeWithLastSubmission: false }
			);
			return;
		}
		const choices = [...agents.values()].map((a) => `<option value="${escape(a.sub)}">${escape(a.email)}</option>`).join('');
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(
			`<!DOCTYPE html><html lang="fr"><head><title>Fournisseur d’identité de test</title></head><body><h1>Fournisseur d’identité de test</h1>` +
				`<form method="post" action="/interaction/${escape(uid)}"><label for="agent">Agent</label><select id="agent" name="agent">${choices}</select>` +
				`<label for="acr">Niveau</label><select id="acr" name="acr"><option value="${LEVELS.basic}">eidas1</option><option value="${LEVELS.twoFactor}">2FA</option></select>` +
				`<button type="submit">Se connecter</button></form></body></html>`
		);
	}

	const server: Server = createServer((req, res) => {
		const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? '/', issuer).pathname);
		if (!match) return void callback(req, res);
		interaction(req, res, match[1]!).catch((error: unknown) => {
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
			res.end(String(error));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, '127.0.0.1', () => resolve());
	});
	return state;
}

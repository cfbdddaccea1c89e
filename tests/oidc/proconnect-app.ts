// Jalons configured for ProConnect against the test provider, for the ProConnect specs (over HTTP and
// in the browser): `node build` on a database of its own (tests/security/app-server.ts) and an
// oidc-provider registered with its redirect URIs. Each spec, and each Playwright project of the
// browser spec, passes its own provider port, so that they run side by side (E2E_WORKERS=2).
import { ACCOUNTS } from '../e2e/fixtures';
import { E2E_TEMPLATE_DATABASE_URL } from '../e2e/servers';
import { startAppServer, type AppServer } from '../security/app-server';
import { IDP_ID, LEVELS, startTestProvider, type Agent, type TestProvider } from './provider';

export const CALLBACK = '/connexion/proconnect/retour';
export const REFUSAL = '/connexion/proconnect/refus';

/** The test provider's port for each spec and project: 4650 and up (free on the test machines). */
export const PROVIDER_PORTS = { http: 4650, js: 4651, nojs: 4652 } as const;

const agent = (sub: string, email: string): Agent => ({
	sub,
	idp_id: IDP_ID,
	email,
	given_name: 'Camille',
	usual_name: 'Agent',
	siret: '13002526500013',
	uid: sub
});

export const AGENTS = {
	invited: agent('agent-invited', 'nouvelle.agente@agents.example'),
	unknown: agent('agent-unknown', 'inconnu@agents.example'),
	amdac: agent('agent-amdac', 'AMDAC@Jalons.Example'),
	admin: agent('agent-admin', ACCOUNTS.admin.email),
	council: agent('agent-council', ACCOUNTS.council.email)
};

export interface ProConnectApp {
	server: AppServer;
	provider: TestProvider;
	stop(): Promise<void>;
}

/** Jalons with PROCONNECT_* set (eidas1 for everyone, two factors for staff) and the provider on `providerPort`. */
export async function startProConnectApp(providerPort: number): Promise<ProConnectApp> {
	const server = await startAppServer({
		template: E2E_TEMPLATE_DATABASE_URL,
		env: {
			PROCONNECT_ISSUER: `http://127.0.0.1:${providerPort}`,
			PROCONNECT_CLIENT_ID: 'jalons-test',
			PROCONNECT_CLIENT_SECRET: 'jalons-test-secret-0123456789abcdef',
			PROCONNECT_ACR_VALUES: LEVELS.basic,
			PROCONNECT_STAFF_ACR_VALUES: LEVELS.twoFactor
		}
	});
	let provider: TestProvider;
	try {
		provider = await startTestProvider({
			port: providerPort,
			redirectUri: server.origin + CALLBACK,
			postLogoutRedirectUri: server.origin + '/deconnexion/proconnect',
			agents: Object.values(AGENTS)
		});
	} catch (cause) {
		await server.stop();
		throw cause;
	}
	return {
		server,
		provider,
		async stop() {
			await provider.stop();
			await server.stop();
		}
	};
}

/** A pending invitation (what an administrator's invitation leaves), for an agent's first sign-in. */
export async function invite(server: AppServer, id: string, email: string): Promise<void> {
	await server.query(
		`INSERT INTO "UserToken" (id, "tokenHash", purpose, email, roles, "teamIds", "displayName", "createdAt", "expiresAt")
		 VALUES ($1, $2, 'INVITATION', $3, '{AMDAC}', '{}', 'Camille Agent', now(), now() + interval '7 days')`,
		[id, `hash-${id}`, email.toLowerCase()]
	);
}

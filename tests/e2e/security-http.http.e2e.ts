// HTTP-level security checks against `node build` on a throwaway PostgreSQL, served as if behind
// https (ORIGIN=https://…): headers on every kind of response, CSP, HSTS, the CSRF origin check,
// session cookie flags, new token at login, "log out everywhere", sessions ended on disable, the
// request body limit, CORS and stray files.
import { test, expect, ACCOUNTS } from './fixtures';
import { databaseFingerprint, startAppServer, type AppServer } from '../security/app-server';
import { E2E_TEMPLATE_DATABASE_URL } from './servers';

let server: AppServer;
let origin: string;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = await startAppServer({ template: E2E_TEMPLATE_DATABASE_URL, origin: (port) => `https://jalons.test:${port}`, env: { BODY_SIZE_LIMIT: '64K' } });
	origin = `https://jalons.test:${new URL(server.origin).port}`;
});

test.afterAll(async () => {
	await server?.stop();
});

const get = (path: string, cookie?: string) => fetch(server.origin + path, { redirect: 'manual', headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
const post = (path: string, form: Record<string, string>, options: { cookie?: string; origin?: string | null } = {}) =>
	fetch(server.origin + path, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams(form),
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(options.origin === null ? {} : { origin: options.origin ?? origin }),
			...(options.cookie ? { cookie: options.cookie } : {})
		}
	});

/** Signs in; returns the `name=value` of the session cookie and its full Set-Cookie line. */
async function signIn(account: { email: string; password: string }, cookie?: string) {
	const response = await post('/connexion?/login', { email: account.email, password: account.password, redirectTo: '/' }, { cookie });
	expect(response.status).toBe(303);
	const line = response.headers.getSetCookie().find((c) => c.includes('jalons_session='));
	expect(line, 'a session cookie is set').toBeTruthy();
	return { cookie: line!.split(';')[0] ?? '', line: line! };
}

async function signedIn(cookie: string): Promise<boolean> {
	const response = await get('/compte', cookie);
	return response.status === 200;
}

test('every kind of response carries the security headers; CSP has no unsafe-inline script', async () => {
	const slug = (await server.queryOne<{ slug: string }>(`SELECT slug FROM "Plan" WHERE "isDefault" LIMIT 1`)).slug;
	const page = await get(`/donnees/${slug}`);
	const link = /href="(\/donnees\/[^"/]+\/[^"]+\.csv)"/.exec(await page.text())?.[1];
	expect(link, 'a CSV download link on the open data page').toBeTruthy();
	const paths = ['/', `/plans/${slug}`, '/connexion', '/page-qui-n-existe-pas', '/api/v1/plans', link!, '/healthz', `/flux/${slug}.atom`];
	for (const path of paths) {
		const response = await get(path);
		expect(response.status, path).toBeLessThan(500);
		const h = response.headers;
		expect(h.get('x-content-type-options'), path).toBe('nosniff');
		expect(h.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
		expect(h.get('x-frame-options'), path).toBe('DENY');
		expect(h.get('strict-transport-security'), path).toMatch(/max-age=\d{8,}; includeSubDomains/);
		expect(h.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/);
		const csp = h.get('content-security-policy') ?? '';
		expect(csp, path).toContain("frame-ancestors 'none'");
		expect(csp, path).toContain("base-uri 'none'");
		const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? '';
		expect(script, path).not.toContain('unsafe-inline');
		expect(script, path).not.toContain('unsafe-eval');
		if (response.headers.get('content-type')?.startsWith('text/html')) {
			expect(csp, path).toContain("object-src 'none'");
			// This origin and the hashes of SvelteKit's own inline scripts, nothing else. Public pages, not
			// hydrated, have no inline script (so no hash); a hydrated page has its start script's.
			for (const source of script.trim().split(/\s+/)) expect(source, path).toMatch(/^'self'$|^'sha256-[^']+'$|^'nonce-[^']+'$/);
			if (path === '/connexion') expect(script, path).toMatch(/'sha256-|'nonce-/);
		}
	}
});

test('the JSON API allows any origin to read, never with credentials', async () => {
	const response = await fetch(`${server.origin}/api/v1/plans`, { headers: { origin: 'https://evil.example' } });
	expect(response.headers.get('access-control-allow-origin')).toBe('*');
	expect(response.headers.get('access-control-allow-credentials')).toBeNull();
});

test('a cross-origin form post is refused by the origin check (CSRF) and writes nothing', async () => {
	const before = await databaseFingerprint(server);
	for (const bad of ['https://evil.example', null]) {
		const response = await post('/connexion?/login', { email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password }, { origin: bad });
		expect(response.status).toBe(403);
		expect(response.headers.getSetCookie().some((c) => c.includes('jalons_session='))).toBe(false);
	}
	expect(await databaseFingerprint(server)).toEqual(before);
});

test('session cookie: __Host- name, HttpOnly, Secure, SameSite=Lax, Path=/; a new token at every login', async () => {
	const first = await signIn(ACCOUNTS.amdac);
	expect(first.line).toMatch(/^__Host-jalons_session=/);
	expect(first.line).toMatch(/; HttpOnly/i);
	expect(first.line).toMatch(/; Secure/i);
	expect(first.line).toMatch(/; SameSite=Lax/i);
	expect(first.line).toMatch(/; Path=\//i);
	expect(first.line).not.toMatch(/; Domain=/i);
	// Fixation: a cookie planted before login is never adopted, and the previous session ends.
	const planted = '__Host-jalons_session=attacker-chosen-value';
	const second = await signIn(ACCOUNTS.amdac, `${planted}`);
	expect(second.cookie).not.toBe(planted);
	const third = await signIn(ACCOUNTS.amdac, second.cookie);
	expect(third.cookie).not.toBe(second.cookie);
	expect(await signedIn(third.cookie)).toBe(true);
	expect(await signedIn(second.cookie)).toBe(false);
	expect(await signedIn(planted)).toBe(false);
});

test('logout ends the session server-side; "log out everywhere" ends the other sessions', async () => {
	const a = await signIn(ACCOUNTS.label);
	const b = await signIn(ACCOUNTS.label);
	const c = await signIn(ACCOUNTS.label);
	expect(await signedIn(b.cookie)).toBe(true);
	const revoke = await post('/compte?/revokeOthers', {}, { cookie: a.cookie });
	expect(revoke.status).toBe(200);
	expect(await signedIn(b.cookie)).toBe(false);
	expect(await signedIn(c.cookie)).toBe(false);
	expect(await signedIn(a.cookie)).toBe(true);
	const logout = await post('/deconnexion?/logout', {}, { cookie: a.cookie });
	expect(logout.status).toBe(303);
	// Replaying the old cookie gets nothing.
	expect(await signedIn(a.cookie)).toBe(false);
});

test('disabling an account ends its sessions at once', async () => {
	const council = await signIn(ACCOUNTS.council);
	expect(await signedIn(council.cookie)).toBe(true);
	const admin = await signIn(ACCOUNTS.admin);
	const id = (await server.queryOne<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS.council.email])).id;
	const disabled = await post(`/admin/utilisateurs/${id}?/disable`, {}, { cookie: admin.cookie });
	expect(disabled.status).toBe(200);
	expect(await signedIn(council.cookie)).toBe(false);
	expect(Number((await server.queryOne<{ n: string }>(`SELECT count(*) AS n FROM "Session" WHERE "userId" = $1`, [id])).n)).toBe(0);
	expect((await post(`/admin/utilisateurs/${id}?/enable`, {}, { cookie: admin.cookie })).status).toBe(200);
});

test('a request body over BODY_SIZE_LIMIT is refused with 413 and nothing written', async () => {
	const before = await databaseFingerprint(server);
	const response = await post('/mot-de-passe-oublie?/requestReset', { email: `${'a'.repeat(100_000)}@jalons.example` });
	expect(response.status).toBe(413);
	expect(await response.text(), "a French message, not SvelteKit's English one").toContain('La requête est trop volumineuse');
	expect(await databaseFingerprint(server)).toEqual(before);
	const small = await post('/mot-de-passe-oublie?/requestReset', { email: 'personne@jalons.example' });
	expect(small.status).toBeLessThan(500);
	expect(small.status).not.toBe(413);
});

test('after login, redirectTo never leads off-site', async () => {
	for (const target of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
		const response = await post('/connexion?/login', { email: ACCOUNTS.amdac.email, password: ACCOUNTS.amdac.password, redirectTo: target });
		expect(response.status, target).toBe(303);
		expect(response.headers.get('location'), target).toMatch(/^\/(?![/\\])/);
	}
});

test('nothing stray is served: VCS files, env files, server source maps, debug routes', async () => {
	for (const path of [
		'/.git/HEAD',
		'/.env',
		'/.env.example',
		'/build/index.js',
		'/src/hooks.server.ts',
		'/_app/../package.json',
		'/debug',
		'/__data.json.map',
		'/prisma/schema.prisma'
	]) {
		const response = await get(path);
		expect(response.status, path).toBe(404);
	}
	// A hydrated page (sign-in) and a public one, whose only script is the standalone /_app/public.js.
	const scripts: string[] = [];
	for (const page of ['/connexion', '/']) {
		const html = await (await get(page)).text();
		scripts.push(...[...html.matchAll(/\/_app\/[^"'?]+\.js/g)].map((m) => m[0]).slice(0, 3));
	}
	expect(scripts).toContain('/_app/public.js');
	for (const script of scripts) {
		const map = await get(`${script}.map`);
		expect(map.status, `${script}.map`).toBe(404);
	}
});

/** The server's last error lines, to say why a request failed. */
const serverErrors = () =>
	server.output
		.filter((line) => line.includes('"level":"error"'))
		.slice(-3)
		.join('\n')
		.slice(0, 3000);

test('fuzz over HTTP: hostile form posts and API queries get 2xx/3xx/4xx, never 5xx; refusals write nothing', async () => {
	test.setTimeout(Number(process.env.FUZZ_TIMEOUT ?? 120_000));
	const fc = (await import('fast-check')).default;
	const { hostileString, mutatedForm } = await import('../security/hostile');
	const slug = (await server.queryOne<{ slug: string }>(`SELECT slug FROM "Plan" WHERE "isDefault" LIMIT 1`)).slug;
	const editor = await signIn(ACCOUNTS.pole);
	const base = `/plans/${slug}/mesures/2.1/modifier`;
	const forms: [string, Record<string, string>][] = [
		[`${base}/mises-a-jour?/saveUpdateDraft`, { updateId: '', version: '', date: '2024-05-02', text: 'Avancement', blockers: '', nextSteps: '', sourceUrls: '' }],
		[`${base}/preuves?/addEvidence`, { title: 'Preuve', url: 'https://example.org/', kind: 'WEBSITE', date: '', milestoneId: '' }],
		[`${base}/jalons?/addMilestone`, { title: 'Jalon', description: '', weight: '1', planned: '2025' }],
		['/connexion?/login', { email: 'personne@jalons.example', password: 'x' }]
	];
	const seen = new Set<number>();
	for (const [path, valid] of forms) {
		await fc.assert(
			fc.asyncProperty(mutatedForm(valid), async (form) => {
				const before = await databaseFingerprint(server);
				const body = new URLSearchParams();
				for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
				const response = await fetch(server.origin + path, {
					method: 'POST',
					redirect: 'manual',
					body,
					headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', origin, cookie: editor.cookie } as Record<string, string>
				});
				seen.add(response.status);
				expect(response.status, `${path} ${JSON.stringify(form).slice(0, 300)}\n${serverErrors()}`).toBeLessThan(500);
				if (response.status >= 400) {
					expect(await response.text()).toMatch(/fr-(error-text|alert|messages-group)|Erreur 4\d\d|Trop|volumineu/i);
					expect(await databaseFingerprint(server)).toEqual(before);
				}
			}),
			{ numRuns: Number(process.env.FUZZ_RUNS ?? 12) }
		);
	}
	expect(
		[...seen].some((s) => s >= 400 && s < 500),
		'some payloads are refused'
	).toBe(true);
	await fc.assert(
		fc.asyncProperty(fc.dictionary(fc.constantFrom('page', 'per_page', 'q', 'status', 'sort', 'x'), hostileString, { maxKeys: 3 }), async (query) => {
			const qs = new URLSearchParams(query).toString();
			for (const path of [`/api/v1/plans/${slug}/measures`, '/api/v1/plans', `/plans/${slug}`]) {
				const response = await fetch(`${server.origin}${path}?${qs}`);
				expect(response.status, `${path}?${qs}\n${serverErrors()}`).toBeLessThan(500);
			}
		}),
		{ numRuns: Number(process.env.FUZZ_RUNS ?? 20) }
	);
});

test('logs: JSON lines in UTC with the request id; no password, session token or link token', async () => {
	const session = await signIn(ACCOUNTS.label);
	const linkToken = 'SecretLinkToken1234567890abcdefghijklmnopq';
	await get(`/invitation/${linkToken}`);
	await post(`/reinitialisation/${linkToken}?/setPassword`, { password: 'Un mot de passe assez long 2024', passwordConfirmation: 'Un mot de passe assez long 2024' });
	await post('/connexion?/login', { email: ACCOUNTS.label.email, password: 'a wrong password\n{"level":"error","msg":"forged"}' });
	await new Promise((r) => setTimeout(r, 300));
	const lines = server.output.filter((line) => line.startsWith('{'));
	const loginLines = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'login');
	expect(loginLines.length).toBeGreaterThan(0);
	for (const entry of loginLines) {
		expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
		expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(entry.level).toBe('info');
	}
	const all = server.output.join('\n');
	for (const secret of [...Object.values(ACCOUNTS).map((a) => a.password), session.cookie.split('=')[1] ?? 'no-cookie-value', linkToken, 'a wrong password'])
		expect(all).not.toContain(secret);
	expect(lines.some((line) => JSON.parse(line).msg === 'forged')).toBe(false);
});

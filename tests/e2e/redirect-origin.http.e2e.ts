// Over HTTP against `node build`: the Location after sign-in stays on the site whatever redirectTo
// says, the 404 page of `/en//host` links nowhere else, links ignore forged Host/X-Forwarded-Host,
// and a production server without ORIGIN (or with a bad variable) refuses to start.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, ACCOUNTS } from './fixtures';
import { startAppServer, type AppServer } from '../security/app-server';
import { E2E_TEMPLATE_DATABASE_URL } from './servers';

let server: AppServer;
const EVIL = 'evil.example';

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = await startAppServer({ template: E2E_TEMPLATE_DATABASE_URL });
});

test.afterAll(async () => {
	await server?.stop();
});

const post = (pathname: string, form: Record<string, string>) =>
	fetch(server.origin + pathname, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams(form),
		headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', origin: server.origin }
	});

const TARGETS = [
	'/en//evil.example',
	'/en///evil.example',
	'/en/\\evil.example',
	'/en/\\\\evil.example',
	'/en/en//evil.example',
	'/en/%2e%2e//evil.example',
	'/x/..//evil.example',
	'/%2f%2fevil.example',
	'/%5cevil.example',
	'/\t/evil.example',
	'//evil.example',
	'/\\evil.example'
];

test('after sign-in, Location is a same-site path for every crafted redirectTo, on both login pages', async () => {
	for (const login of ['/connexion?/login', '/en/connexion?/login']) {
		for (const redirectTo of TARGETS) {
			const response = await post(login, { email: ACCOUNTS.amdac.email, password: ACCOUNTS.amdac.password, redirectTo });
			const location = response.headers.get('location') ?? '';
			expect(response.status, `${login} ${redirectTo}`).toBe(303);
			expect(location, `${login} ${redirectTo}`).toMatch(/^\/(?![/\\])/);
			expect(new URL(location, server.origin).origin, `${login} ${redirectTo}`).toBe(server.origin);
		}
	}
});

test('the login page never echoes a target that would leave the site', async () => {
	for (const redirectTo of TARGETS) {
		for (const login of ['/connexion', '/en/connexion']) {
			const html = await (await fetch(`${server.origin}${login}?redirectTo=${encodeURIComponent(redirectTo)}`)).text();
			expect(html, `${login} ${redirectTo}`).not.toMatch(/name="redirectTo" value="(?:\/\/|\/\\)/);
			expect(html, `${login} ${redirectTo}`).not.toContain(`value="/en//`);
		}
	}
});

test('the 404 page of /en//host links nowhere else', async () => {
	for (const pathname of ['/en//evil.example', '/en///evil.example/x']) {
		const response = await fetch(server.origin + pathname, { headers: { accept: 'text/html' } });
		expect(response.status, pathname).toBe(404);
		const html = await response.text();
		expect(html, pathname).not.toMatch(/href="(?:\/\/|\/\\)/);
	}
});

test('forged Host and X-Forwarded-Host change no link', async () => {
	const slug = (await server.queryOne<{ slug: string }>(`SELECT slug FROM "Plan" WHERE "isDefault" LIMIT 1`)).slug;
	for (const pathname of ['/', `/plans/${slug}`, '/sitemap.xml', '/robots.txt', `/flux/${slug}.atom`, '/api/v1/plans']) {
		const response = await fetch(server.origin + pathname, { headers: { host: EVIL, 'x-forwarded-host': EVIL, 'x-forwarded-proto': 'https', accept: 'text/html' } });
		const body = await response.text();
		expect(response.status, pathname).toBeLessThan(400);
		expect(body, pathname).not.toContain(EVIL);
	}
});

test('a production server refuses to start without ORIGIN, or with an invalid variable, saying which', () => {
	const { ORIGIN: _o, DATABASE_URL: _d, ...inherited } = process.env;
	const base = { ...inherited, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', JALONS_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'jalons-cfg-')) };
	for (const [env, message] of [
		[{}, /ORIGIN is required in production/],
		[{ ORIGIN: server.origin, JALONS_PURGE_INTERVAL_HOURS: 'six' }, /JALONS_PURGE_INTERVAL_HOURS="six"/],
		[{ ORIGIN: server.origin, HOST_HEADER: 'x-forwarded-host' }, /HOST_HEADER=/]
	] as const) {
		const run = spawnSync(process.execPath, ['build/index.js'], { env: { ...base, ...env }, timeout: 30_000, encoding: 'utf8' });
		expect(run.status, JSON.stringify(env)).not.toBe(0);
		expect(`${run.stdout}${run.stderr}`, JSON.stringify(env)).toMatch(message);
	}
});

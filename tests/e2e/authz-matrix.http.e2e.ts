// The authorization matrix over HTTP: every row of tests/security/authz-matrix.ts posted as every
// role to `node build` on a throwaway PostgreSQL. Deny = 401/403 or a redirect to the login page,
// and the database is unchanged (fingerprint of every table but sessions and login attempts).
// Allow = the request went through authorization (success, 400 field errors, 409 conflict).
import { request, type APIRequestContext } from '@playwright/test';
import { test, expect, ACCOUNTS } from './fixtures';
import { AUTHZ_MATRIX, ROLES, type MatrixContext, type MatrixRole } from '../security/authz-matrix';
import { databaseFingerprint, startAppServer, type AppServer } from '../security/app-server';

const ACCOUNT_OF: Record<Exclude<MatrixRole, 'anonymous'>, { email: string; password: string }> = {
	amdac: ACCOUNTS.amdac,
	council: ACCOUNTS.council,
	otherEditor: ACCOUNTS.label,
	teamEditor: ACCOUNTS.pole,
	admin: ACCOUNTS.admin
};

let server: AppServer;
let ctx: MatrixContext;

async function signedInContext(role: MatrixRole): Promise<APIRequestContext> {
	const api = await request.newContext({ baseURL: server.origin, extraHTTPHeaders: { origin: server.origin, accept: 'text/html' }, maxRedirects: 0 });
	if (role === 'anonymous') return api;
	const account = ACCOUNT_OF[role];
	const response = await api.post('/connexion?/login', { form: { email: account.email, password: account.password, redirectTo: '/' } });
	expect(response.status(), `sign-in of ${role}`).toBe(303);
	return api;
}



test.beforeAll(async () => {
	test.setTimeout(180_000);
	server = await startAppServer();
	const one = async <T>(sql: string, values: unknown[] = []) => {
		const rows = await server.query(sql, values);
		if (!rows[0]) throw new Error(`no row for ${sql}`);
		return rows[0] as T;
	};
	const measure = await one<{ id: string; slug: string; leadOwnerId: string }>(
		`SELECT m.id, p.slug, m."leadOwnerId" FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" WHERE m.number = '2.1'`
	);
	const admin = await signedInContext('admin');
	const editor = await signedInContext('teamEditor');
	const base = `/plans/${measure.slug}/mesures/2.1/modifier`;
	// Objects the rows act on, made through the app itself.
	expect((await editor.post(`${base}/jalons?/addMilestone`, { form: { title: 'Jalon du test de droits', description: '', weight: '1', planned: '2025' } })).status()).toBe(303);
	expect((await editor.post(`${base}/jalons?/addMilestone`, { form: { title: 'Second jalon', description: '', weight: '1', planned: '2026' } })).status()).toBe(303);
	expect((await editor.post(`${base}/preuves?/addEvidence`, { form: { title: 'Preuve du test', url: 'https://example.org/p', kind: 'WEBSITE', date: '', milestoneId: '' } })).status()).toBe(303);
	expect((await editor.post(`${base}/mises-a-jour?/saveUpdateDraft`, { form: { updateId: '', version: '', date: '2024-05-01', text: 'Brouillon du test', blockers: '', nextSteps: '', sourceUrls: '' } })).status()).toBe(303);
	// The account the admin rows act on (an invitation only becomes an account once accepted).
	await server.query(`INSERT INTO "User" (id, email, "displayName", roles, "updatedAt") VALUES ('authztarget', 'cible-droits@jalons.example', 'Cible', ARRAY['AMDAC']::"Role"[], now())`);
	await admin.dispose();
	await editor.dispose();
	let indicator = (await server.query<{ id: string }>(`SELECT id FROM "Indicator" WHERE "measureId" = $1 LIMIT 1`, [measure.id]))[0];
	if (!indicator) {
		// The seeded plan has no indicator on this measure and no form creates one yet.
		await server.query(`INSERT INTO "Indicator" (id, "measureId", name, unit, baseline, position) VALUES ('authz-indicator', $1, 'Indicateur de test', 'projets', 0, 1)`, [measure.id]);
		indicator = { id: 'authz-indicator' };
	}
	ctx = {
		planSlug: measure.slug,
		measureNumber: '2.1',
		async version(table, id) {
			const rows = await server.query<{ version: number }>(`SELECT version FROM "${table}" WHERE id = $1`, [id]);
			return String(rows[0]?.version ?? 1);
		},
		ids: {
			measure: measure.id,
			leadOwner: measure.leadOwnerId,
			milestone: (await one<{ id: string }>(`SELECT id FROM "Milestone" WHERE "measureId" = $1 ORDER BY position LIMIT 1`, [measure.id])).id,
			evidence: (await one<{ id: string }>(`SELECT id FROM "EvidenceLink" WHERE "measureId" = $1 ORDER BY id LIMIT 1`, [measure.id])).id,
			removableEvidence: (await one<{ id: string }>(`SELECT id FROM "EvidenceLink" WHERE "measureId" = $1 ORDER BY id DESC LIMIT 1`, [measure.id])).id,
			indicator: indicator.id,
			draft: (await one<{ id: string }>(`SELECT id FROM "ProgressUpdate" WHERE "measureId" = $1 AND "publishedAt" IS NULL LIMIT 1`, [measure.id])).id,
			targetUser: (await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'cible-droits@jalons.example'`)).id
		}
	};
});

test.afterAll(async () => {
	await server?.stop();
});

for (const role of ROLES) {
	test(`authorization matrix over HTTP: ${role}`, async () => {
		test.setTimeout(120_000);
		let api = await signedInContext(role);
		const problems: string[] = [];
		try {
			for (const [key, row] of Object.entries(AUTHZ_MATRIX)) {
				const verdict = row.expect[role];
				const before = verdict === 'deny' ? await databaseFingerprint(server) : null;
				const response = await api.post(row.path(ctx), { form: await row.payload(ctx) });
				const status = response.status();
				const location = response.headers()['location'] ?? '';
				const toLogin = status === 303 && /^\/connexion(\?redirectTo=|$)/.test(location);
				const denied = status === 401 || status === 403 || toLogin || (row.denyStatuses ?? []).includes(status);
				if (status >= 500) problems.push(`${key}: ${status} (server error)`);
				else if (verdict === 'deny') {
					if (!denied) problems.push(`${key}: expected deny, got ${status} ${location}`);
					const after = await databaseFingerprint(server);
					const changed = Object.keys(after).filter((table) => after[table] !== before![table]);
					if (changed.length) problems.push(`${key}: refused but wrote to ${changed.join(', ')}`);
				} else {
					const passed = [200, 204, 303, 400, 409, 429].includes(status) && !toLogin;
					if (!passed && !(row.denyStatuses ?? []).includes(status)) problems.push(`${key}: expected allow, got ${status} ${location}`);
				}
				if (row.endsSession) {
					await api.dispose();
					api = await signedInContext(role);
				}
			}
		} finally {
			await api.dispose();
		}
		expect(problems).toEqual([]);
	});
}

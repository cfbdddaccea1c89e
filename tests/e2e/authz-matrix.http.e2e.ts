// The authorization matrix over HTTP: every row of tests/security/authz-matrix.ts posted as every
// role to `node build` on a throwaway PostgreSQL. Deny = 401/403 or a redirect to the login page,
// and the database is unchanged (fingerprint of every table but sessions and login attempts).
// Allow = the request went through authorization (success, 400 field errors, 409 conflict).
import { request, type APIRequestContext } from '@playwright/test';
import { test, expect, ACCOUNTS } from './fixtures';
import { E2E_COUNCIL } from './council-accounts';
import { E2E_AMDAC } from './ministry-plan';
import { AUTHZ_MATRIX, AUTHZ_UPDATE_SOURCE, LIFECYCLE_PLAN_SLUG, ROLES, type MatrixContext, type MatrixRole } from '../security/authz-matrix';
import { databaseFingerprint, startAppServer, type AppServer } from '../security/app-server';
import { E2E_TEMPLATE_DATABASE_URL } from './servers';

const ACCOUNT_OF: Record<Exclude<MatrixRole, 'anonymous'>, { email: string; password: string }> = {
	amdac: ACCOUNTS.amdac,
	teamAmdac: E2E_AMDAC.team,
	council: ACCOUNTS.council,
	otherEditor: ACCOUNTS.label,
	teamEditor: ACCOUNTS.pole,
	admin: ACCOUNTS.admin
};

let server: AppServer;
let ctx: MatrixContext;

async function signedInContext(role: MatrixRole | { email: string; password: string }): Promise<APIRequestContext> {
	const api = await request.newContext({ baseURL: server.origin, extraHTTPHeaders: { origin: server.origin, accept: 'text/html' }, maxRedirects: 0 });
	if (role === 'anonymous') return api;
	const account = typeof role === 'string' ? ACCOUNT_OF[role] : role;
	const response = await api.post('/connexion?/login', { form: { email: account.email, password: account.password, redirectTo: '/' } });
	expect(response.status(), `sign-in of ${typeof role === 'string' ? role : role.email}`).toBe(303);
	return api;
}

/** Posts a setup form and checks the answer (303 after a write, 200 for an action that returns data). */
async function setupPost(api: APIRequestContext, url: string, form: Record<string, string>, status = 303): Promise<string> {
	const response = await api.post(url, { form });
	expect(response.status(), `setup: ${url} ${(await response.text()).slice(0, 300)}`).toBe(status);
	return response.headers()['location'] ?? '';
}

test.beforeAll(async () => {
	test.setTimeout(180_000);
	server = await startAppServer({ template: E2E_TEMPLATE_DATABASE_URL });
	const one = async <T>(sql: string, values: unknown[] = []) => {
		const rows = await server.query(sql, values);
		if (!rows[0]) throw new Error(`no row for ${sql}`);
		return rows[0] as T;
	};
	const measure = await one<{ id: string; slug: string; leadOwnerId: string; planId: string }>(
		`SELECT m.id, p.slug, m."leadOwnerId", m."planId" FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" WHERE m.number = '2.1'`
	);
	const admin = await signedInContext('admin');
	const editor = await signedInContext('teamEditor');
	const base = `/plans/${measure.slug}/mesures/2.1/modifier`;
	// Objects the rows act on, made through the app itself.
	expect((await editor.post(`${base}/jalons?/addMilestone`, { form: { title: 'Jalon du test de droits', description: '', weight: '1', planned: '2025' } })).status()).toBe(303);
	expect((await editor.post(`${base}/jalons?/addMilestone`, { form: { title: 'Second jalon', description: '', weight: '1', planned: '2026' } })).status()).toBe(303);
	expect(
		(await editor.post(`${base}/preuves?/addEvidence`, { form: { title: 'Preuve du test', url: 'https://example.org/p', kind: 'WEBSITE', date: '', milestoneId: '' } })).status()
	).toBe(303);
	expect(
		(
			await editor.post(`${base}/mises-a-jour?/saveUpdateDraft`, {
				form: { updateId: '', version: '', date: '2024-05-01', text: 'Brouillon du test', blockers: '', nextSteps: '', sourceUrls: '' }
			})
		).status()
	).toBe(303);
	// The account the admin rows act on (an invitation only becomes an account once accepted).
	await server.query(
		`INSERT INTO "User" (id, email, "displayName", roles, "updatedAt") VALUES ('authztarget', 'cible-droits@jalons.example', 'Cible', ARRAY['AMDAC']::"Role"[], now())`
	);
	await server.query(
		`INSERT INTO "User" (id, email, "displayName", roles, "updatedAt") VALUES ('authzcouncil', 'conseil-droits@jalons.example', 'Conseil cible', ARRAY['COUNCIL']::"Role"[], now())`
	);
	const versionOf = async (table: string, id: string) => String((await one<{ version: number }>(`SELECT version FROM "${table}" WHERE id = $1`, [id])).version);

	// The "council" role holds the secretariat flag (decide), set by the admin through the app.
	const councilUser = await one<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS.council.email]);
	await setupPost(admin, `/admin/utilisateurs/${councilUser.id}?/councilFlags`, { councilEcosystem: 'on', councilSecretariat: 'on' }, 200);

	// Report rounds, through the app's actions (domain/reports.ts).
	const reports = `/plans/${measure.slug}/rapports/travail`;
	const newRound = async (title: string) => {
		const location = await setupPost(admin, `${reports}?/createRound`, {
			title,
			periodStart: '2024-01-01',
			periodEnd: '2024-06-30',
			utiliser: 'Utiliser',
			publier: '',
			accompagner: '',
			attractivite: '',
			vieInterne: ''
		});
		const id = /\/rapports\/travail\/([a-z0-9]+)\?/.exec(location)?.[1];
		if (!id) throw new Error(`createRound answered ${location}`);
		return id;
	};
	const submit = async (id: string) => setupPost(admin, `${reports}/${id}?/submitRound`, { version: await versionOf('ReportRound', id) });
	const publish = async (id: string) => setupPost(admin, `${reports}/${id}?/publishRound`, { version: await versionOf('ReportRound', id) });
	const draftRound = await newRound('Brouillon à modifier (droits)');
	const submittableRound = await newRound('Brouillon à soumettre (droits)');
	const submittedRound = await newRound('Exercice soumis au conseil (droits)');
	const publishableRound = await newRound('Exercice à publier (droits)');
	const publishedRound = await newRound('Exercice publié (droits)');
	for (const id of [submittedRound, publishableRound, publishedRound]) await submit(id);
	await publish(publishedRound);

	// Opinions on the round under review (domain/opinions.ts): two are adopted by two of the three
	// "écosystème" members (default quorum: 2).
	const council = await signedInContext('council');
	const member = await signedInContext(E2E_COUNCIL.member);
	const newOpinion = async (title: string) => {
		await setupPost(council, `${reports}/${submittedRound}?/createOpinion`, { title, text: 'Texte de l’avis', date: '2024-07-01' });
		return (await one<{ id: string }>(`SELECT id FROM "Opinion" WHERE title = $1`, [title])).id;
	};
	const draftOpinion = await newOpinion('Avis à modifier (droits)');
	const votableOpinion = await newOpinion('Avis à voter (droits)');
	const respondableOpinion = await newOpinion('Avis adopté, à répondre (droits)');
	const decidableOpinion = await newOpinion('Avis adopté, à décider (droits)');
	for (const id of [respondableOpinion, decidableOpinion]) {
		for (const voter of [council, member]) await setupPost(voter, `${reports}/${submittedRound}?/vote`, { opinionId: id, choice: 'FOR' });
		const state = await one<{ adoptedAt: Date | null }>(`SELECT "adoptedAt" FROM "Opinion" WHERE id = $1`, [id]);
		expect(state.adoptedAt, 'setup: opinion adopted').not.toBeNull();
	}

	// Comments (domain/comments.ts), whose authors the editComment rows expect.
	const newComment = async (api: APIRequestContext, page: string, target: string, visibility: string) => {
		const location = await setupPost(api, `${page}?/postComment`, { target, parentId: '', visibility, body: `Commentaire du test de droits ${target}` });
		const id = /#commentaire-([a-z0-9]+)$/.exec(location)?.[1];
		if (!id) throw new Error(`postComment answered ${location}`);
		return id;
	};
	const measureComment = await newComment(editor, `/plans/${measure.slug}/mesures/2.1`, 'measure', 'PUBLIC');
	const reportComment = await newComment(council, `${reports}/${submittedRound}`, 'report', 'WORKING_GROUP');
	const publishedReportComment = await newComment(council, `/plans/${measure.slug}/rapports/${publishedRound}`, 'report', 'PUBLIC');
	await council.dispose();
	await member.dispose();
	await admin.dispose();
	await editor.dispose();
	const plan = await one<{ id: string }>(`SELECT id FROM "Plan" WHERE slug = $1`, [measure.slug]);
	await server.query(
		`INSERT INTO "Plan" (id, slug, title, "sourceUrls", notes, "updatedAt") VALUES ('authzlifecycleplan', $1, 'Plan du test de droits', '{}', '{}', now()) ON CONFLICT DO NOTHING`,
		[LIFECYCLE_PLAN_SLUG]
	);
	let indicator = (await server.query<{ id: string }>(`SELECT id FROM "Indicator" WHERE "measureId" = $1 LIMIT 1`, [measure.id]))[0];
	if (!indicator) {
		// The seeded plan has no indicator on this measure and no form creates one yet.
		await server.query(`INSERT INTO "Indicator" (id, "measureId", name, unit, baseline, position) VALUES ('authz-indicator', $1, 'Indicateur de test', 'projets', 0, 1)`, [
			measure.id
		]);
		indicator = { id: 'authz-indicator' };
	}
	// A value of the indicator and a published update with one source, for the link watch's replace rows.
	await server.query(`INSERT INTO "IndicatorValue" (id, "indicatorId", date, value, "sourceUrl") VALUES ('authz-value', $1, '2024-01-01', 1, $2) ON CONFLICT DO NOTHING`, [
		indicator.id,
		'https://example.org/valeur-droits'
	]);
	await server.query(
		`INSERT INTO "ProgressUpdate" (id, "planId", "measureId", date, text, "sourceUrls", "publishedAt", "updatedAt") VALUES ('authz-published-update', $1, $2, '2024-01-01', 'Mise à jour publiée (droits)', $3, now(), now()) ON CONFLICT DO NOTHING`,
		[measure.planId, measure.id, [AUTHZ_UPDATE_SOURCE]]
	);
	// A feed for the indicator's feed rows (tests/security/authz-matrix.ts).
	await server.query(
		`INSERT INTO "IndicatorFeed" (id, "indicatorId", url, format, "valuePath", schedule) VALUES ('authz-feed', $1, 'https://example.org/indicateur.csv', 'CSV', 'valeur', 'WEEKLY') ON CONFLICT DO NOTHING`,
		[indicator.id]
	);
	ctx = {
		planSlug: measure.slug,
		measureNumber: '2.1',
		async version(table, id, column = 'version') {
			const rows = await server.query<{ version: number }>(`SELECT "${column}" AS version FROM "${table}" WHERE id = $1`, [id]);
			return String(rows[0]?.version ?? 1);
		},
		ids: {
			measure: measure.id,
			leadOwner: measure.leadOwnerId,
			milestone: (await one<{ id: string }>(`SELECT id FROM "Milestone" WHERE "measureId" = $1 ORDER BY position LIMIT 1`, [measure.id])).id,
			evidence: (await one<{ id: string }>(`SELECT id FROM "EvidenceLink" WHERE "measureId" = $1 ORDER BY id LIMIT 1`, [measure.id])).id,
			removableEvidence: (await one<{ id: string }>(`SELECT id FROM "EvidenceLink" WHERE "measureId" = $1 ORDER BY id DESC LIMIT 1`, [measure.id])).id,
			indicator: indicator.id,
			indicatorValue: 'authz-value',
			publishedUpdate: 'authz-published-update',
			draft: (await one<{ id: string }>(`SELECT id FROM "ProgressUpdate" WHERE "measureId" = $1 AND "publishedAt" IS NULL LIMIT 1`, [measure.id])).id,
			targetUser: (await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'cible-droits@jalons.example'`)).id,
			plan: plan.id,
			lifecyclePlan: 'authzlifecycleplan',
			councilTarget: 'authzcouncil',
			draftRound,
			submittableRound,
			submittedRound,
			publishableRound,
			publishedRound,
			draftOpinion,
			votableOpinion,
			respondableOpinion,
			decidableOpinion,
			measureComment,
			reportComment,
			publishedReportComment
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

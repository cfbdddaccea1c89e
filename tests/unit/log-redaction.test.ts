// Logs never carry secrets: password, session, token, cookie, authorization and credential fields are
// masked at any depth, and tokens, session cookies, bearer credentials and URL passwords are masked
// in any string. The redaction is precise: harmless fields that merely look alike are kept.
import { describe, expect, test } from 'vitest';
import { isSecretKey, scrub, scrubText } from '../../src/lib/server/log';

describe('log redaction', () => {
	test('secret fields are masked at any depth', () => {
		const out = scrub({
			email: 'a@b.fr',
			password: 'hunter2hunter2',
			nested: { newPassword: 'x', sessionId: 'abc', headers: { cookie: 'jalons_session=zzz', Authorization: 'Bearer t' } },
			list: [{ token: 't1' }],
			empty: null
		});
		expect(JSON.stringify(out)).not.toMatch(/hunter2|zzz|Bearer|"t1"|"abc"/);
		expect(out).toMatchObject({
			email: 'a@b.fr',
			password: '[masqué]',
			nested: { newPassword: '[masqué]', sessionId: '[masqué]', headers: { cookie: '[masqué]', Authorization: '[masqué]' } }
		});
	});

	test('every way of naming a secret is masked', () => {
		const secrets = {
			currentPassword: 's01',
			password_confirmation: 's02',
			passwordHash: 's03',
			pass: 's04',
			sessionToken: 's05',
			session: 's06',
			session_id: 's07',
			resetToken: 's08',
			invitation_token: 's09',
			accessToken: 's10',
			csrfToken: 's11',
			'set-cookie': 's12',
			cookies: 's13',
			'Proxy-Authorization': 's14',
			'x-api-key': 's15',
			clientSecret: 's16',
			JWT_SECRET: 's17',
			SMTP_URL: 's18',
			databaseUrl: 's19',
			credentials: 's20'
		};
		const out = scrub({ deep: { er: [{ still: secrets }] } });
		expect(JSON.stringify(out)).not.toMatch(/"s\d\d"/);
		for (const key of Object.keys(secrets)) expect(isSecretKey(key), key).toBe(true);
	});

	test('harmless fields that look like secrets are kept', () => {
		const harmless = {
			tokens: 3,
			sessions: 2,
			loginAttempts: 5,
			tokenCount: 1,
			councilSecretariat: true,
			passage: 'texte',
			bypass: false,
			compass: 'nord',
			code: 'LABEL',
			messageKey: 'reports.errors.conflict',
			emailHash: 'ab12',
			userId: 'u1',
			retryAfter: 60
		};
		expect(scrub(harmless)).toEqual(harmless);
		for (const key of Object.keys(harmless)) expect(isSecretKey(key), key).toBe(false);
		// The purge's counts, as hooks.server.ts logs them.
		expect(scrub({ loginAttempts: 4, sessions: 2, tokens: 7 })).toEqual({ loginAttempts: 4, sessions: 2, tokens: 7 });
	});

	test('tokens in invitation and reset paths and in query strings are masked', () => {
		expect(scrubText('/invitation/AbC123_-xyz')).toBe('/invitation/[masqué]');
		expect(scrubText('/reinitialisation/AbC123?x=1')).toBe('/reinitialisation/[masqué]?x=1');
		expect(scrubText('https://j.fr/invitation/tok/suite')).toBe('https://j.fr/invitation/[masqué]/suite');
		expect(scrubText('/connexion?token=abc&x=1')).toBe('/connexion?token=[masqué]&x=1');
		expect(scrubText('/plans/mon-plan/mesures/1.1')).toBe('/plans/mon-plan/mesures/1.1');
		expect(scrub({ path: '/reinitialisation/secret' })).toEqual({ path: '/reinitialisation/[masqué]' });
	});

	test('session cookies, bearer credentials and URL passwords are masked inside any text', () => {
		expect(scrubText('cookie: __Host-jalons_session=abcdef; lang=fr')).toBe('cookie: __Host-jalons_session=[masqué]; lang=fr');
		expect(scrubText('jalons_session=abcdef')).toBe('jalons_session=[masqué]');
		expect(scrubText('sent Authorization: Bearer eyJhbGciOi.x-y_z')).toBe('sent Authorization: Bearer [masqué]');
		expect(scrubText('connect ECONNREFUSED postgresql://jalons:s3cr3t@db.example:5432/jalons')).toBe('connect ECONNREFUSED postgresql://jalons:[masqué]@db.example:5432/jalons');
		expect(scrub({ error: 'smtps://mailer:p%40ss@smtp.example' })).toEqual({ error: 'smtps://mailer:[masqué]@smtp.example' });
		// Addresses without a password, and e-mail addresses, stay readable.
		expect(scrubText('https://code.gouv.fr/plan and contact@dinum.gouv.fr')).toBe('https://code.gouv.fr/plan and contact@dinum.gouv.fr');
	});

	test('what is too deep to be checked is left out, not logged unchecked', () => {
		let deep: Record<string, unknown> = { password: 'hunter2hunter2' };
		for (let i = 0; i < 10; i++) deep = { [`level${i}`]: { note: deep } };
		expect(JSON.stringify(scrub(deep))).not.toContain('hunter2');
	});
});

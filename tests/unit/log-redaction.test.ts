// Logs never carry secrets: password/token/cookie/session fields are masked at any depth, and the
// token part of invitation and reset links is masked in any string.
import { describe, expect, test } from 'vitest';
import { scrub, scrubText } from '../../src/lib/server/log';

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
		expect(out).toMatchObject({ email: 'a@b.fr', password: '[masqué]', nested: { newPassword: '[masqué]', sessionId: '[masqué]', headers: { cookie: '[masqué]', Authorization: '[masqué]' } } });
	});

	test('tokens in invitation and reset paths and in query strings are masked', () => {
		expect(scrubText('/invitation/AbC123_-xyz')).toBe('/invitation/[masqué]');
		expect(scrubText('/reinitialisation/AbC123?x=1')).toBe('/reinitialisation/[masqué]?x=1');
		expect(scrubText('https://j.fr/invitation/tok/suite')).toBe('https://j.fr/invitation/[masqué]/suite');
		expect(scrubText('/connexion?token=abc&x=1')).toBe('/connexion?token=[masqué]&x=1');
		expect(scrubText('/plans/mon-plan/mesures/1.1')).toBe('/plans/mon-plan/mesures/1.1');
		expect(scrub({ path: '/reinitialisation/secret' })).toEqual({ path: '/reinitialisation/[masqué]' });
	});
});

import { describe, expect, it } from 'vitest';
import { loginUrl, safeRedirectTarget } from '../../src/lib/server/auth/redirect';

describe('redirectTo after login', () => {
	it.each([
		['/compte', '/compte'],
		['/admin/utilisateurs?page=2#liste', '/admin/utilisateurs?page=2#liste'],
		['/plans/plan-logiciels-libres/mesures/2.2', '/plans/plan-logiciels-libres/mesures/2.2'],
		['/a/../compte', '/compte']
	])('follows the same-site path %j', (raw, expected) => {
		expect(safeRedirectTarget(raw)).toBe(expected);
	});

	it.each([
		[null],
		[''],
		['https://evil.example/'],
		['//evil.example/'],
		['/\\evil.example'],
		['\\\\evil.example'],
		['/\t/evil.example'],
		['javascript:alert(1)'],
		['%2F%2Fevil.example'],
		['evil.example'],
		['/connexion'],
		['/connexion?redirectTo=/compte'],
		['/deconnexion'],
		['/' + 'a'.repeat(3000)]
	])('falls back to the home page for %j', (raw) => {
		expect(safeRedirectTarget(raw)).toBe('/');
	});

	it('builds the login address with an encoded target, or none', () => {
		expect(loginUrl('/admin/utilisateurs?x=1&y=2')).toBe('/connexion?redirectTo=%2Fadmin%2Futilisateurs%3Fx%3D1%26y%3D2');
		expect(loginUrl('/')).toBe('/connexion');
		expect(loginUrl('//evil.example')).toBe('/connexion');
	});
});

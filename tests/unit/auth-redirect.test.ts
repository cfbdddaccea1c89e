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
		['/en/connexion?redirectTo=/en/compte'],
		['/deconnexion'],
		['/en/deconnexion'],
		['/' + 'a'.repeat(3000)]
	])('falls back to the home page for %j', (raw) => {
		expect(safeRedirectTarget(raw)).toBe('/');
	});

	it('builds the login address with an encoded target, or none', () => {
		expect(loginUrl('/admin/utilisateurs?x=1&y=2')).toBe('/connexion?redirectTo=%2Fadmin%2Futilisateurs%3Fx%3D1%26y%3D2');
		expect(loginUrl('/')).toBe('/connexion');
		expect(loginUrl('//evil.example')).toBe('/connexion');
	});

	it('gives the target in the language of the login page, the English home page as fallback', () => {
		expect(safeRedirectTarget('/en/compte', 'en')).toBe('/en/compte');
		expect(safeRedirectTarget('/compte?x=1#y', 'en')).toBe('/en/compte?x=1#y');
		expect(safeRedirectTarget('/en/plans/p/mesures/1.1', 'fr')).toBe('/plans/p/mesures/1.1');
		expect(safeRedirectTarget('https://evil.example/', 'en')).toBe('/en');
		expect(safeRedirectTarget('/en/connexion', 'en')).toBe('/en');
		expect(safeRedirectTarget(null, 'en')).toBe('/en');
	});

	it('builds the English login address for an English page', () => {
		expect(loginUrl('/en/plans/p/mesures/1.1/modifier', 'en')).toBe('/en/connexion?redirectTo=%2Fen%2Fplans%2Fp%2Fmesures%2F1.1%2Fmodifier');
		expect(loginUrl('/en', 'en')).toBe('/en/connexion');
		expect(loginUrl('//evil.example', 'en')).toBe('/en/connexion');
	});
});

// Open redirect after sign-in: the value that reaches `Location` is checked after every
// normalisation (URL parsing, language prefix swap), in both languages, on many shapes of attack.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSameSitePath, loginUrl, safeRedirectTarget } from '../../src/lib/server/auth/redirect';
import { localizeHref } from '../../src/lib/i18n/routing';
import type { Locale } from '../../src/lib/i18n';

const LOCALES: Locale[] = ['fr', 'en'];
const HOME: Record<Locale, string> = { fr: '/', en: '/en' };

/** Where a browser on https://jalons.example goes when it follows `location`. */
function followedOrigin(location: string): string {
	return new URL(location, 'https://jalons.example/connexion').origin;
}

const ATTACKS = [
	'//evil.example',
	'///evil.example',
	'/\\evil.example',
	'/\\/evil.example',
	'\\/evil.example',
	'/en//evil.example',
	'/en///evil.example',
	'/en/\\evil.example',
	'/en/\\\\evil.example',
	'/en/en//evil.example',
	'/en/%2e%2e//evil.example',
	'/x/%2E%2E//evil.example',
	'/%2e%2e//evil.example',
	'/en/..//evil.example',
	'/x/..//evil.example',
	'/%2f/evil.example',
	'/%2F%2Fevil.example',
	'/%5cevil.example',
	'/%5C%5Cevil.example',
	'/en/%2fevil.example',
	'/en/%5c%5cevil.example',
	'/\t/evil.example',
	'/\n/evil.example',
	'/\r\n/evil.example',
	'/en/\t/evil.example',
	'/ /evil.example',
	'/\u0000/evil.example',
	'/\u007f/evil.example',
	'/\u00a0/evil.example',
	'/\u2028/evil.example',
	'/\ufeff/evil.example',
	'https://evil.example/',
	'http:evil.example',
	'javascript:alert(1)',
	'/en/javascript:alert(1)//',
	'evil.example',
	'%2F%2Fevil.example',
	'/en/%2F%2Fevil.example',
	'/en/connexion?redirectTo=//evil.example',
	'/connexion',
	'/en/connexion'
];

describe('the Location after sign-in', () => {
	it.each(ATTACKS.flatMap((raw) => LOCALES.map((locale) => [raw, locale] as const)))('refuses %j (login page in %s)', (raw, locale) => {
		const target = safeRedirectTarget(raw, locale);
		expect(target).toBe(HOME[locale]);
		// The login page echoes the target into its form, and the POST checks it again: twice is as safe.
		expect(safeRedirectTarget(target, locale === 'fr' ? 'en' : 'fr')).toBe(HOME[locale === 'fr' ? 'en' : 'fr']);
	});

	it.each([
		['/compte', 'fr', '/compte'],
		['/en/compte', 'fr', '/compte'],
		['/compte', 'en', '/en/compte'],
		['/plans/p/mesures/1.1?statut=DONE#axe-1', 'en', '/en/plans/p/mesures/1.1?statut=DONE#axe-1'],
		['/plans/p?q=a%2Fb', 'fr', '/plans/p?q=a%2Fb']
	] as const)('follows %j on the %s login page to %j', (raw, locale, expected) => {
		expect(safeRedirectTarget(raw, locale)).toBe(expected);
	});

	it('never leaves the site, whatever the input, in either language, even echoed back and checked twice', () => {
		const pieces = fc.constantFrom(
			'/',
			'//',
			'\\',
			'/en',
			'/en/',
			'en',
			'..',
			'.',
			'%2e',
			'%2E',
			'%2f',
			'%2F',
			'%5c',
			'%5C',
			'%00',
			'%09',
			'\t',
			'\n',
			'\r',
			' ',
			'\u0000',
			'\u00a0',
			'evil.example',
			':',
			'@',
			'?',
			'#',
			'https:',
			'javascript:',
			'compte',
			'connexion'
		);
		const raws = fc.oneof(
			fc.array(pieces, { maxLength: 10 }).map((parts) => parts.join('')),
			fc.string({ maxLength: 40 }),
			fc.webUrl().map((u) => u.replace(/^https?:/, ''))
		);
		fc.assert(
			fc.property(raws, fc.constantFrom<Locale>('fr', 'en'), fc.constantFrom<Locale>('fr', 'en'), (raw, first, second) => {
				const once = safeRedirectTarget(raw, first);
				const twice = safeRedirectTarget(once, second);
				for (const location of [once, twice]) {
					expect(isSameSitePath(location)).toBe(true);
					expect(followedOrigin(location)).toBe('https://jalons.example');
					// The language prefix stripped by the router leaves a same-site path too.
					expect(localizeHref(location, 'fr').startsWith('//')).toBe(false);
					expect(new URL(localizeHref(location, 'fr'), 'https://jalons.example/').origin).toBe('https://jalons.example');
				}
			}),
			{ numRuns: 3000 }
		);
	});

	it('asks the login page to come back only to a safe target', () => {
		expect(loginUrl('/en//evil.example', 'fr')).toBe('/connexion');
		expect(loginUrl('/en//evil.example', 'en')).toBe('/en/connexion');
		expect(loginUrl('/en/plans/p', 'en')).toBe('/en/connexion?redirectTo=%2Fen%2Fplans%2Fp');
	});
});

describe('language links of any page', () => {
	it.each(['/en//evil.example', '/en///evil.example', '/en/\\evil.example', '/en/\\\\evil.example', '//evil.example', '/\\evil.example'])(
		'give a same-site path for %j',
		(pathname) => {
			for (const locale of LOCALES) {
				const href = localizeHref(pathname, locale);
				expect(href.startsWith('//') || href.startsWith('/\\')).toBe(false);
				expect(new URL(href, 'https://jalons.example/').origin).toBe('https://jalons.example');
			}
		}
	);
});

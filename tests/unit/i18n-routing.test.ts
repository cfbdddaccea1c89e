// The URL decides the language: `/en/...` is English, everything else French.
import { describe, expect, it } from 'vitest';
import { delocalizePath, isUnlocalizedPath, localeFromPath, localizeHref } from '../../src/lib/i18n/routing';
import { localized } from '../../src/lib/i18n';

describe('localeFromPath', () => {
	it.each([
		['/', 'fr'],
		['/plans/x', 'fr'],
		['/en', 'en'],
		['/en/', 'en'],
		['/en/plans/x', 'en'],
		['/english', 'fr'],
		['/enquete', 'fr'],
		['/fr/plans', 'fr']
	])('%s is %s', (path, locale) => {
		expect(localeFromPath(path)).toBe(locale);
	});
});

describe('delocalizePath', () => {
	it('strips the English prefix only', () => {
		expect(delocalizePath('/en')).toBe('/');
		expect(delocalizePath('/en/plans/x/mesures/1.1')).toBe('/plans/x/mesures/1.1');
		expect(delocalizePath('/plans/x')).toBe('/plans/x');
		expect(delocalizePath('/enquete')).toBe('/enquete');
	});
});

describe('localizeHref', () => {
	it('prefixes English links and leaves French ones alone', () => {
		expect(localizeHref('/', 'en')).toBe('/en');
		expect(localizeHref('/', 'fr')).toBe('/');
		expect(localizeHref('/plans/x', 'en')).toBe('/en/plans/x');
		expect(localizeHref('/plans/x', 'fr')).toBe('/plans/x');
	});

	it('switches a link from one language to the other, keeping query and hash', () => {
		expect(localizeHref('/en/plans/x?statut=DONE&page=2#axe-1', 'fr')).toBe('/plans/x?statut=DONE&page=2#axe-1');
		expect(localizeHref('/plans/x?statut=DONE#axe-1', 'en')).toBe('/en/plans/x?statut=DONE#axe-1');
		expect(localizeHref('/en?x=1', 'fr')).toBe('/?x=1');
		expect(localizeHref('/?x=1', 'en')).toBe('/en?x=1');
		expect(localizeHref('/en/plans/x', 'en')).toBe('/en/plans/x');
	});

	it('keeps form action query strings', () => {
		expect(localizeHref('/deconnexion?/logout', 'en')).toBe('/en/deconnexion?/logout');
	});

	it('leaves external links, anchors and non-page paths alone', () => {
		expect(localizeHref('https://code.gouv.fr', 'en')).toBe('https://code.gouv.fr');
		expect(localizeHref('//evil.example/x', 'en')).toBe('/en/evil.example/x');
		expect(localizeHref('#contenu', 'en')).toBe('#contenu');
		expect(localizeHref('mailto:a@b.fr', 'en')).toBe('mailto:a@b.fr');
		expect(localizeHref('/api/v1/plans', 'en')).toBe('/api/v1/plans');
		expect(localizeHref('/flux/x.atom', 'en')).toBe('/flux/x.atom');
		expect(localizeHref('/sitemap.xml', 'en')).toBe('/sitemap.xml');
		expect(localizeHref('/en/api/v1', 'en')).toBe('/api/v1');
	});

	it('is idempotent and reversible', () => {
		for (const path of ['/', '/plans/x', '/methodologie?a=b', '/plans/x/mesures/1.1#jalons']) {
			const en = localizeHref(path, 'en');
			expect(localizeHref(en, 'en')).toBe(en);
			expect(localizeHref(en, 'fr')).toBe(path);
		}
	});
});

describe('isUnlocalizedPath', () => {
	it('marks API, feeds and robots files, in either form', () => {
		expect(isUnlocalizedPath('/en/api/v1')).toBe(true);
		expect(isUnlocalizedPath('/api')).toBe(true);
		expect(isUnlocalizedPath('/en/healthz')).toBe(true);
		expect(isUnlocalizedPath('/en/apiculture')).toBe(false);
		expect(isUnlocalizedPath('/en/plans/x')).toBe(false);
	});
});

describe('localized plan content', () => {
	it('uses the English text on English pages, else the French text flagged lang="fr"', () => {
		expect(localized('fr', 'Plan', 'Plan EN')).toEqual({ text: 'Plan', lang: undefined });
		expect(localized('en', 'Plan', 'Plan EN')).toEqual({ text: 'Plan EN', lang: undefined });
		expect(localized('en', 'Plan', null)).toEqual({ text: 'Plan', lang: 'fr' });
		expect(localized('en', 'Plan', '')).toEqual({ text: 'Plan', lang: 'fr' });
		expect(localized('en', 'Plan')).toEqual({ text: 'Plan', lang: 'fr' });
	});
});

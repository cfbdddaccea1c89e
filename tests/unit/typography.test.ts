// Typography of every interface sentence: French puts a (narrow) no-break space before ; : ! ? » and
// after «, and writes "1er janvier"; English has no space before colons and uses “…” quotes.
import { describe, expect, it } from 'vitest';
import { fr } from '../../src/lib/i18n/fr';
import { en } from '../../src/lib/i18n/en';
import { formatDateTime, formatDay, formatNumber, formatPercent, plural } from '../../src/lib/i18n';
import { frenchSpaces } from '../../src/lib/i18n/typography';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
	Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));

const frLeaves = leaves(fr as unknown as Tree);
const enLeaves = leaves(en as unknown as Tree);
// A `?` glued to a word is a web address ("?date=2023-06-30"), not punctuation.
const PLAIN_SPACE_BEFORE = /[ \u00a0]([;:!»]|\?(?!\w))/;
const PLAIN_SPACE_AFTER = /«[ \u00a0]/;

describe('French messages', () => {
	it('never have a plain space before ; : ! ? » or after «', () => {
		const wrong = frLeaves.filter(([, text]) => PLAIN_SPACE_BEFORE.test(text) || PLAIN_SPACE_AFTER.test(text)).map(([key]) => key);
		expect(wrong).toEqual([]);
		// The scan looks at real sentences, with the spaces in them.
		expect(fr.form.errorSummary).toBe('Le formulaire contient des erreurs\u202f: corrigez les champs signalés.');
		expect(fr.editing.history.quoted).toBe('«\u202f{text}\u202f»');
	});

	it('are typeset by one rule that leaves web addresses and other spaces alone', () => {
		expect(frenchSpaces('Oui ? Non ! Alors : « ceci » ; fin')).toBe('Oui\u202f? Non\u202f! Alors\u202f: «\u202fceci\u202f»\u202f; fin');
		expect(frenchSpaces('par exemple ?date=2023-06-30')).toBe('par exemple ?date=2023-06-30');
		expect(frenchSpaces('https://exemple.fr/a?b=c : voir')).toBe('https://exemple.fr/a?b=c\u202f: voir');
		expect(frenchSpaces('{ "error": "message" }')).toBe('{ "error": "message" }');
	});

	it('never write a plural as "(s)"', () => {
		expect(frLeaves.filter(([, text]) => /\w\((s|e|es|x)\)/.test(text)).map(([key]) => key)).toEqual([]);
	});
});

describe('French numbers and dates', () => {
	it('write the first day of a month "1er" and group thousands with a narrow no-break space', () => {
		expect(formatDay('2024-01-01', 'fr')).toBe('1er janvier 2024');
		expect(formatDay('2024-01-11', 'fr')).toBe('11 janvier 2024');
		expect(formatDay('2024-01-21', 'fr')).toBe('21 janvier 2024');
		expect(formatDateTime('2024-03-01T09:00:00Z', 'fr')).toMatch(/^1er mars 2024/);
		expect(formatDay('2024-01-01', 'en')).toBe('1 January 2024');
		expect(formatNumber(1000, 'fr')).toBe('1\u202f000');
		expect(formatPercent(42, 'fr')).toBe('42\u202f%');
		expect(plural('fr', { one: '{n} mesure', other: '{n} mesures' }, 1000)).toBe('1\u202f000 mesures');
		expect(plural('fr', { one: '{n} non lue', other: '{n} non lues' }, 1)).toBe('1 non lue');
	});
});

describe('English messages', () => {
	it('have no space before a colon or semicolon and no French guillemets', () => {
		expect(enLeaves.filter(([, text]) => /\s[:;]/.test(text) || /[«»]/.test(text)).map(([key]) => key)).toEqual([]);
	});

	it('quote with “…”, not straight quotes (JSON examples aside)', () => {
		expect(enLeaves.filter(([key, text]) => key !== 'opendata.openapi.description' && /"/.test(text)).map(([key]) => key)).toEqual([]);
	});

	it('contain no French words of the interface', () => {
		const french = /\b(le|la|les|des|du|une|est|pour|avec|mesures?|jalons? |Accès|Erreur)\b/;
		// The open-data values `plan` and `mesure` are column values, the same in every language.
		const allowed = new Set(['siteName', 'brandTop', 'opendata.datasets.mises-a-jour.fields.portee']);
		expect(enLeaves.filter(([key, text]) => !allowed.has(key) && french.test(text)).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
	});
});

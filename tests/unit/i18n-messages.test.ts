// The two catalogues: same keys, same placeholders, counts spelled with the language's plural
// rules, and message keys checked by the compiler (the @ts-expect-error lines fail `npm run check`
// the day a wrong key type-checks).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fr } from '../../src/lib/i18n/fr';
import { en } from '../../src/lib/i18n/en';
import { isMessageKey, plural, translate, type Plural } from '../../src/lib/i18n';
import { RuleError } from '../../src/lib/server/domain/errors';

type Tree = { [key: string]: string | Tree };

/** Every sentence as [dotted path, text]; a plural's forms are `path.one`, `path.other`. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
	return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const frLeaves = leaves(fr);
const enLeaves = new Map(leaves(en));

describe('the French and English catalogues', () => {
	it('have the same keys', () => {
		expect([...enLeaves.keys()].sort()).toEqual(frLeaves.map(([key]) => key).sort());
	});

	it('use the same placeholders in each sentence', () => {
		const differ = frLeaves.filter(([key, text]) => placeholders(text).join() !== placeholders(enLeaves.get(key) ?? '').join()).map(([key]) => key);
		expect(differ).toEqual([]);
	});

	it('never write a plural as "(s)": a count goes through plural()', () => {
		const all = [...frLeaves, ...enLeaves.entries()];
		expect(all.filter(([, text]) => /\w\((s|e|es|x)\)/.test(text)).map(([key]) => key)).toEqual([]);
		// The forms of a plural say `{n}` (its count) in both languages.
		expect(frLeaves.filter(([key, text]) => /\.(one|other)$/.test(key) && !text.includes('{n}') && !/seule/.test(text)).map(([key]) => key)).toEqual([]);
	});
});

describe('plural forms', () => {
	const days = fr.explore.daysLeft;

	it('French: 0 and 1 take the singular, 2 and more the plural', () => {
		expect(plural('fr', days, 0)).toBe('dans 0 jour');
		expect(plural('fr', days, 1)).toBe('dans 1 jour');
		expect(plural('fr', days, 2)).toBe('dans 2 jours');
		expect(plural('fr', days, 432)).toBe('dans 432 jours');
		expect(plural('fr', fr.comments.notifications.headerUnread, 1)).toBe('Notifications (1 non lue)');
		expect(plural('fr', fr.comments.notifications.headerUnread, 3)).toBe('Notifications (3 non lues)');
		expect(plural('fr', fr.dashboard.measureCount, 10)).toBe('10 mesures');
		expect(plural('fr', fr.auth.login.throttled, 1)).toBe('Trop de tentatives de connexion. Réessayez dans 1 minute.');
	});

	it('English: only 1 takes the singular', () => {
		expect(plural('en', en.explore.daysLeft, 0)).toBe('in 0 days');
		expect(plural('en', en.explore.daysLeft, 1)).toBe('in 1 day');
		expect(plural('en', en.explore.daysLate, 432)).toBe('432 days overdue');
		expect(plural('en', en.dashboard.measureCount, 1)).toBe('1 measure');
	});

	it('fills the other placeholders and writes the count in the language’s digits', () => {
		expect(plural('fr', fr.dashboard.unknownCount, 1, { total: 12 })).toBe('1 mesure sur 12 sans avancement renseigné\u202f: elle ne compte pas dans la moyenne.');
		expect(plural('en', en.dashboard.unknownCount, 3, { total: 12 })).toBe('3 measures out of 12 have no reported progress: they are left out of the average.');
		expect(plural('fr', fr.opendata.rowCount, 12345)).toBe('12\u202f345 lignes');
		expect(plural('en', en.opendata.rowCount, 12345)).toBe('12,345 rows');
	});

	it('falls back to the "other" form for categories a message does not spell (French "many")', () => {
		const message: Plural = { one: '{n} mesure', other: '{n} mesures' };
		expect(new Intl.PluralRules('fr-FR').select(1_000_000)).toBe('many');
		expect(plural('fr', message, 1_000_000)).toBe('1\u202f000\u202f000 mesures');
	});
});

describe('message keys', () => {
	it('name a sentence, in either language', () => {
		expect(translate(fr, 'form.invalidUrl')).toBe(fr.form.invalidUrl);
		expect(translate(en, 'auth.errors.passwordMismatch')).toBe(en.auth.errors.passwordMismatch);
		expect(new RuleError('editing.errors.unknownOwner', 'leadOwnerId').messageKey).toBe('editing.errors.unknownOwner');
	});

	it('fail the type check when they name nothing (and show the generic error at run time)', () => {
		// @ts-expect-error: not a key of the catalogue
		expect(translate(fr, 'nope.key')).toBe(fr.form.errorSummary);
		// @ts-expect-error: a typo in a domain rule's key
		expect(new RuleError('editing.errors.unknwnOwner').messageKey).toBe('editing.errors.unknwnOwner');
		// @ts-expect-error: a plural is not a sentence: it needs its count
		expect(translate(fr, 'explore.daysLeft')).toBe(fr.form.errorSummary);
	});

	// Zod schemas carry keys as plain strings (`{ error: 'form.invalidUrl' }`), out of reach of the
	// type check: every key-shaped literal of the server code must name a sentence.
	it('written as string literals in server code all exist', () => {
		const root = path.resolve(import.meta.dirname, '../../src/lib/server');
		const files = (function walk(dir: string): string[] {
			return readdirSync(dir).flatMap((name) => {
				const full = path.join(dir, name);
				if (name === 'generated') return [];
				return statSync(full).isDirectory() ? walk(full) : full.endsWith('.ts') ? [full] : [];
			});
		})(root);
		const namespaces = Object.keys(fr).filter((key) => typeof (fr as Record<string, unknown>)[key] === 'object');
		const literal = new RegExp(`['\`]((?:${namespaces.join('|')})\\.[A-Za-z.]+)['\`]`, 'g');
		const found = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(literal)].map((m) => m[1]!));
		expect(found.length).toBeGreaterThan(20);
		expect(found.filter((key) => !isMessageKey(fr, key))).toEqual([]);
	});
});

// The build decides what the browser downloads; this catches the usual slip earlier than the
// end-to-end check (tests/e2e/i18n-bundle.e2e.ts): a component importing both catalogues.
describe('code that runs in the browser', () => {
	it('never imports messages() or a catalogue: pages read the one the root layout loaded', () => {
		const root = path.resolve(import.meta.dirname, '../..');
		const isServer = (file: string) => /(^src\/lib\/server\/|\.server\.ts$|\/\+server\.ts$|^src\/lib\/i18n\/)/.test(file);
		const files = (function walk(dir: string): string[] {
			return readdirSync(path.join(root, dir)).flatMap((name) => {
				const file = `${dir}/${name}`;
				return statSync(path.join(root, file)).isDirectory() ? walk(file) : /\.(svelte|ts)$/.test(name) ? [file] : [];
			});
		})('src').filter((file) => !isServer(file));
		const bothLanguages = /import\s*\{[^}]*\bmessages\b[^}]*\}\s*from\s*'\$lib\/i18n'|from\s*'[^']*i18n\/(fr|en|catalogues|\w+\.en)'/;
		expect(files.length).toBeGreaterThan(50);
		expect(files.filter((file) => bothLanguages.test(readFileSync(path.join(root, file), 'utf8')))).toEqual([]);
	});
});

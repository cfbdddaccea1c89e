// A page downloads the interface text of its own language only: none of the JavaScript a French
// page loads carries an English-only sentence of the catalogue, and the other way round. Public pages,
// which are not hydrated, download neither. Its pages load with JavaScript on whatever the project
// (without it there is nothing to download): run once.
import { test, expect, ONCE } from './fixtures';
import type { Browser } from '@playwright/test';
import { fr } from '../../src/lib/i18n/fr';
import { en } from '../../src/lib/i18n/en';

type Tree = { [key: string]: string | Tree };
const texts = (tree: Tree): string[] => Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : texts(value)));

/** Sentences of one catalogue that the other does not have, as the minified code writes them. */
function distinctive(own: Tree, other: Tree): string[] {
	const others = new Set(texts(other));
	return texts(own).filter((text) => text.length >= 30 && !others.has(text) && !/[\\`$'"{<]/.test(text));
}

const ENGLISH_ONLY = distinctive(en, fr);
const FRENCH_ONLY = distinctive(fr, en);

/** The bodies of every script the page at `path` loads until it is hydrated (public pages: until the DSFR has started). */
async function scriptsOf(browser: Browser, baseURL: string, path: string): Promise<string[]> {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: true });
	try {
		const page = await context.newPage();
		const bodies: Promise<string>[] = [];
		page.on('response', (response) => {
			if (/\.m?js(\?.*)?$/.test(new URL(response.url()).pathname)) bodies.push(response.text());
		});
		await page.goto(path);
		// The root layout's load imports the catalogue before hydration, and the DSFR script
		// starts (marking <html data-fr-js>) after it: on a busy machine "network idle" comes sooner.
		// On a public page the standalone script starts the DSFR.
		await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'), null, { timeout: 30_000 });
		return await Promise.all(bodies);
	} finally {
		await context.close();
	}
}

const found = (scripts: string[], sentences: string[]) => sentences.filter((sentence) => scripts.some((script) => script.includes(sentence)));

test('a French page downloads the French catalogue and no English sentence', ONCE, async ({ browser, baseURL }) => {
	expect(ENGLISH_ONLY.length).toBeGreaterThan(100);
	for (const path of ['/connexion']) {
		const scripts = await scriptsOf(browser, baseURL!, path);
		expect(scripts.length).toBeGreaterThan(0);
		expect(found(scripts, FRENCH_ONLY).length, `French interface text in the scripts of ${path}`).toBeGreaterThan(100);
		expect(found(scripts, ENGLISH_ONLY), `English text in the scripts of ${path}`).toEqual([]);
	}
});

test('an English page downloads the English catalogue and no French sentence', ONCE, async ({ browser, baseURL }) => {
	expect(FRENCH_ONLY.length).toBeGreaterThan(100);
	for (const path of ['/en/connexion']) {
		const scripts = await scriptsOf(browser, baseURL!, path);
		expect(found(scripts, ENGLISH_ONLY).length, `English interface text in the scripts of ${path}`).toBeGreaterThan(100);
		expect(found(scripts, FRENCH_ONLY), `French text in the scripts of ${path}`).toEqual([]);
	}
});

test('a public page, served without hydration, downloads no catalogue at all', ONCE, async ({ browser, baseURL }) => {
	for (const path of ['/', '/en', '/plans/plan-action-logiciels-libres-et-communs-numeriques/mesures/2.2']) {
		const scripts = await scriptsOf(browser, baseURL!, path);
		expect(scripts.length, `scripts of ${path}`).toBeGreaterThan(0);
		expect(found(scripts, [...FRENCH_ONLY, ...ENGLISH_ONLY]), `interface text in the scripts of ${path}`).toEqual([]);
	}
});

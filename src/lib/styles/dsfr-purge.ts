// Build step (vite.config.ts, production builds only): PurgeCSS trims the DSFR stylesheet
// (src/lib/styles/dsfr.css, its @imports inlined) to the rules whose selectors our code can produce.
// Every page links that stylesheet and waits for it before the first paint: it was 48 KB brotli, of which
// Lighthouse found ~39 KB unused on the dashboard. PurgeCSS (@fullhuman/postcss-purgecss) is the
// maintained, framework-agnostic extractor that plugs into Vite's PostCSS step; it keeps a selector when
// each of its class, id, element and attribute names appears as a word in the content files.
// Only the DSFR file goes through it: app.css and the components' own <style> (Svelte-scoped) are ours
// and already small.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The little of PostCSS's plugin API used here (postcss is Vite's dependency, not ours). */
interface Root {
	source?: { input: { file?: string } };
}
interface Plugin {
	postcssPlugin: string;
	OnceExit(root: Root, helpers: unknown): Promise<void> | void;
}

// Its ES build imports fast-glob as a namespace, which Node cannot do: load the CommonJS build.
const require = createRequire(import.meta.url);
const purgeCSSPlugin = require('@fullhuman/postcss-purgecss') as (options: import('@fullhuman/postcss-purgecss').UserDefinedOptions) => Plugin;

const DSFR_STYLESHEET = path.resolve(import.meta.dirname, 'dsfr.css');
const root = path.resolve(import.meta.dirname, '../../..');
const DSFR_SCRIPT = path.join(root, 'node_modules/@gouvfr/dsfr/dist/dsfr.module.min.js');

/** Our source files under src/ with one of these extensions, except this one, which names classes in its comments. */
function sources(extensions: RegExp): string[] {
	const src = path.join(root, 'src');
	return readdirSync(src, { recursive: true, encoding: 'utf8' })
		.map((file) => path.join(src, file))
		.filter((file) => extensions.test(file) && file !== path.join(import.meta.dirname, 'dsfr-purge.ts'));
}

/**
 * Class names that no source file spells out whole. Keep this list in step with a grep for
 * `fr-[a-z-]*{` and `fr-…${` in src/ (tests/e2e/page-weight.once.e2e.ts checks that they survive).
 */
const SAFELIST = [
	// PlanStatusBadge: fr-badge--{kind} (success, info, warning).
	/^fr-badge--/
];

/**
 * Attribute selectors whose attribute is set while the page runs (by the DSFR's script, by Svelte, or by
 * a state such as aria-expanded): PurgeCSS would otherwise keep `[attr=value]` only when that value is
 * spelt somewhere. data-fr-theme is the dark theme (the DSFR script sets it from data-fr-scheme).
 */
const DYNAMIC_ATTRIBUTES = [
	'aria-pressed',
	'aria-selected',
	'aria-expanded',
	'aria-current',
	'aria-sort',
	'aria-invalid',
	'data-fr-theme',
	'data-fr-scheme',
	'data-fr-js',
	'data-fr-js-table',
	'data-fr-scrolling',
	'data-fr-checked-label',
	'data-fr-unchecked-label',
	'data-fr-capslock',
	'data-fr-valid',
	'data-fr-error'
];

/** Core classes the DSFR script adds that belong to no component: collapse animation, menus' placement… */
const DSFR_CORE_RUNTIME = ['collapsing', 'transition-none', 'scroll-divider', 'placement'];

/**
 * The classes the DSFR's script adds at runtime. It never spells them whole: it writes `"collapse"`,
 * `"table__shadow--left"`… and prefixes `fr-` itself, and builds modifiers as `<name>--<state>`
 * (fr-collapse--expanded, fr-modal--opened) or `${name}--align-right` (fr-nav__item--align-right). From its
 * string literals, each class and its modifiers are kept when the component is one our code uses
 * (fr-<block> appears in src/), so the script's hooks for components no page has (tabs, sidemenu…) do not
 * bring their CSS back.
 */
function dsfrRuntimeClasses(sourceWords: Set<string>): string[] {
	const script = readFileSync(DSFR_SCRIPT, 'utf8');
	const modifiers = new Set([...[...script.matchAll(/\{id:"([a-z]+)"/g)].map((m) => m[1]!), ...[...script.matchAll(/`\$\{[\w.]+\}--([a-z-]+)`/g)].map((m) => m[1]!)]);
	const names = new Set([
		...[...script.matchAll(/"([a-z][a-z0-9]*(?:[_-]{1,2}[a-z0-9]+)*)"/g)].map((m) => m[1]!),
		...[...script.matchAll(/\$\{[\w.]+\.prefix\}-([a-z0-9_-]+)/g)].map((m) => m[1]!)
	]);
	const classes = new Set<string>();
	for (const name of names) {
		const block = name.split(/__|--/)[0]!;
		if (!sourceWords.has(`fr-${block}`) && !DSFR_CORE_RUNTIME.includes(block)) continue;
		classes.add(`fr-${name}`);
		for (const modifier of modifiers) classes.add(`fr-${name}--${modifier}`);
	}
	return [...classes];
}

/** Every `fr-…` word and every `--custom-property` written in our sources. */
function scanSources(): { words: Set<string>; variables: string[] } {
	const words = new Set<string>();
	const variables = new Set<string>();
	for (const file of sources(/\.(svelte|ts|js|html|css)$/)) {
		const text = readFileSync(file, 'utf8');
		for (const [word] of text.matchAll(/fr-[a-z0-9_-]+/g)) words.add(word.replace(/[-_]+$/, ''));
		for (const [name] of text.matchAll(/--[a-zA-Z][\w-]*/g)) variables.add(name);
	}
	// Custom properties the DSFR script sets or reads (--collapse, --scrollbar-width…).
	for (const [name] of readFileSync(DSFR_SCRIPT, 'utf8').matchAll(/"(--[a-z][\w-]*)"/g)) variables.add(name);
	return { words, variables: [...variables] };
}

export function dsfrPurge(): Plugin {
	return {
		postcssPlugin: 'jalons-dsfr-purge',
		async OnceExit(css, helpers) {
			if (css.source?.input.file !== DSFR_STYLESHEET) return;
			const { words, variables } = scanSources();
			await purgeCSSPlugin({
				content: [...sources(/\.(svelte|ts|js|html)$/), { raw: dsfrRuntimeClasses(words).join(' '), extension: 'html' }],
				safelist: { standard: SAFELIST, variables },
				dynamicAttributes: DYNAMIC_ATTRIBUTES,
				// Custom properties that no kept rule reads (the DSFR defines hundreds, light and dark) go too;
				// those our own CSS and scripts use are safelisted above.
				variables: true
			}).OnceExit(css, helpers);
		}
	};
}

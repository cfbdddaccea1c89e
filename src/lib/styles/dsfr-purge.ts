// Build step (vite.config.ts, production builds only): PurgeCSS trims the DSFR stylesheet
// (src/lib/styles/dsfr.css, its @imports inlined) to the rules whose selectors our code can produce.
// Every page links that stylesheet and waits for it before the first paint: it was 48 KB brotli, of which
// Lighthouse found ~39 KB unused on the dashboard. PurgeCSS (@fullhuman/postcss-purgecss) is the
// maintained, framework-agnostic extractor that plugs into Vite's PostCSS step; it keeps a selector when
// each of its class, id, element and attribute names appears as a word in the content files.
// Only the DSFR file goes through it: app.css and the components' own <style> (Svelte-scoped) are ours
// and already small.
import { readFileSync } from 'node:fs';
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

// The packages' ES builds import fast-glob as a namespace, which Node cannot do: load the CommonJS builds.
const require = createRequire(import.meta.url);
const purgeCSSPlugin = require('@fullhuman/postcss-purgecss') as (options: import('@fullhuman/postcss-purgecss').UserDefinedOptions) => Plugin;
const fastGlob = require('fast-glob') as { sync(patterns: string[]): string[] };

export const DSFR_STYLESHEET = path.resolve(import.meta.dirname, 'dsfr.css');
const root = path.resolve(import.meta.dirname, '../../..');
// The DSFR's script adds classes and attributes at runtime (fr-collapse--expanded, fr-modal--opened,
// fr-btn--…, data-fr-js-…): its own source is read as content, so its class names count as used.
const DSFR_SCRIPT = path.join(root, 'node_modules/@gouvfr/dsfr/dist/dsfr.module.min.js');
const CONTENT = [path.join(root, 'src/**/*.{svelte,ts,js,html}'), DSFR_SCRIPT];

/**
 * Class names that no source file spells out whole. Keep this list in step with a grep for
 * `fr-[a-z-]*{` and `fr-…${` in src/ (tests/e2e/page-weight.e2e.ts checks these classes survive).
 */
export const SAFELIST = [
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

/**
 * Custom properties read outside the DSFR stylesheet (app.css, components' <style>, chart colours read
 * with getComputedStyle, the DSFR script): every `--name` written in the content files.
 */
function variablesInContent(): string[] {
	const names = new Set<string>();
	for (const file of fastGlob.sync([...CONTENT, path.join(root, 'src/**/*.css')])) {
		for (const match of readFileSync(file, 'utf8').matchAll(/--[a-zA-Z][\w-]*/g)) names.add(match[0]);
	}
	return [...names];
}

export function dsfrPurge(): Plugin {
	return {
		postcssPlugin: 'jalons-dsfr-purge',
		async OnceExit(css, helpers) {
			if (css.source?.input.file !== DSFR_STYLESHEET) return;
			await purgeCSSPlugin({
				content: CONTENT,
				safelist: { standard: SAFELIST, variables: variablesInContent() },
				dynamicAttributes: DYNAMIC_ATTRIBUTES,
				// Custom properties no kept rule reads (the DSFR defines hundreds, light and dark) go too.
				variables: true
			}).OnceExit(css, helpers);
		}
	};
}

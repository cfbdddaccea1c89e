// The stylesheets a page makes the browser wait for before its first paint, and their budget. Shared by
// `npm run page-weight` (which prints them and can fail over the budget) and tests/e2e/page-weight.once.e2e.ts.
import { brotliCompressSync, constants } from 'node:zlib';

/**
 * Render-blocking CSS of one page, brotli 11 (what adapter-node's precompressed files and a CDN send).
 * Before PurgeCSS trimmed the DSFR stylesheet (2026-12) the dashboard's was 48 KB; now about 21 KB.
 * A rise past this means a big new DSFR component, or a safelist pattern gone too wide: look before
 * raising it (docs/contributing.md, « Poids des pages »).
 */
export const RENDER_BLOCKING_CSS_BUDGET = 26 * 1024;

/** The hrefs of `<link rel="stylesheet">` in a page's HTML, except those for print only. */
export function renderBlockingStylesheets(html: string, pageUrl: string): string[] {
	const end = html.indexOf('</head>');
	const head = end < 0 ? html : html.slice(0, end);
	const hrefs: string[] = [];
	for (const [tag] of head.matchAll(/<link\b[^>]*>/gi)) {
		if (!/\brel=["']?stylesheet\b/i.test(tag) || /\bmedia=["']?print\b/i.test(tag) || /\bdisabled\b/i.test(tag)) continue;
		const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
		if (href) hrefs.push(new URL(href, pageUrl).href);
	}
	return hrefs;
}

export const brotli = (body: Uint8Array) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// Which language a URL is in. French pages live at their plain path (`/plans/x`); English pages
// carry an `/en` prefix (`/en/plans/x`) that the `reroute` hook (src/hooks.ts) strips before
// routing, so no route is written twice. The URL alone decides the language: no cookie, no
// Accept-Language, so a CDN can cache every page under its URL.
import type { Locale } from './index';

export const DEFAULT_LOCALE: Locale = 'fr';
const PREFIX: Record<Locale, string> = { fr: '', en: '/en' };

/** Paths that are not pages: they exist once, without a language prefix. */
const UNLOCALIZED = /^\/(?:api|flux|healthz|oembed|readyz|robots\.txt|sitemap\.xml|_app)(?:\/|$)/;

export function localeFromPath(pathname: string): Locale {
	return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : DEFAULT_LOCALE;
}

/** The path without its language prefix: the route SvelteKit matches. */
export function delocalizePath(pathname: string): string {
	if (localeFromPath(pathname) === DEFAULT_LOCALE) return pathname;
	return pathname.slice(PREFIX.en.length) || '/';
}

/**
 * An internal link in the given language. Accepts a path with an optional query string and hash
 * (`/plans/x?statut=DONE#axe-1`); any existing prefix is replaced. A path always gives a path: leading
 * slashes and backslashes collapse into one, so no result is protocol-relative. External links,
 * anchors and paths that are not pages (API, feeds) are returned unchanged.
 */
export function localizeHref(href: string, locale: Locale): string {
	if (!href.startsWith('/')) return href;
	// The common case, every link of a French page: already a plain French path, nothing to change.
	if (locale === DEFAULT_LOCALE && isPlainPath(href)) return href;
	const cut = href.search(/[?#]/);
	const path = cut === -1 ? href : href.slice(0, cut);
	const rest = cut === -1 ? '' : href.slice(cut);
	// `/en//host` must not become `//host` (protocol-relative: another site) in French.
	const bare = delocalizePath(path).replace(/^[/\\]+/, '/');
	if (UNLOCALIZED.test(bare)) return bare + rest;
	if (locale === DEFAULT_LOCALE) return bare + rest;
	return (bare === '/' ? PREFIX[locale] : PREFIX[locale] + bare) + rest;
}

/** A path with one leading slash and no language prefix: what `localizeHref` gives back unchanged in French. */
function isPlainPath(href: string): boolean {
	const second = href.charAt(1);
	if (second === '/' || second === '\\') return false;
	return !(href.startsWith('/en') && (href.length === 3 || '/?#'.includes(href.charAt(3))));
}

/** True when the reroute hook should leave this path alone (`/en/api/...` is not a page: 404). */
export function isUnlocalizedPath(pathname: string): boolean {
	return UNLOCALIZED.test(delocalizePath(pathname));
}

// Where to go after signing in. Only same-site paths are followed, so a crafted link such as
// /connexion?redirectTo=https://evil.example cannot send a freshly signed-in user elsewhere.
// The target is given in the language of the login page: a visitor who signs in on `/en/connexion`
// lands on an English page, whatever language the link that brought them there was in.
//
// The check runs on the *final* value, the one that goes into `Location`, after URL normalisation
// and the language prefix swap: checking the input alone let `/en//evil.example` (or
// `/en/%2e%2e//evil.example`) become `//evil.example` once the prefix was stripped.
import type { Locale } from '$lib/i18n';
import { DEFAULT_LOCALE, delocalizePath, localizeHref } from '$lib/i18n/routing';

const FALLBACK = '/';
const BASE = 'http://jalons.invalid';
/** Pages that make no sense to come back to (in either language). */
const NOT_TARGETS = ['/connexion', '/deconnexion'];
/** Whitespace, control characters and backslashes: browsers drop or reinterpret them in a URL. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_CHARACTER = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff\\]/;
/** Encoded dot, slash and backslash (a later decoding step could turn them into `..`, `//` or `/\`), and an
 * empty segment: `/en//evil.example` is `//evil.example` once the language prefix is stripped. */
const ENCODED_SEPARATOR = /%(?:2e|2f|5c)|\/\//i;

const pathPart = (value: string) => value.split(/[?#]/, 1)[0] ?? '';

/**
 * True when `value` is a path of this site that a browser follows as it reads: one leading slash,
 * no backslash, whitespace or control character, no encoded separator or empty segment in the path, and nothing
 * URL parsing would still rewrite (dot segments). Anything else could leave the site.
 */
export function isSameSitePath(value: string): boolean {
	if (value.length === 0 || value.length > 2000) return false;
	if (value[0] !== '/' || value[1] === '/' || UNSAFE_CHARACTER.test(value) || ENCODED_SEPARATOR.test(pathPart(value))) return false;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return false;
	}
	return url.origin === BASE && `${url.pathname}${url.search}${url.hash}` === value;
}

/** The normalised same-site path `raw` names, or null when it is not one or not worth returning to. */
function candidate(raw: string | null | undefined): string | null {
	if (!raw || raw.length > 2000 || raw[0] !== '/' || raw[1] === '/') return null;
	if (UNSAFE_CHARACTER.test(raw) || ENCODED_SEPARATOR.test(pathPart(raw))) return null;
	let url: URL;
	try {
		url = new URL(raw, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE) return null;
	const bare = delocalizePath(url.pathname);
	if (NOT_TARGETS.some((path) => bare === path || bare.startsWith(`${path}/`))) return null;
	return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * A same-site path to go to after signing in, in `locale`; the home page when `raw` is unsafe.
 * The one function for every redirect whose target comes from the request.
 */
export function safeRedirectTarget(raw: string | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
	const path = candidate(raw);
	const target = path === null ? null : localizeHref(path, locale);
	return target !== null && isSameSitePath(target) ? target : localizeHref(FALLBACK, locale);
}

/** The login page in `locale`, asking to come back to `target` (a path of this site) afterwards. */
export function loginUrl(target: string, locale: Locale = DEFAULT_LOCALE): string {
	const login = localizeHref('/connexion', locale);
	const back = safeRedirectTarget(target, locale);
	return back === localizeHref(FALLBACK, locale) ? login : `${login}?redirectTo=${encodeURIComponent(back)}`;
}

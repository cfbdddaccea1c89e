// Where to go after signing in. Only same-site relative paths are followed, so a crafted link such
// as /connexion?redirectTo=https://evil.example cannot send a freshly signed-in user elsewhere.
// The target is given in the language of the login page: a visitor who signs in on `/en/connexion`
// lands on an English page, whatever language the link that brought them there was in.
import type { Locale } from '$lib/i18n';
import { DEFAULT_LOCALE, delocalizePath, localizeHref } from '$lib/i18n/routing';

const FALLBACK = '/';
/** Pages that make no sense to come back to (in either language). */
const NOT_TARGETS = ['/connexion', '/deconnexion'];

function sameSitePath(raw: string | null | undefined): string | null {
	if (!raw || raw.length > 2000) return null;
	// "//host" and "/\host" are protocol-relative for browsers; control characters hide such tricks.
	// eslint-disable-next-line no-control-regex -- refusing control characters is the point
	if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || /[\u0000-\u001f\u007f\\]/.test(raw)) return null;
	let url: URL;
	try {
		url = new URL(raw, 'http://jalons.invalid');
	} catch {
		return null;
	}
	if (url.origin !== 'http://jalons.invalid') return null;
	const bare = delocalizePath(url.pathname);
	if (NOT_TARGETS.some((path) => bare === path || bare.startsWith(`${path}/`))) return null;
	return `${url.pathname}${url.search}${url.hash}`;
}

/** A same-site path to go to after signing in, in `locale`; the home page when `raw` is unsafe. */
export function safeRedirectTarget(raw: string | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
	return localizeHref(sameSitePath(raw) ?? FALLBACK, locale);
}

/** The login page in `locale`, asking to come back to `target` (a path of this site) afterwards. */
export function loginUrl(target: string, locale: Locale = DEFAULT_LOCALE): string {
	const login = localizeHref('/connexion', locale);
	const back = safeRedirectTarget(target, locale);
	return back === localizeHref(FALLBACK, locale) ? login : `${login}?redirectTo=${encodeURIComponent(back)}`;
}

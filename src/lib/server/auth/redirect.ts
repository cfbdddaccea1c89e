// Where to go after signing in. Only same-site relative paths are followed, so a crafted link such
// as /connexion?redirectTo=https://evil.example cannot send a freshly signed-in user elsewhere.
const FALLBACK = '/';
/** Pages that make no sense to come back to. */
const NOT_TARGETS = ['/connexion', '/deconnexion'];

export function safeRedirectTarget(raw: string | null | undefined): string {
	if (!raw || raw.length > 2000) return FALLBACK;
	// "//host" and "/\host" are protocol-relative for browsers; control characters hide such tricks.
	if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || /[\u0000-\u001f\u007f\\]/.test(raw)) return FALLBACK;
	let url: URL;
	try {
		url = new URL(raw, 'http://jalons.invalid');
	} catch {
		return FALLBACK;
	}
	if (url.origin !== 'http://jalons.invalid') return FALLBACK;
	if (NOT_TARGETS.some((path) => url.pathname === path || url.pathname.startsWith(`${path}/`))) return FALLBACK;
	return `${url.pathname}${url.search}${url.hash}`;
}

/** The login page, asking to come back to `target` (a path of this site) afterwards. */
export function loginUrl(target: string): string {
	const safe = safeRedirectTarget(target);
	return safe === FALLBACK ? '/connexion' : `/connexion?redirectTo=${encodeURIComponent(safe)}`;
}

// Headers every response carries, pages, downloads and errors alike. The Content-Security-Policy
// itself comes from `kit.csp` in svelte.config.js, which hashes SvelteKit's own inline scripts.
import type { Handle } from '@sveltejs/kit';
import { config } from '../config';
import { providerOrigin } from '../auth/proconnect';
import { isFramableRoute } from './embed-routes';

const isProduction = () => config().production && (config().origin ?? '').startsWith('https://');

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	// Embedding cards are made to be framed by any site; every other page refuses it (clickjacking).
	const framable = isFramableRoute(event.route.id);
	if (framable) headers.delete('X-Frame-Options');
	else headers.set('X-Frame-Options', 'DENY');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (isProduction()) headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	// Signing in and out with ProConnect are form posts answered by a redirect to the provider, which
	// form-action also governs: its origin is allowed, and nothing else.
	const proConnect = config().proConnect;
	const policy = headers.get('Content-Security-Policy');
	if (proConnect && policy) headers.set('Content-Security-Policy', policy.replace(/form-action 'self'/, `form-action 'self' ${providerOrigin(proConnect)}`));
	if (!headers.has('Content-Security-Policy')) {
		// Non-page responses (downloads, errors raised before rendering) get a locked-down policy.
		headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
	}
	if (framable) headers.set('Content-Security-Policy', (headers.get('Content-Security-Policy') ?? '').replace(/frame-ancestors 'none'/, 'frame-ancestors *'));
	return response;
};

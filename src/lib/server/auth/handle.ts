// The authenticate hook: looks the session cookie up on every request (a cookie is never trusted by
// itself), slides its expiry, and puts the user with roles and teams on `locals`. An unknown, expired
// or disabled session loses its cookie.
import type { Handle } from '@sveltejs/kit';
import { db } from '../db/instance';
import { log } from '../log';
import { isEmbedRoute } from '../http/embed-routes';
import { deleteSessionCookie, readSessionCookie, setSessionCookie, validateSessionToken } from './session';

export const authenticate: Handle = async ({ event, resolve }) => {
	// Badges and cards show the same to everyone and are kept by shared caches: no session is read, so
	// none is slid and no Set-Cookie can ride on a public answer.
	if (isEmbedRoute(event.route.id)) return resolve(event);
	const token = readSessionCookie(event.cookies, event.url);
	if (!token) return resolve(event);
	let result: Awaited<ReturnType<typeof validateSessionToken>>;
	try {
		result = await validateSessionToken(await db(), token);
	} catch (error) {
		// Database down: carry on anonymous (the page itself then answers 503) and keep the cookie.
		// Pages that need a user answer 503 too instead of sending them to the login page.
		log('error', 'session check failed', { error: error instanceof Error ? error.message : String(error) });
		event.locals.databaseUnavailable = true;
		return resolve(event);
	}
	if (!result) {
		deleteSessionCookie(event.cookies, event.url);
		return resolve(event);
	}
	if (result.session.refreshed) setSessionCookie(event.cookies, event.url, token, result.session.expiresAt);
	event.locals.user = result.user;
	event.locals.session = { id: result.session.id, expiresAt: result.session.expiresAt, unreadNotifications: result.session.unreadNotifications };
	const response = await resolve(event);
	// A page rendered for a signed-in user (name, drafts) must not land in a shared cache.
	response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

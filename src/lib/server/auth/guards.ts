// Guards for server loads and actions. A layout load is not a guard (it does not rerun on every
// request), so every load and every action of a protected page calls one of these itself.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { messages } from '$lib/i18n';
import type { Actor } from '../policies';
import { loginUrl } from './redirect';

export type SignedInUser = NonNullable<App.Locals['user']>;

/** The page to come back to after signing in: for a form post, the page itself, not its `?/action`. */
function returnPath(url: URL): string {
	const params = new URLSearchParams(url.search);
	for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
	const search = params.toString();
	return search ? `${url.pathname}?${search}` : url.pathname;
}

/** The signed-in user; anyone else is sent to the login page, then back here. */
export function requireUser(event: RequestEvent = getRequestEvent()): SignedInUser {
	const user = event.locals.user;
	// Signed in or not is unknown while the database is down: 503, not the login page.
	if (!user && event.locals.databaseUnavailable) error(503, messages(event.locals.locale).error.unavailable);
	if (!user) redirect(303, loginUrl(returnPath(event.url), event.locals.locale));
	return user;
}

/** A signed-in user passing `check` (a policy function); others get a 403 with nothing done. */
export function requireAllowed(check: (actor: Actor) => boolean, event: RequestEvent = getRequestEvent()): SignedInUser {
	const user = requireUser(event);
	if (!check(user)) error(403, messages(event.locals.locale).auth.forbidden);
	return user;
}

import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { messages } from '$lib/i18n';
import { localeFromPath } from '$lib/i18n/routing';
import { securityHeaders } from '$lib/server/http/security-headers';
import { log, logError } from '$lib/server/log';
import { appDatabase, closeAppDatabase } from '$lib/server/db/instance';
import { authenticate } from '$lib/server/auth/handle';

export const init: ServerInit = async () => {
	// Migrate (and seed the embedded default) before the first request. A database that is down
	// now must not stop the server: requests answer 503 until it is back.
	await appDatabase().catch((error: unknown) =>
		log('error', 'database not ready at start', { error: error instanceof Error ? error.message : String(error) })
	);
	// adapter-node emits this after SIGINT/SIGTERM once in-flight requests are done; closing
	// flushes the embedded database to disk and releases the pool.
	process.once('sveltekit:shutdown' as 'beforeExit', () => void closeAppDatabase());
};

const context: Handle = async ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
	// The URL alone decides the language (`/en/...` is English), so pages stay cacheable by URL.
	event.locals.locale = localeFromPath(event.url.pathname);
	event.locals.user = null;
	event.locals.session = null;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	response.headers.set('X-Request-Id', event.locals.requestId);
	return response;
};

export const handle = sequence(context, authenticate, securityHeaders);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	const locale = event.locals.locale ?? localeFromPath(event.url.pathname);
	if (status === 404) return { message: messages(locale).notFound.title, requestId };
	logError({ requestId, method: event.request.method, path: event.url.pathname, status, message, error });
	return { message: messages(locale).error.lead, requestId };
};

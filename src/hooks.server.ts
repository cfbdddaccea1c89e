import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { messages } from '$lib/i18n';
import { localeFromPath } from '$lib/i18n/routing';
import { securityHeaders } from '$lib/server/http/security-headers';
import { pageCacheHandle } from '$lib/server/http/page-cache-handle';
import { measureRedirects } from '$lib/server/http/measure-redirects';
import { log, logError, withRequestId } from '$lib/server/log';
import { appDatabase, closeAppDatabase } from '$lib/server/db/instance';
import { authenticate } from '$lib/server/auth/handle';
import { planAccess } from '$lib/server/http/plan-access';
import { isTemporarilyUnavailable } from '$lib/server/db/outage';
import { BusyError } from '$lib/server/whole-plan-reads';
import { purgeJob } from '$lib/server/maintenance/purge';
import { config, publicOrigin } from '$lib/server/config';
import { startJobs } from '$lib/server/jobs';
import { linkCheckJob } from '$lib/server/domain/links/job';
import { indicatorFeedsJob } from '$lib/server/domain/indicator-feeds/job';

export const init: ServerInit = async () => {
	// An invalid variable, or no ORIGIN in production, stops the server here with a clear message.
	publicOrigin(config());
	// Migrate (and seed the embedded default) before the first request. A database that is down
	// now must not stop the server: requests answer 503 until it is back.
	await appDatabase().catch((error: unknown) => log('error', 'database not ready at start', { error: error instanceof Error ? error.message : String(error) }));
	// Periodic jobs (src/lib/server/jobs): each round runs on one instance only (advisory lock). The
	// purge of old login attempts, expired sessions and used links always; the others unless JALONS_JOBS=false.
	const jobs = startJobs(appDatabase, [purgeJob(), ...(config().jobsEnabled ? [linkCheckJob(), indicatorFeedsJob()] : [])]);
	// adapter-node emits this after SIGINT/SIGTERM once in-flight requests are done; closing
	// flushes the embedded database to disk and releases the pool.
	process.once('sveltekit:shutdown' as 'beforeExit', () => {
		jobs.stop();
		void closeAppDatabase();
	});
};

const context: Handle = async ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
	// The URL alone decides the language (`/en/...` is English), so pages stay cacheable by URL.
	event.locals.locale = localeFromPath(event.url.pathname);
	event.locals.user = null;
	event.locals.session = null;
	const response = await withRequestId(event.locals.requestId, () =>
		resolve(event, {
			// app.html is French; an English page changes its `lang` (a French page is not copied for nothing).
			transformPageChunk: event.locals.locale === 'fr' ? undefined : ({ html }) => html.replace('<html lang="fr"', `<html lang="${event.locals.locale}"`),
			// Only the stylesheet is announced early (`Link: preload`). The JavaScript modules would share
			// a phone's bandwidth with it and hold the first paint back; they start when the page's inline
			// script runs, once the stylesheet is in, and the page works without them meanwhile.
			preload: ({ type }) => type === 'css'
		})
	);
	response.headers.set('X-Request-Id', event.locals.requestId);
	if (response.status === 500 && event.locals.databaseUnavailable) {
		// The database went away during the request (handleError saw it): a 503 to retry, not a 500.
		const headers = new Headers(response.headers);
		headers.set('Retry-After', '5');
		headers.set('Cache-Control', 'no-store');
		return new Response(response.body, { status: 503, headers });
	}
	return response;
};

// The page cache sits outside the security headers so that the responses it keeps already carry them.
// The plan gate needs to know who is signed in, and comes after authentication; old measure numbers'
// redirects sit inside the security headers, so that a 301 carries them too.
export const handle = sequence(context, pageCacheHandle, authenticate, planAccess, securityHeaders, measureRedirects);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	const locale = event.locals.locale ?? localeFromPath(event.url.pathname);
	if (status === 404) return { message: messages(locale).notFound.title, requestId };
	if (isTemporarilyUnavailable(error)) {
		event.locals.databaseUnavailable = true;
		log('warn', error instanceof BusyError ? 'busy: whole-plan reads queue full' : 'database unavailable', {
			requestId,
			method: event.request.method,
			path: event.url.pathname,
			error: error instanceof Error ? error.message : String(error)
		});
		return { message: messages(locale).error.unavailable, requestId, unavailable: true };
	}
	if (status < 500) {
		// Refused by SvelteKit itself (body too large, malformed request): the client's fault, no stack.
		log('warn', 'request refused', { requestId, method: event.request.method, path: event.url.pathname, status, message });
		const t = messages(locale).error;
		return { message: status === 413 ? t.tooLarge : t.unreadable, requestId };
	}
	logError({ requestId, method: event.request.method, path: event.url.pathname, status, message, error });
	return { message: messages(locale).error.lead, requestId };
};

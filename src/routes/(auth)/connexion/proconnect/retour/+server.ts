// The redirect URI registered with ProConnect. Whatever the query says, the answer is a redirect to a
// page of this site: the target saved when the button was pressed (checked again), or the refusal page.
import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requestDb } from '$lib/server/db/request';
import { log } from '$lib/server/log';
import { localizeHref } from '$lib/i18n/routing';
import { messages } from '$lib/i18n';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { setSessionCookie } from '$lib/server/auth/session';
import { acceptedLevels, completeSignIn, ProConnectError, proConnectSettings, takeFlow, type ProConnectIdentity } from '$lib/server/auth/proconnect';
import { REFUSAL_PATH, setRefusal, type Refusal } from '$lib/server/auth/proconnect-refusal';
import { checkAddressThrottle, recordLoginAttempt } from '$lib/server/auth/throttle';
import { emailHash } from '$lib/server/auth/tokens';
import { signInWithProConnect } from '$lib/server/domain/users/proconnect';

/** Throttling counts refused callbacks that carry no address under this one. */
const NO_ADDRESS = 'proconnect:invalid-callback';

export const GET: RequestHandler = async (event) => {
	const { url, cookies, locals, request } = event;
	const settings = proConnectSettings();
	if (!settings) error(404, messages(locals.locale).notFound.title);
	// The flow cookie is read and deleted first: a callback serves once, whatever happens next.
	const { flow, redirectTo, locale } = takeFlow(cookies, url);
	// Typed on the declaration so that TypeScript knows the code after a call is unreachable.
	const refuse: (refusal: Refusal) => never = (refusal) => {
		setRefusal(cookies, url, refusal);
		redirect(303, localizeHref(REFUSAL_PATH, locale));
	};
	const ipAddress = event.getClientAddress();
	const db = await requestDb();
	const throttle = await checkAddressThrottle(db, ipAddress);
	if (!throttle.allowed) {
		log('warn', 'proconnect throttled', { ip: ipAddress, retryAfter: throttle.retryAfterSeconds });
		refuse({ reason: 'throttled' });
	}
	let identity: ProConnectIdentity;
	try {
		identity = await completeSignIn(settings, flow, url);
	} catch (cause) {
		if (!(cause instanceof ProConnectError)) throw cause;
		// Never the tokens: the reason, and the library's message (which names the failed check).
		log('warn', 'proconnect callback refused', { ip: ipAddress, reason: cause.reason, error: cause.cause instanceof Error ? cause.cause.message : undefined });
		if (cause.reason !== 'unavailable') await recordLoginAttempt(db, emailHash(NO_ADDRESS), ipAddress, false);
		refuse({ reason: cause.reason === 'unavailable' ? 'unavailable' : 'failed' });
	}
	const result = await signInWithProConnect(db, { accepted: acceptedLevels(settings), staff: settings.staffAcrValues }, identity, {
		ipAddress,
		userAgent: request.headers.get('user-agent'),
		previousSessionId: locals.session?.id
	});
	if (!result.ok) {
		log('warn', 'proconnect sign-in refused', { ip: ipAddress, reason: result.reason, idpId: identity.idpId, acr: identity.acr });
		refuse({ reason: result.reason, email: result.reason === 'unknown' ? identity.email : undefined });
	}
	if (result.ok) {
		log('info', 'login', { userId: result.userId, ip: ipAddress, method: 'proconnect', linked: result.linked });
		setSessionCookie(cookies, url, result.token, result.expiresAt);
	}
	redirect(303, safeRedirectTarget(redirectTo, locale));
};

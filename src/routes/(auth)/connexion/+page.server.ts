import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { messages } from '$lib/i18n';
import { requestDb } from '$lib/server/db/request';
import { parseForm } from '$lib/server/forms/form';
import { loginSchema } from '$lib/server/auth/schemas';
import { attemptLogin } from '$lib/server/auth/login';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { setSessionCookie } from '$lib/server/auth/session';
import { invalid, throttledFailure } from '$lib/server/forms/auth-errors';
import { beginSignIn, proConnectSettings } from '$lib/server/auth/proconnect';
import { REFUSAL_PATH, setRefusal } from '$lib/server/auth/proconnect-refusal';
import { localizeHref } from '$lib/i18n/routing';
import { log } from '$lib/server/log';
import { z } from 'zod';

/** Which notice to show, from a fixed list: the query string never puts text on the page. */
const NOTICES = { deconnexion: 'loggedOut', motdepasse: 'passwordSet' } as const;

const echoTarget = (raw: unknown, locale: App.Locals['locale']) => (typeof raw === 'string' && raw ? safeRedirectTarget(raw, locale) : '');

export const load: PageServerLoad = ({ url, locals }) => {
	const raw = url.searchParams.get('redirectTo');
	const notice = url.searchParams.get('etat');
	return {
		redirectTo: raw ? safeRedirectTarget(raw, locals.locale) : null,
		notice: notice && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : null,
		signedInAs: locals.user?.displayName ?? null,
		proConnect: proConnectSettings() !== null
	};
};

const proConnectSchema = z.strictObject({ redirectTo: z.string().max(2000).optional() });

export const actions: Actions = {
	/** The ProConnect button: off to the provider, with this browser's state, nonce and PKCE verifier in a cookie. */
	proconnect: async ({ request, locals, cookies, url }) => {
		const settings = proConnectSettings();
		if (!settings) return invalid({ values: {}, formError: messages(locals.locale).auth.proconnect.unavailable });
		const parsed = parseForm(proConnectSchema, await request.formData(), locals.locale);
		const raw = parsed.ok ? parsed.data.redirectTo : undefined;
		let target: URL;
		try {
			target = await beginSignIn(settings, cookies, url, { redirectTo: raw ? safeRedirectTarget(raw, locals.locale) : null, locale: locals.locale });
		} catch (cause) {
			log('warn', 'proconnect discovery failed', { error: cause instanceof Error ? cause.message : String(cause) });
			setRefusal(cookies, url, { reason: 'unavailable' });
			redirect(303, localizeHref(REFUSAL_PATH, locals.locale));
		}
		redirect(303, target.href);
	},
	login: async (event) => {
		const { request, locals, cookies, url } = event;
		const parsed = parseForm(loginSchema, await request.formData(), locals.locale);
		if (!parsed.ok) return invalid({ ...parsed, values: { ...parsed.values, redirectTo: echoTarget(parsed.values.redirectTo, locals.locale) } });
		const { email, password, redirectTo } = parsed.data;
		const values = { email, redirectTo: echoTarget(redirectTo, locals.locale) };
		const result = await attemptLogin(await requestDb(), {
			email,
			password,
			ipAddress: event.getClientAddress(),
			userAgent: request.headers.get('user-agent'),
			previousSessionId: locals.session?.id
		});
		if (!result.ok && result.reason === 'throttled') return throttledFailure(result.retryAfterSeconds, values);
		if (!result.ok) return invalid({ values, formError: messages(locals.locale).auth.login.invalid });
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		// Signing in on an English page leads to an English page.
		redirect(303, safeRedirectTarget(redirectTo, locals.locale));
	}
};

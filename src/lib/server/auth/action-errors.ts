// Turns the expected failures of account functions into form answers: a rule → 400 with the message
// next to its field, forbidden → 403, missing → 404, throttled → 429 with Retry-After. Anything
// else is unexpected and goes on to handleError.
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { format, messages, type Locale } from '$lib/i18n';
import type { FormFailure, FormValues } from '../validation/form';
import { ForbiddenError, NotFoundError, RuleError } from '../domain/errors';
import { ThrottledError } from './throttle';

/** "auth.errors.emailTaken" → the sentence in the visitor's language. */
function messageFor(locale: Locale, key: string): string {
	let node: unknown = messages(locale);
	for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
	return typeof node === 'string' ? node : messages(locale).form.errorSummary;
}

export function throttledFailure(retryAfterSeconds: number, values: FormValues = {}): ActionFailure<FormFailure> {
	const event = getRequestEvent();
	event.setHeaders({ 'Retry-After': String(retryAfterSeconds) });
	const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
	return fail(429, { values, errors: {}, formError: format(messages(event.locals.locale).auth.login.throttled, { minutes }) });
}

export function failFromDomain(cause: unknown, values: FormValues = {}): ActionFailure<FormFailure> {
	const { locals } = getRequestEvent();
	const t = messages(locals.locale);
	if (cause instanceof ForbiddenError) error(403, t.auth.forbidden);
	if (cause instanceof NotFoundError) error(404, t.notFound.title);
	if (cause instanceof ThrottledError) return throttledFailure(cause.retryAfterSeconds, values);
	if (cause instanceof RuleError) {
		const message = messageFor(locals.locale, cause.messageKey);
		return cause.field
			? fail(400, { values, errors: { [cause.field]: message }, formError: t.form.errorSummary })
			: fail(400, { values, errors: {}, formError: message });
	}
	throw cause;
}

/** A 400 answer in the one shape every account form reads. */
export function invalid(failure: { values: FormValues; errors?: FormFailure['errors']; formError?: string }): ActionFailure<FormFailure> {
	return fail(400, { values: failure.values, errors: failure.errors ?? {}, formError: failure.formError });
}

/** For loads: forbidden → 403, missing → 404, anything else stays unexpected. */
export function errorFromDomain(cause: unknown): never {
	const t = messages(getRequestEvent().locals.locale);
	if (cause instanceof ForbiddenError) error(403, t.auth.forbidden);
	if (cause instanceof NotFoundError) error(404, t.notFound.title);
	throw cause;
}

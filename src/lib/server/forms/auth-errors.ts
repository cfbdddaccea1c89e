// The account forms' answers to expected failures, from the action layer's one table (action.ts):
// a rule → 400 with the message next to its field, forbidden → 403, missing → 404, throttled → 429
// with Retry-After. Anything else is unexpected and goes on to handleError.
import { fail, type ActionFailure } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { messages } from '$lib/i18n';
import type { FormFailure, FormValues } from './form';
import { ThrottledError } from '../auth/throttle';
import { domainAnswer, loadAnswer, wordings } from './action';

export function throttledFailure(retryAfterSeconds: number, values: FormValues = {}): ActionFailure<FormFailure> {
	return failFromDomain(new ThrottledError(retryAfterSeconds), values);
}

/** The action layer's table (action.ts) in the account forms' shape (no form id). */
export function failFromDomain(cause: unknown, values: FormValues = {}): ActionFailure<FormFailure> {
	const t = messages(getRequestEvent().locals.locale);
	const { status, body } = domainAnswer(cause, { t, wording: wordings.auth(t), formId: '', values });
	return fail(status, { values: body.values ?? values, errors: body.errors, formError: body.formError });
}

/** A 400 answer in the one shape every account form reads. */
export function invalid(failure: { values: FormValues; errors?: FormFailure['errors']; formError?: string }): ActionFailure<FormFailure> {
	return fail(400, { values: failure.values, errors: failure.errors ?? {}, formError: failure.formError });
}

/** For loads: forbidden → 403, missing → 404, anything else stays unexpected. */
export function errorFromDomain(cause: unknown): never {
	return loadAnswer(cause, wordings.auth(messages(getRequestEvent().locals.locale)));
}

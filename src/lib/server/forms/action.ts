// The one action layer: every form action is guard → strict zod parse → domain command → redirect
// (POST/redirect/GET), and every expected domain failure gets its answer from ONE table
// (`domainAnswer`). The editing, report, comment and account forms only declare their guard, schema,
// command and where to go next; what a failure looks like is decided here.
import { error, fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getRequestEvent } from '$app/server';
import { messages, plural, type Messages } from '$lib/i18n';
import { ConflictError, DuplicateSubmissionError, ForbiddenError, NotFoundError, RuleError } from '../domain/errors';
import { RateLimitError } from '../domain/comments/comments';
import { ThrottledError } from '../auth/throttle';
import { notFound } from '../http/not-found';
import { formValues, parseForm, ruleFeedback, type FormFailure, type FormValues } from './form';
import { threeWayMerge } from '$lib/domain/three-way-merge';
import { splitBase, withValues } from './base-values';

/** What a failed form gets back: what was typed, the errors, and for a conflict what is stored now. */
export interface FormAnswer extends Omit<FormFailure, 'values'> {
	/** What was typed; absent when the post had been saved already: the form shows as first loaded. */
	values?: FormValues;
	/** Which form of the page failed: "measure", "milestone:<id>", "reply:<id>"… ('' on one-form pages). */
	formId: string;
	/** Values stored now, when someone else saved first (forms that can show them only): after a
	 * three-way merge, only the fields both changed. */
	conflict?: FormValues;
	/** The values the form is now based on (posted again as `base_<field>`): what was stored when
	 * it was loaded, or what is stored now after a conflict. */
	base?: FormValues;
}

/** The words of a family of forms for the answers that differ between them. */
export interface Wording {
	forbidden: string;
	/** A stale version on a form that cannot show what is stored now. */
	conflict: string;
	/** Too many attempts; `minutes` until the next one may go through. */
	throttled: (minutes: number) => string;
}

export interface AnswerContext {
	t: Messages;
	wording: Wording;
	formId: string;
	values: FormValues;
	/** The stored values of a conflict (ConflictError.current) as the form shows them. */
	stored?: (current: never) => FormValues;
}

/**
 * The table from expected domain failures to answers; anything else is unexpected and goes on to
 * handleError. Nothing was written in any of these cases.
 * - ForbiddenError → 403, NotFoundError → 404 (error pages: there is no form to show again);
 * - ConflictError → 409 with what was typed; with `stored`, the table of stored values and the
 *   current version in the kept values, so that saving again is a deliberate overwrite (forms that
 *   post their base values are merged first, in runAction, and only reach this when that fails);
 * - DuplicateSubmissionError → 409 without values: what the form held was saved by the first post;
 * - ThrottledError / RateLimitError → 429 with Retry-After;
 * - RuleError → 400 with the message next to the field it names, or above the form.
 */
export function domainAnswer(cause: unknown, ctx: AnswerContext): { status: number; body: FormAnswer } {
	const { t, wording, formId, values } = ctx;
	if (cause instanceof ForbiddenError) error(403, wording.forbidden);
	if (cause instanceof NotFoundError) notFound(getRequestEvent().locals.locale);
	if (cause instanceof ConflictError) {
		if (!ctx.stored) return { status: 409, body: { formId, values, errors: {}, formError: wording.conflict } };
		const version = (cause.current as { version?: number } | null)?.version;
		return {
			status: 409,
			body: {
				formId,
				values: version === undefined ? values : { ...values, version: String(version) },
				errors: {},
				formError: t.editing.conflict.message,
				conflict: ctx.stored(cause.current as never)
			}
		};
	}
	if (cause instanceof DuplicateSubmissionError) return { status: 409, body: { formId, errors: {}, formError: t.form.alreadySent } };
	if (cause instanceof ThrottledError || cause instanceof RateLimitError) {
		getRequestEvent().setHeaders({ 'Retry-After': String(cause.retryAfterSeconds) });
		const minutes = Math.max(1, Math.ceil(cause.retryAfterSeconds / 60));
		return { status: 429, body: { formId, values, errors: {}, formError: wording.throttled(minutes) } };
	}
	if (cause instanceof RuleError) return { status: 400, body: { formId, values, ...ruleFeedback(t, cause, getRequestEvent().locals.locale) } };
	throw cause;
}

/** For loads: forbidden → 403, missing → 404, anything else stays unexpected. */
export function loadAnswer(cause: unknown, wording: Pick<Wording, 'forbidden'>): never {
	if (cause instanceof ForbiddenError) error(403, wording.forbidden);
	if (cause instanceof NotFoundError) notFound(getRequestEvent().locals.locale);
	throw cause;
}

export const wordings = {
	editing: (t: Messages): Wording => ({ forbidden: t.editing.errors.forbidden, conflict: t.editing.conflict.message, throttled: (m) => throttledWords(t, m) }),
	reports: (t: Messages): Wording => ({ forbidden: t.reports.errors.forbidden, conflict: t.reports.errors.conflict, throttled: (m) => throttledWords(t, m) }),
	comments: (t: Messages): Wording => ({
		forbidden: t.comments.errors.forbidden,
		conflict: t.comments.errors.conflict,
		throttled: (minutes) => plural(getRequestEvent().locals.locale, t.comments.errors.rateLimited, minutes)
	}),
	auth: (t: Messages): Wording => ({ forbidden: t.auth.forbidden, conflict: t.editing.conflict.message, throttled: (m) => throttledWords(t, m) }),
	teams: (t: Messages): Wording => ({ forbidden: t.teams.errors.forbidden, conflict: t.teams.errors.conflict, throttled: (m) => throttledWords(t, m) }),
	structure: (t: Messages): Wording => ({ forbidden: t.structure.errors.forbidden, conflict: t.structure.errors.conflict, throttled: (m) => throttledWords(t, m) }),
	plans: (t: Messages): Wording => ({ forbidden: t.plans.errors.forbidden, conflict: t.plans.errors.conflict, throttled: (m) => throttledWords(t, m) })
};

function throttledWords(t: Messages, minutes: number): string {
	return plural(getRequestEvent().locals.locale, t.auth.login.throttled, minutes);
}

/** One form action, declared. */
export interface ActionSpec<C, S extends z.ZodType, T> {
	/** Who may post, on what: redirects or throws an error page, or gives the action its context. */
	guard: (event: RequestEvent) => C | Promise<C>;
	wording: (t: Messages) => Wording;
	/** Which form failed; forms on a list item add the item's id. */
	formId?: string | ((formData: FormData) => string);
	schema: S;
	run: (ctx: C, data: z.output<S>) => Promise<T>;
	stored?: (current: never) => FormValues;
	/** Where to go after the write (a path with its query and anchor). */
	done: (result: T, data: z.output<S>, ctx: C) => string;
}

const MERGE_ATTEMPTS = 3;

/** Runs a declared action. `wrap` places the answer in the page's `form` (comments nest theirs). */
export async function runAction<C, S extends z.ZodType, T, B = FormAnswer>(
	event: RequestEvent,
	spec: ActionSpec<C, S, T>,
	wrap: (answer: FormAnswer) => B = (answer) => answer as B
): Promise<ActionFailure<B>> {
	const ctx = await spec.guard(event);
	const t = messages(event.locals.locale);
	const { fields: formData, base } = splitBase(await event.request.formData());
	const formId = typeof spec.formId === 'function' ? spec.formId(formData) : (spec.formId ?? '');
	const withBase = (answer: FormAnswer): B => wrap(base && !answer.base ? { ...answer, base } : answer);
	const attempt = async (data: FormData): Promise<{ ok: true; result: T; data: z.output<S> } | { ok: false; failure: ActionFailure<B>; cause?: unknown }> => {
		const parsed = parseForm(spec.schema, data, event.locals.locale);
		if (!parsed.ok) return { ok: false, failure: fail(400, withBase({ formId, values: parsed.values, errors: parsed.errors, formError: parsed.formError })) };
		try {
			return { ok: true, result: await spec.run(ctx, parsed.data), data: parsed.data };
		} catch (cause) {
			const answer = domainAnswer(cause, { t, wording: spec.wording(t), formId, values: formValues(data), stored: spec.stored });
			return { ok: false, failure: fail(answer.status, withBase(answer.body)), cause };
		}
	};
	let outcome = await attempt(formData);
	// Saved over a newer version: merged with it when the form says what it was loaded with
	// ($lib/domain/three-way-merge). A save by someone else in between is merged with in turn.
	for (let round = 0; !outcome.ok && outcome.cause instanceof ConflictError && base && spec.stored; round++) {
		const stored = spec.stored(outcome.cause.current as never);
		const { version: storedVersion, ...storedFields } = stored;
		// Without the stored version there is nothing to merge with: the conflict answer stands.
		if (storedVersion === undefined) break;
		const { merged, conflicts } = threeWayMerge(base, formValues(formData), storedFields);
		const values = { ...merged, version: storedVersion };
		if (conflicts.length > 0 || round === MERGE_ATTEMPTS) {
			const conflict: FormValues = Object.fromEntries(conflicts.map((field) => [field, stored[field] ?? '']));
			return fail(409, wrap({ formId, values, errors: {}, formError: t.editing.conflict.merge, conflict, base: storedFields }));
		}
		outcome = await attempt(withValues(values));
	}
	if (!outcome.ok) return outcome.failure;
	redirect(303, spec.done(outcome.result, outcome.data, ctx));
}

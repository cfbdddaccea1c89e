// What every editing load and action does first: who is asking, on which measure, may they. The
// answers to domain failures (403, 404, 409 with both versions, 400 next to the field) are the
// action layer's (action.ts).
import { error, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { requestDb } from '$lib/server/db/request';
import { findMeasureRef, type MeasureRef } from '$lib/server/domain/measures/editing';
import { canEditMeasure, type Actor, type Viewer } from '$lib/server/policies';
import type { FormValues } from './form';
import { runAction, wordings, type FormAnswer } from './action';
import { format, messages, type Locale, type Messages } from '$lib/i18n';
import { localizeHref } from '$lib/i18n/routing';
import { loginUrl } from '$lib/server/auth/redirect';
import type { Db } from '$lib/server/db';
import { notFound } from '../http/not-found';
import { PARAM_PATTERNS } from '$lib/route-params';

export type EditFailure = FormAnswer;

export interface EditContext {
	db: Db;
	user: Actor;
	ref: MeasureRef;
	locale: Locale;
	t: Messages;
}

interface EventLike {
	locals: App.Locals;
	params: Record<string, string>;
	url: URL;
	/** Absent in a caller that is not a request (then nothing is shared). */
	request?: Request;
}

type SavedKey = keyof Messages['editing']['saved'];

// Not route matchers: who is asking is checked before saying that a path does not exist.
const params = z.object({ slug: z.string().regex(PARAM_PATTERNS.slug), numero: z.string().regex(PARAM_PATTERNS.numero) });

const refsOfRequest = new WeakMap<App.Locals, Map<string, Promise<MeasureRef | null>>>();

/**
 * The measure of the URL, read once per page request: the editing layout and its page both guard,
 * in the same request (four round trips each). A form action reads it afresh: it may be about to write.
 */
function measureRefOnce(event: EventLike, db: Db, slug: string, number: string): Promise<MeasureRef | null> {
	const method = event.request?.method;
	if (method !== 'GET' && method !== 'HEAD') return findMeasureRef(db, slug, number);
	let refs = refsOfRequest.get(event.locals);
	if (!refs) refsOfRequest.set(event.locals, (refs = new Map()));
	const key = `${slug}\n${number}`;
	let ref = refs.get(key);
	if (!ref) refs.set(key, (ref = findMeasureRef(db, slug, number)));
	return ref;
}

/** Signed in (else to the login page, then back), existing measure (else 404), allowed (else 403). */
export async function editGuard(event: EventLike, allowed: (user: Viewer, ref: MeasureRef) => boolean = canEditMeasure): Promise<EditContext> {
	const { locals, url } = event;
	const t = messages(locals.locale);
	// Signed in or not is unknown while the database is down: 503, not the login page.
	if (!locals.user && locals.databaseUnavailable) error(503, t.error.unavailable);
	if (!locals.user) redirect(303, loginUrl(url.pathname, locals.locale));
	const parsed = params.safeParse(event.params);
	if (!parsed.success) notFound(locals.locale);
	const db = await requestDb();
	const ref = await measureRefOnce(event, db, parsed.data.slug, parsed.data.numero);
	if (!ref) notFound(locals.locale);
	// Retired measures are read-only for everyone: say why rather than a bare "forbidden".
	if (ref.retired) error(403, format(t.structure.errors.retiredReadOnly, { number: ref.number }));
	if (!allowed(locals.user, ref)) error(403, t.editing.errors.forbidden);
	return { db, user: locals.user, ref, locale: locals.locale, t };
}

/**
 * After a write: back to the page (POST/redirect/GET), with a message saying what was saved, in the
 * language the form was posted in (`event.url` keeps the `/en` prefix that `reroute` strips; saying
 * the locale again makes that explicit rather than a by-product of the framework).
 */
function savedHref(url: URL, locale: Locale, key: SavedKey, anchor?: string): string {
	return localizeHref(`${url.pathname}?ok=${key}${anchor ? `#${anchor}` : ''}`, locale);
}

export function savedMessage(url: URL, t: Messages): string | null {
	const key = url.searchParams.get('ok');
	return key && Object.hasOwn(t.editing.saved, key) ? t.editing.saved[key as keyof Messages['editing']['saved']] : null;
}

/** A whole editing action, declared: the measure's guard, then the action layer (forms/action.ts). */
export function editAction<S extends z.ZodType, T>(
	event: RequestEvent,
	options: {
		/** Which form failed; forms on a list item add the item's id. */
		formId: string | ((formData: FormData) => string);
		schema: S;
		run: (ctx: EditContext, data: z.output<S>) => Promise<T>;
		/** Stored values as the form shows them, for the conflict table. */
		stored?: (current: never) => FormValues;
		done: (result: T, data: z.output<S>) => [SavedKey, string?];
		allowed?: (user: Viewer, ref: MeasureRef) => boolean;
	}
): Promise<ActionFailure<EditFailure>> {
	return runAction(event, {
		guard: (e) => editGuard(e, options.allowed),
		wording: wordings.editing,
		formId: options.formId,
		schema: options.schema,
		run: options.run,
		// An editing form always shows the conflict table, empty when it has nothing to compare.
		stored: options.stored ?? (() => ({})),
		done: (result, data, ctx) => savedHref(event.url, ctx.locale, ...options.done(result, data))
	});
}

// What every editing load and action does first (who is asking, on which measure, may they) and how
// domain errors become HTTP answers: 403, 404, 409 with both versions, 400 with the field message.
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { requestDb } from '$lib/server/db/request';
import { findMeasureRef, type MeasureRef } from '$lib/server/domain/editing';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '$lib/server/domain/errors';
import { canEditMeasure, type Actor, type Viewer } from '$lib/server/policies';
import { formValues, parseForm, ruleFeedback, type FormFailure, type FormValues } from '$lib/server/validation/form';
import { messages, type Locale, type Messages } from '$lib/i18n';
import { localizeHref } from '$lib/i18n/routing';
import { loginUrl } from '$lib/server/auth/redirect';
import type { Db } from '$lib/server/db';

export interface EditFailure extends FormFailure {
	/** Which form on the page failed: "measure", "milestone:<id>", "addEvidence"… */
	formId: string;
	/** Values stored now, when someone else saved first. */
	conflict?: FormValues;
}

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
}

type SavedKey = keyof Messages['editing']['saved'];

const params = z.object({
	slug: z.string().regex(/^[a-z0-9-]{1,120}$/),
	numero: z.string().regex(/^\d{1,3}(\.\d{1,3}){0,2}$/)
});

/** Signed in (else to the login page, then back), existing measure (else 404), allowed (else 403). */
export async function editGuard(event: EventLike, allowed: (user: Viewer, ref: MeasureRef) => boolean = canEditMeasure): Promise<EditContext> {
	const { locals, url } = event;
	const t = messages(locals.locale);
	// Signed in or not is unknown while the database is down: 503, not the login page.
	if (!locals.user && locals.databaseUnavailable) error(503, t.error.unavailable);
	if (!locals.user) redirect(303, loginUrl(url.pathname, locals.locale));
	const parsed = params.safeParse(event.params);
	if (!parsed.success) error(404, t.notFound.title);
	const db = await requestDb();
	const ref = await findMeasureRef(db, parsed.data.slug, parsed.data.numero);
	if (!ref) error(404, t.notFound.title);
	if (!allowed(locals.user, ref)) error(403, t.editing.errors.forbidden);
	return { db, user: locals.user, ref, locale: locals.locale, t };
}

function invalid(formId: string, failure: FormFailure): ActionFailure<EditFailure> {
	return fail(400, { formId, values: failure.values, errors: failure.errors, formError: failure.formError });
}

/**
 * Runs a domain write. A conflict keeps what the person typed (with the current version, so that
 * saving again is a deliberate overwrite) and shows what is stored now.
 */
async function perform<T>(
	ctx: EditContext,
	formId: string,
	formData: FormData,
	work: () => Promise<T>,
	storedValues: (current: never) => FormValues = () => ({})
): Promise<ActionFailure<EditFailure> | { done: T }> {
	const values = formValues(formData);
	try {
		return { done: await work() };
	} catch (cause) {
		if (cause instanceof ForbiddenError) error(403, ctx.t.editing.errors.forbidden);
		if (cause instanceof NotFoundError) error(404, ctx.t.notFound.title);
		if (cause instanceof ConflictError) {
			const conflict = storedValues(cause.current as never);
			const version = (cause.current as { version?: number }).version;
			return fail(409, {
				formId,
				values: version === undefined ? values : { ...values, version: String(version) },
				errors: {},
				formError: ctx.t.editing.conflict.message,
				conflict
			});
		}
		if (cause instanceof RuleError) return fail(400, { formId, values, ...ruleFeedback(ctx.t, cause) });
		throw cause;
	}
}

/**
 * After a write: back to the page (POST/redirect/GET), with a message saying what was saved, in the
 * language the form was posted in (`event.url` keeps the `/en` prefix that `reroute` strips; saying
 * the locale again makes that explicit rather than a by-product of the framework).
 */
function saved(url: URL, locale: Locale, key: SavedKey, anchor?: string): never {
	redirect(303, localizeHref(`${url.pathname}?ok=${key}${anchor ? `#${anchor}` : ''}`, locale));
}

export function savedMessage(url: URL, t: Messages): string | null {
	const key = url.searchParams.get('ok');
	return key && Object.hasOwn(t.editing.saved, key) ? t.editing.saved[key as keyof Messages['editing']['saved']] : null;
}

/**
 * A whole editing action: guard, parse, run the domain write, then redirect with a message, or
 * answer with the failure of the form that was posted.
 */
export async function editAction<S extends z.ZodType, T>(
	event: EventLike & { request: Request },
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
	const ctx = await editGuard(event, options.allowed);
	const formData = await event.request.formData();
	const formId = typeof options.formId === 'string' ? options.formId : options.formId(formData);
	const parsed = parseForm(options.schema, formData, ctx.locale);
	if (!parsed.ok) return invalid(formId, parsed);
	const data = parsed.data;
	const result = await perform(ctx, formId, formData, () => options.run(ctx, data), options.stored);
	if (!('done' in result)) return result;
	const [key, anchor] = options.done(result.done, data);
	saved(event.url, ctx.locale, key, anchor);
}

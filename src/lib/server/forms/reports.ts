// How the report workspace's actions turn domain outcomes into HTTP answers: 403/404 with nothing
// written, 409 on a stale version and 400 on a rule, both re-rendering the form with what was typed.
// A form that can show what is stored now (`stored`) gets the editing forms' conflict handling: the
// table of stored values, and the current version in the kept values, so that saving again is a
// deliberate overwrite.
import { error, fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { requestDb } from '../db/request';
import type { Db } from '../db';
import { requireUser, type SignedInUser } from '../auth/guards';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../domain/errors';
import { formValues, parseForm, ruleFeedback, type FormFailure, type FormValues } from './form';
import { messages, type Messages } from '$lib/i18n';
import { localizeHref } from '$lib/i18n/routing';

export interface ReportFailure extends FormFailure {
	formId: string;
	/** Values stored now, when someone else saved first (forms with `stored` only). */
	conflict?: FormValues;
}

export type SavedKey = keyof Messages['reports']['saved'];

export async function reportAction<S extends z.ZodType, T>(
	event: RequestEvent,
	options: {
		formId: string | ((formData: FormData) => string);
		schema: S;
		run: (db: Db, user: SignedInUser, data: z.output<S>) => Promise<T>;
		/** The stored values of a conflict (ConflictError.current) as the form shows them. */
		stored?: (current: never) => FormValues;
		done: (result: T, data: z.output<S>) => [SavedKey, string?] | string;
	}
): Promise<ActionFailure<ReportFailure>> {
	const user = requireUser(event);
	const t = messages(event.locals.locale);
	const formData = await event.request.formData();
	const formId = typeof options.formId === 'string' ? options.formId : options.formId(formData);
	const parsed = parseForm(options.schema, formData, event.locals.locale);
	if (!parsed.ok) return fail(400, { formId, values: parsed.values, errors: parsed.errors, formError: parsed.formError });
	const values = formValues(formData);
	let outcome: T;
	try {
		outcome = await options.run(await requestDb(), user, parsed.data);
	} catch (cause) {
		if (cause instanceof ForbiddenError) error(403, t.reports.errors.forbidden);
		if (cause instanceof NotFoundError) error(404, t.notFound.title);
		if (cause instanceof ConflictError) {
			if (!options.stored) return fail(409, { formId, values, errors: {}, formError: t.reports.errors.conflict });
			const version = (cause.current as { version?: number }).version;
			return fail(409, {
				formId,
				values: version === undefined ? values : { ...values, version: String(version) },
				errors: {},
				formError: t.editing.conflict.message,
				conflict: options.stored(cause.current as never)
			});
		}
		if (cause instanceof RuleError) return fail(400, { formId, values, ...ruleFeedback(t, cause) });
		throw cause;
	}
	const done = options.done(outcome, parsed.data);
	// A `done` path is written in French (`/plans/…`): it is given in the language of the page.
	if (typeof done === 'string') redirect(303, localizeHref(done, event.locals.locale));
	const [key, anchor] = done;
	redirect(303, `${event.url.pathname}?ok=${key}${anchor ? `#${anchor}` : ''}`);
}

export function savedMessage(url: URL, t: Messages): string | null {
	const key = url.searchParams.get('ok');
	return key && Object.hasOwn(t.reports.saved, key) ? t.reports.saved[key as SavedKey] : null;
}

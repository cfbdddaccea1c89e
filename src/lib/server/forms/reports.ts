// The report workspace's actions, declared: signed in, then the action layer (action.ts). A form
// that can show what is stored now (`stored`) gets the editing forms' conflict table.
import type { ActionFailure, RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { requestDb } from '../db/request';
import type { Db } from '../db';
import { requireUser, type SignedInUser } from '../auth/guards';
import type { FormValues } from './form';
import { runAction, wordings, type FormAnswer } from './action';
import type { Messages } from '$lib/i18n';
import { localizeHref } from '$lib/i18n/routing';

export type ReportFailure = FormAnswer;

export type SavedKey = keyof Messages['reports']['saved'];

export function reportAction<S extends z.ZodType, T>(
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
	return runAction(event, {
		guard: (e) => requireUser(e),
		wording: wordings.reports,
		formId: options.formId,
		schema: options.schema,
		run: async (user, data) => options.run(await requestDb(), user, data),
		stored: options.stored,
		done: (result, data) => {
			const done = options.done(result, data);
			// A `done` path is written in French (`/plans/…`): it is given in the language of the page.
			if (typeof done === 'string') return localizeHref(done, event.locals.locale);
			const [key, anchor] = done;
			return `${event.url.pathname}?ok=${key}${anchor ? `#${anchor}` : ''}`;
		}
	});
}

export function savedMessage(url: URL, t: Messages): string | null {
	const key = url.searchParams.get('ok');
	return key && Object.hasOwn(t.reports.saved, key) ? t.reports.saved[key as SavedKey] : null;
}

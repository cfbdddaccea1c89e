// The one "not found" answer of the pages: a 404 with the localized title. (The API answers its own
// JSON problems, api/respond.ts.)
import { error } from '@sveltejs/kit';
import { messages, type Locale } from '$lib/i18n';

export function notFound(locale: Locale): never {
	error(404, messages(locale).notFound.title);
}

import { getContext, setContext } from 'svelte';
import { plural, type Locale, type Messages, type Plural } from './index';
import { localizeHref } from './routing';

const KEY = Symbol('i18n');

export interface I18n {
	readonly locale: Locale;
	readonly t: Messages;
	/** A count in a sentence, in the page's language: `i18n.plural(t.explore.daysLeft, 3)`. */
	plural(message: Plural, count: number, values?: Record<string, string | number>): string;
	/** An internal link in the current language (`/plans/x` → `/en/plans/x` on English pages). */
	href(path: string): string;
}

/** Called once by the root layout with its data; stays reactive to navigation. */
export function provideI18n(get: () => { locale: Locale; messages: Messages }): void {
	setContext<I18n>(KEY, {
		get locale() {
			return get().locale;
		},
		get t() {
			return get().messages;
		},
		plural(message, count, values) {
			return plural(get().locale, message, count, values);
		},
		href(path: string) {
			return localizeHref(path, get().locale);
		}
	});
}

export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}

import { getContext, setContext } from 'svelte';
import { messages, type Locale, type Messages } from './index';
import { localizeHref } from './routing';

const KEY = Symbol('i18n');

export interface I18n {
	readonly locale: Locale;
	readonly t: Messages;
	/** An internal link in the current language (`/plans/x` → `/en/plans/x` on English pages). */
	href(path: string): string;
}

/** Called once by the root layout; `getLocale` stays reactive to navigation. */
export function provideI18n(getLocale: () => Locale): void {
	setContext<I18n>(KEY, {
		get locale() {
			return getLocale();
		},
		get t() {
			return messages(getLocale());
		},
		href(path: string) {
			return localizeHref(path, getLocale());
		}
	});
}

export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}

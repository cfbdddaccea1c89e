import { getContext, setContext } from 'svelte';
import { messages, type Locale, type Messages } from './index';

const KEY = Symbol('i18n');

export interface I18n {
	readonly locale: Locale;
	readonly t: Messages;
}

/** Called once by the root layout; `getLocale` stays reactive to navigation. */
export function provideI18n(getLocale: () => Locale): void {
	setContext<I18n>(KEY, {
		get locale() {
			return getLocale();
		},
		get t() {
			return messages(getLocale());
		}
	});
}

export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}

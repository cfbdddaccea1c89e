// Both catalogues, for the server (pages load one through ./load.ts). Client code must not reach
// this module: it would put both languages into the browser's scripts.
import { fr, type Messages } from './fr';
import { en } from './en';
import type { Locale } from './index';

const catalogues: Record<Locale, Messages> = { fr, en };

export function messages(locale: Locale): Messages {
	return catalogues[locale];
}

// One catalogue per language, each its own chunk: a page downloads the catalogue of its language
// only (tests/unit/i18n-bundle.test.ts checks the built client).
import type { Locale, Messages } from './index';

export async function loadMessages(locale: Locale): Promise<Messages> {
	return locale === 'en' ? (await import('./en')).en : (await import('./fr')).fr;
}

// Interface text and locale-aware formatting. French first; English complete for the interface.
// `messages()` (./catalogues.ts) holds both catalogues and serves the server; pages get theirs from
// the root layout's load (./load.ts), so the browser downloads one language only. Client code may
// import the formatting functions of this module, never `messages()`: tests/e2e/i18n-bundle.e2e.ts.
import type { Messages } from './fr';
import type { PreciseDate } from '../domain/dates';
import type { Plural } from './keys';
import { memoised } from '../memo';

export type Locale = 'fr' | 'en';
export const LOCALES: Locale[] = ['fr', 'en'];
export type { Messages };
export type { Plural } from './keys';
export { translate, isMessageKey } from './keys';
export { messages } from './catalogues';

/** Fills "{name}" placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

// Words of the date formats, like the month names Intl supplies: they ship with the formatter.
const DATE_WORDS = {
	fr: { continuous: 'en continu', quarter: 'T{n} {year}', semester: 'S{n} {year}' },
	en: { continuous: 'continuous', quarter: 'Q{n} {year}', semester: 'H{n} {year}' }
} satisfies Record<Locale, Record<string, string>>;

// Building an Intl formatter costs far more than using one, and a page formats hundreds of dates.
const FORMATS = {
	day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
	month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
	dateTime: { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const numberFormatters = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

function dateFormatter(locale: Locale, kind: keyof typeof FORMATS): Intl.DateTimeFormat {
	const key = `${locale}:${kind}`;
	let formatter = dateFormatters.get(key);
	if (!formatter) dateFormatters.set(key, (formatter = new Intl.DateTimeFormat(tag(locale), FORMATS[kind])));
	return formatter;
}

function numberFormatter(locale: Locale): Intl.NumberFormat {
	let formatter = numberFormatters.get(locale);
	if (!formatter) numberFormatters.set(locale, (formatter = new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 })));
	return formatter;
}

// French writes the first day of a month as an ordinal ("1er janvier"); Intl writes "1 janvier".
const firstOfMonth = (text: string, locale: Locale): string => (locale === 'fr' ? text.replace(/^1(?=\s)/, '1er') : text);

// A page formats the same days for every reader (milestones, updates): each text is remembered.
const perLocale = (compute: (locale: Locale) => (input: string) => string): Record<Locale, (input: string) => string> => ({
	fr: memoised(compute('fr')),
	en: memoised(compute('en'))
});
const dayTexts = perLocale((locale) => (iso) => firstOfMonth(dateFormatter(locale, 'day').format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)), locale));
const dateTimeTexts = perLocale((locale) => (iso) => firstOfMonth(dateFormatter(locale, 'dateTime').format(new Date(iso)), locale));
const monthTexts = perLocale((locale) => (start) => dateFormatter(locale, 'month').format(new Date(`${start}T00:00:00Z`)));

export function formatDay(iso: string, locale: Locale): string {
	return dayTexts[locale](iso);
}

export function formatDateTime(iso: string, locale: Locale): string {
	return dateTimeTexts[locale](iso);
}

export function formatPreciseDate(date: PreciseDate, locale: Locale): string {
	const m = DATE_WORDS[locale];
	if (date.precision === 'CONTINUOUS' || !date.start) return m.continuous;
	const year = date.start.slice(0, 4);
	const month = Number(date.start.slice(5, 7));
	switch (date.precision) {
		case 'DAY':
			return formatDay(date.start, locale);
		case 'MONTH':
			return monthTexts[locale](date.start);
		case 'QUARTER':
			return format(m.quarter, { n: Math.floor((month - 1) / 3) + 1, year });
		case 'SEMESTER':
			return format(m.semester, { n: month <= 6 ? 1 : 2, year });
		case 'YEAR':
			return year;
	}
}

export function formatNumber(value: number, locale: Locale): string {
	return numberFormatter(locale).format(value);
}

/** "1 jour", "30 jours" / "1 day", "30 days". */
export function formatDays(days: number, locale: Locale): string {
	return new Intl.NumberFormat(tag(locale), { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days);
}

/**
 * A count in a sentence: the form of the language's plural category for `count` ("0 mesure",
 * "1 mesure", "2 mesures"; "0 measures", "1 measure"), `{n}` being the count. Categories a
 * message does not spell out (French "many", for millions) take its "other" form.
 */
export function plural(locale: Locale, message: Plural, count: number, values: Record<string, string | number> = {}): string {
	let rules = pluralRules.get(locale);
	if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(tag(locale))));
	const category = rules.select(count);
	const form = category === 'one' ? message.one : message.other;
	return format(form, { n: formatNumber(count, locale), ...values });
}

export function formatPercent(value: number, locale: Locale): string {
	// A narrow no-break space, as Intl writes it in French ("42 %").
	return numberFormatter(locale).format(value) + (locale === 'fr' ? '\u202f%' : '%');
}

/**
 * Plan content in the page's language. English pages fall back to the French text, flagged
 * `lang: 'fr'` so that the markup can say which language a passage is in (RGAA 8.7).
 */
export function localized(locale: Locale, fr: string, en?: string | null): { text: string; lang: Locale | undefined } {
	if (locale === 'en' && en) return { text: en, lang: undefined };
	return { text: fr, lang: locale === 'fr' ? undefined : 'fr' };
}

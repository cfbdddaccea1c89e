// The `?date=` of public pages and the `?du=&au=` of the comparison: a real calendar day, not in
// the future, not before the plan was adopted.
// - `?date=` that is not a calendar day at all (`2024-13-45`, `hier`) is a bad address: the dashboard
//   and measure pages answer 400 with the expected format (`travelDateParam`), never a 200 page.
// - A well-formed day outside the plan's life (in the future, before its adoption) is a fair
//   question with a known answer: 200, today's page, and the reason next to the date field. The same
//   URL becomes valid once the day comes, so it must not be cached as an error.
// - The comparison's `?du=&au=` keeps showing its problems next to its two fields (200).
import { z } from 'zod';

const calendarDay = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((v) => {
		const d = new Date(`${v}T00:00:00.000Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
	});

/**
 * `?date=` on the dashboard and measure pages: absent or empty (today's page) or a calendar day
 * (YYYY-MM-DD); anything else fails to parse, and the page answers 400.
 */
export const travelDateParam = z
	.string()
	.max(40)
	.trim()
	.pipe(z.union([z.literal(''), calendarDay]))
	.nullable()
	.transform((v) => v || null);

/** A query value as typed; anything longer than a date by far is refused without being echoed. */
const rawParam = z.string().max(40);
function readRaw(raw: string | null): { value: string; tooLong: boolean } {
	const parsed = rawParam.safeParse(raw ?? '');
	return parsed.success ? { value: parsed.data.trim(), tooLong: false } : { value: '', tooLong: true };
}

export type DateProblem = 'invalid' | 'future' | 'beforeAdoption';

export interface DateBounds {
	today: string;
	adoptedOn: string | null;
}

export type DateCheck = { ok: true; date: string } | { ok: false; problem: DateProblem };

export function checkDate(raw: string, bounds: DateBounds): DateCheck {
	const parsed = calendarDay.safeParse(raw.trim());
	if (!parsed.success) return { ok: false, problem: 'invalid' };
	if (parsed.data > bounds.today) return { ok: false, problem: 'future' };
	if (bounds.adoptedOn && parsed.data < bounds.adoptedOn) return { ok: false, problem: 'beforeAdoption' };
	return { ok: true, date: parsed.data };
}

/** What the date form and the banner need: `date` is null when the page shows today. */
export interface TravelState {
	date: string | null;
	/** The value typed, shown again in the field. */
	value: string;
	problem: DateProblem | null;
	today: string;
	adoptedOn: string | null;
}

export function travelState(rawValue: string | null, bounds: DateBounds): TravelState {
	const { value, tooLong } = readRaw(rawValue);
	const base = { value, today: bounds.today, adoptedOn: bounds.adoptedOn };
	if (tooLong) return { ...base, date: null, problem: 'invalid' };
	if (value === '') return { ...base, date: null, problem: null };
	const check = checkDate(value, bounds);
	if (!check.ok) return { ...base, date: null, problem: check.problem };
	// Today is today's page: no banner.
	return { ...base, date: check.date === bounds.today ? null : check.date, problem: null };
}

export interface ComparisonState {
	/** The period compared: the one asked for when valid, else the default one. */
	from: string;
	to: string;
	values: { du: string; au: string };
	problems: { du: DateProblem | null; au: DateProblem | null; order: boolean };
	valid: boolean;
}

/**
 * Defaults: from the plan's adoption (or a year ago) to its archiving day (or today). Each date is
 * checked like `?date=`; the first must come before the second.
 */
export function comparisonState(du: string | null, au: string | null, bounds: DateBounds & { archivedOn: string | null }): ComparisonState {
	const yearAgo = `${Number(bounds.today.slice(0, 4)) - 1}${bounds.today.slice(4)}`;
	const defaultFrom = bounds.adoptedOn ?? yearAgo;
	const defaultTo = bounds.archivedOn && bounds.archivedOn < bounds.today ? bounds.archivedOn : bounds.today;
	const [rawFrom, rawTo] = [readRaw(du), readRaw(au)];
	const values = { du: rawFrom.value, au: rawTo.value };
	const check = (raw: { value: string; tooLong: boolean }, fallback: string): DateCheck =>
		raw.tooLong ? { ok: false, problem: 'invalid' } : raw.value === '' ? { ok: true, date: fallback } : checkDate(raw.value, bounds);
	const fromCheck = check(rawFrom, defaultFrom);
	const toCheck = check(rawTo, defaultTo);
	const order = fromCheck.ok && toCheck.ok && fromCheck.date >= toCheck.date;
	const valid = fromCheck.ok && toCheck.ok && !order;
	return {
		from: valid ? fromCheck.date : defaultFrom,
		to: valid ? toCheck.date : defaultTo,
		values: { du: values.du || defaultFrom, au: values.au || defaultTo },
		problems: { du: fromCheck.ok ? null : fromCheck.problem, au: toCheck.ok ? null : toCheck.problem, order },
		valid
	};
}

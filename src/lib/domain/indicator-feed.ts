// Reading one figure out of an open-data file: the pure half of an indicator's feed (the fetching,
// storing and scheduling are in $lib/server/domain/indicator-feeds). French open data is the target:
// CSV separated by `;` as often as by `,`, decimal commas, thousands separated by (non-breaking)
// spaces, a byte-order mark, dates written dd/mm/yyyy.
import { parse } from 'csv-parse/sync';

export type FeedFormat = 'CSV' | 'JSON';
export type FeedSchedule = 'DAILY' | 'WEEKLY';

export interface FeedSpec {
	format: FeedFormat;
	/** CSV: the column holding the value; JSON: a JSON Pointer (RFC 6901). */
	valuePath: string;
	/** CSV only: the row kept is the last one whose filterColumn equals filterValue. */
	filterColumn: string | null;
	filterValue: string | null;
	/** CSV column or JSON Pointer of the value's date; null: the value is dated the day it is fetched. */
	datePath: string | null;
}

/** Why a fetch stored nothing. The editing page words each one (i18n `feeds.errors`). */
export const FEED_ERROR_CODES = [
	'network',
	'timeout',
	'refused',
	'blocked',
	'too-large',
	'http',
	'empty',
	'unparseable',
	'column-missing',
	'row-missing',
	'value-missing',
	'value-not-number',
	'date-missing',
	'date-invalid'
] as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

export type Extracted = { ok: true; value: number; date: string | null } | { ok: false; error: FeedErrorCode; detail: string };

const fail = (error: FeedErrorCode, detail: string): Extracted => ({ ok: false, error, detail });

// Regular, non-breaking and narrow non-breaking spaces, and the apostrophes some exports group thousands with.
const GROUPING = /[\s\u00a0\u202f'’]/g;

/**
 * A number as written in a French or English file: "1 234,5", "1\u00a0234,5", "1234.5", "1,234.5",
 * "-3", "12 %" is refused (a unit is not a number). With both separators, the last one is the decimal one.
 */
export function parseDecimal(raw: string): number | null {
	const text = raw.replace(GROUPING, '');
	if (!/^[+-]?(\d[\d.,]*)$/.test(text)) return null;
	const lastComma = text.lastIndexOf(',');
	const lastDot = text.lastIndexOf('.');
	let normalised: string;
	if (lastComma >= 0 && lastDot >= 0) {
		normalised = lastComma > lastDot ? text.replaceAll('.', '').replace(',', '.') : text.replaceAll(',', '');
	} else if (lastComma >= 0) {
		// Several commas can only be thousands separators ("1,234,567"); one is the French decimal comma.
		normalised = text.split(',').length > 2 ? text.replaceAll(',', '') : text.replace(',', '.');
	} else {
		normalised = text.split('.').length > 2 ? text.replaceAll('.', '') : text;
	}
	if (!/^[+-]?\d+(\.\d+)?$/.test(normalised)) return null;
	const value = Number(normalised);
	return Number.isFinite(value) ? value : null;
}

function validDay(year: number, month: number, dayOfMonth: number): string | null {
	const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dayOfMonth) return null;
	return date.toISOString().slice(0, 10);
}

/** A day from "2026-03-31", "2026-03-31T08:00:00Z" or "31/03/2026" (also "31-03-2026", "31.03.2026"); null otherwise. */
export function parseFeedDate(raw: string): string | null {
	const text = raw.trim();
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
	if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
	if (french) return validDay(Number(french[3]), Number(french[2]), Number(french[1]));
	return null;
}

/**
 * `;` or `,`: whichever appears more often, outside quotes, in the header line. A French file with
 * decimal commas uses `;`; an English one uses `,`.
 */
export function detectDelimiter(text: string): ';' | ',' {
	let semicolons = 0;
	let commas = 0;
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && char === ';') semicolons++;
		else if (!quoted && char === ',') commas++;
	}
	return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/**
 * RFC 6901: "" is the whole document, "/a/0/b~1c" reads a → [0] → "b/c". Only own properties, so that
 * "/constructor" or "/__proto__" never reach into JavaScript's prototypes. Undefined when absent.
 */
export function resolvePointer(document: unknown, pointer: string): unknown {
	if (pointer === '') return document;
	if (!pointer.startsWith('/')) return undefined;
	let current: unknown = document;
	for (const raw of pointer.slice(1).split('/')) {
		const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
		if (Array.isArray(current)) {
			if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
			current = current[Number(token)];
		} else if (current !== null && typeof current === 'object' && Object.hasOwn(current, token)) {
			current = (current as Record<string, unknown>)[token];
		} else {
			return undefined;
		}
	}
	return current;
}

/** A pointer is "" or starts with "/", and "~" is only ever "~0" or "~1". */
export function isJsonPointer(pointer: string): boolean {
	return pointer === '' || (pointer.startsWith('/') && !/~(?![01])/.test(pointer));
}

function numberOf(raw: unknown, where: string): Extracted | number {
	if (raw === undefined || raw === null || raw === '') return fail('value-missing', where);
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : fail('value-not-number', `${where}: ${String(raw)}`);
	if (typeof raw === 'string') return parseDecimal(raw) ?? fail('value-not-number', `${where}: ${raw.slice(0, 80)}`);
	return fail('value-not-number', `${where}: ${JSON.stringify(raw).slice(0, 80)}`);
}

function dateOf(raw: unknown, where: string): Extracted | string {
	if (raw === undefined || raw === null || raw === '') return fail('date-missing', where);
	if (typeof raw !== 'string') return fail('date-invalid', `${where}: ${JSON.stringify(raw).slice(0, 80)}`);
	return parseFeedDate(raw) ?? fail('date-invalid', `${where}: ${raw.slice(0, 80)}`);
}

function result(value: Extracted | number, date: Extracted | string | null): Extracted {
	if (typeof value !== 'number') return value;
	if (date !== null && typeof date !== 'string') return date;
	return { ok: true, value, date };
}

function fromCsv(text: string, spec: FeedSpec): Extracted {
	let rows: Record<string, string>[];
	try {
		rows = parse(text, { columns: true, delimiter: detectDelimiter(text), bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
	} catch (error) {
		return fail('unparseable', error instanceof Error ? error.message.slice(0, 200) : 'CSV');
	}
	if (rows.length === 0) return fail('empty', 'CSV');
	const columns = Object.keys(rows[0]!);
	for (const column of [spec.valuePath, spec.filterColumn, spec.datePath]) {
		if (column !== null && !columns.includes(column)) return fail('column-missing', column);
	}
	const kept = spec.filterColumn !== null ? rows.filter((row) => row[spec.filterColumn!] === (spec.filterValue ?? '')) : rows;
	// Open-data series are appended to: the last matching row is the latest figure.
	const row = kept.at(-1);
	if (!row) return fail('row-missing', `${spec.filterColumn} = ${spec.filterValue ?? ''}`);
	return result(numberOf(row[spec.valuePath], spec.valuePath), spec.datePath === null ? null : dateOf(row[spec.datePath], spec.datePath));
}

function fromJson(text: string, spec: FeedSpec): Extracted {
	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch (error) {
		return fail('unparseable', error instanceof Error ? error.message.slice(0, 200) : 'JSON');
	}
	return result(numberOf(resolvePointer(document, spec.valuePath), spec.valuePath), spec.datePath === null ? null : dateOf(resolvePointer(document, spec.datePath), spec.datePath));
}

/** The value (and its date when the file says it) from a fetched body, or why there is none. */
export function extractFeedValue(body: string, spec: FeedSpec): Extracted {
	const text = body.replace(/^\uFEFF/, '');
	if (text.trim() === '') return fail('empty', spec.format);
	return spec.format === 'CSV' ? fromCsv(text, spec) : fromJson(text, spec);
}

/** Hours between two fetches, a little under the period so that a job running at a fixed hour finds the feed due. */
const PERIOD_HOURS: Record<FeedSchedule, number> = { DAILY: 23, WEEKLY: 7 * 24 - 1 };

/** Whether a feed last fetched at `lastFetchAt` (null: never) is due at `now`. */
export function isFeedDue(schedule: FeedSchedule, lastFetchAt: Date | null, now: Date): boolean {
	return lastFetchAt === null || now.getTime() - lastFetchAt.getTime() >= PERIOD_HOURS[schedule] * 3_600_000;
}

/** The latest time a feed of this schedule may have been fetched and still be due at `now` (for a query). */
export function dueBefore(schedule: FeedSchedule, now: Date): Date {
	return new Date(now.getTime() - PERIOD_HOURS[schedule] * 3_600_000);
}

/** From how many failures in a row the measure's editors are shown the error. */
export const FAILURES_SHOWN_AFTER = 2;

// Field schemas shared by the editing forms, and the inverse: stored values written back as the
// text a person would type, to fill forms and to show conflicts.
import { z } from 'zod';
import { httpUrl, isoDay, version as formVersion } from '../forms/form';
import { parsePreciseDate, type PreciseDate } from '../../domain/dates';

/** "2024-06-30", "2024-06", "2024", "T3 2023", "S1 2022", "continu". */
export const preciseDate = z
	.string()
	.trim()
	.max(40)
	.refine((v) => parsePreciseDate(v) !== null, { error: 'editing.errors.invalidPreciseDate' })
	.transform((v) => parsePreciseDate(v)!);

/** Empty means "no date". */
export const optionalPreciseDate = z
	.string()
	.trim()
	.max(40)
	.refine((v) => v === '' || parsePreciseDate(v) !== null, { error: 'editing.errors.invalidPreciseDate' })
	.transform((v) => (v === '' ? null : parsePreciseDate(v)!));

/** A dated fact happens at a date: "continuous" is refused. */
export const factDate = preciseDate.refine((d) => d.start !== null, { error: 'editing.errors.continuousNotAllowed' }).transform((d) => d as PreciseDate & { start: string });

/** YYYY-MM-DD or empty. */
export const optionalDay = z
	.string()
	.trim()
	.refine((v) => v === '' || isoDay.safeParse(v).success, { error: 'form.invalidDate' })
	.transform((v) => (v === '' ? null : v));

/** 0–100 or empty (unknown, never 0). */
export const optionalPercent = z
	.string()
	.trim()
	.refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) <= 100), { error: 'editing.errors.percent' })
	.transform((v) => (v === '' ? null : Number(v)));

export const weight = z
	.string()
	.trim()
	.refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 100, { error: 'editing.errors.weight' })
	.transform(Number);

/** Accepts French writing: "12 000", "12,5". */
export const decimal = z
	.string()
	.trim()
	.transform((v) => v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'))
	.refine((v) => /^-?\d+(\.\d+)?$/.test(v) && Number.isFinite(Number(v)), { error: 'form.invalidNumber' })
	.transform(Number);

/** A textarea with one item per line; blank lines are dropped. */
export const lines = (maxItems: number, maxLength: number) =>
	z
		.string()
		.max(maxItems * (maxLength + 2))
		.transform((v) =>
			v
				.split(/\r?\n/)
				.map((line) => line.trim())
				.filter((line) => line !== '')
		)
		.refine((items) => items.length <= maxItems && items.every((item) => item.length <= maxLength), { error: 'form.tooLong' });

export const urlLines = lines(20, 2000).refine((items) => items.every((item) => httpUrl.safeParse(item).success), {
	error: 'editing.errors.sourceUrls'
});

export const id = z.string().trim().min(1).max(64);

/** The record version a form was loaded with; bounded so a forged value cannot overflow the column. */
export const version = formVersion.max(2_147_483_647);

/** An optional id from a select: "" means none. */
export const optionalId = z
	.string()
	.trim()
	.max(64)
	.transform((v) => (v === '' ? null : v));

const pad = (n: number) => String(n).padStart(2, '0');

/** The notation parsePreciseDate reads back: the value a form shows for a stored date. */
export function preciseDateInput(date: PreciseDate | null): string {
	if (!date) return '';
	if (date.precision === 'CONTINUOUS' || !date.start) return 'continu';
	const year = date.start.slice(0, 4);
	const month = Number(date.start.slice(5, 7));
	switch (date.precision) {
		case 'DAY':
			return date.start;
		case 'MONTH':
			return `${year}-${pad(month)}`;
		case 'QUARTER':
			return `T${Math.floor((month - 1) / 3) + 1} ${year}`;
		case 'SEMESTER':
			return `S${month <= 6 ? 1 : 2} ${year}`;
		case 'YEAR':
			return year;
	}
}

export const orEmpty = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

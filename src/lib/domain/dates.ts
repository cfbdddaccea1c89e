// Dates with a precision. A planned date may be a day, a month, a quarter ("T3 2023"), a semester
// ("S1 2022"), a year or "continuous". We store the first day of the period and compute its last
// day when we need it, so lateness is never stored and never stale.
// All calendar arithmetic is done on ISO date strings (YYYY-MM-DD) in UTC: a date has no time zone.

export const DATE_PRECISIONS = ['DAY', 'MONTH', 'QUARTER', 'SEMESTER', 'YEAR', 'CONTINUOUS'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface PreciseDate {
	/** First day of the period, YYYY-MM-DD; null only for CONTINUOUS. */
	start: string | null;
	precision: DatePrecision;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toIsoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** toIsoDay for an optional date. */
/** A precise date from its database columns (the period's first day and its precision). */
export function preciseOf(date: Date | null, precision: DatePrecision | null): PreciseDate | null {
	if (precision === 'CONTINUOUS') return { start: null, precision };
	return date && precision ? { start: toIsoDay(date), precision } : null;
}

export function toIsoDayOrNull(date: Date | null): string | null {
	return date ? toIsoDay(date) : null;
}

export function fromIsoDay(day: string): Date {
	return new Date(`${day}T00:00:00.000Z`);
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValidDay(year: number, month: number, day: number): boolean {
	return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

/**
 * Reads the notations people write: "2022-05-11", "2022-05", "2022", "T3 2023" / "Q3 2023",
 * "S1 2022", "continu". Returns null for anything else.
 */
export function parsePreciseDate(input: string): PreciseDate | null {
	const text = input.trim();
	if (/^(continu|continue|en continu|continuous)$/i.test(text)) return { start: null, precision: 'CONTINUOUS' };
	const day = ISO_DAY.exec(text);
	if (day) {
		const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
		return isValidDay(y, m, d) ? { start: text, precision: 'DAY' } : null;
	}
	const month = /^(\d{4})-(\d{2})$/.exec(text);
	if (month) {
		const m = Number(month[2]);
		return m >= 1 && m <= 12 ? { start: `${month[1]}-${month[2]}-01`, precision: 'MONTH' } : null;
	}
	if (/^\d{4}$/.test(text)) return { start: `${text}-01-01`, precision: 'YEAR' };
	const quarter = /^[TQ]([1-4])\s+(\d{4})$/i.exec(text);
	if (quarter) {
		const q = Number(quarter[1]);
		return { start: `${quarter[2]}-${pad((q - 1) * 3 + 1)}-01`, precision: 'QUARTER' };
	}
	const semester = /^[SH]([12])\s+(\d{4})$/i.exec(text);
	if (semester) {
		return { start: `${semester[2]}-${semester[1] === '1' ? '01' : '07'}-01`, precision: 'SEMESTER' };
	}
	return null;
}

/** Snaps any day to the first day of its period, so that stored dates are canonical. */
export function startOfPeriod(day: string, precision: DatePrecision): string | null {
	if (precision === 'CONTINUOUS') return null;
	const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
	switch (precision) {
		case 'DAY':
			return day;
		case 'MONTH':
			return `${y}-${pad(m)}-01`;
		case 'QUARTER':
			return `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
		case 'SEMESTER':
			return `${y}-${m <= 6 ? '01' : '07'}-01`;
		case 'YEAR':
			return `${y}-01-01`;
	}
}

/** Last day of the period (inclusive). Null for "continuous", which has no end. */
export function endOfPeriod(date: PreciseDate): string | null {
	if (date.precision === 'CONTINUOUS' || date.start === null) return null;
	const y = Number(date.start.slice(0, 4));
	const m = Number(date.start.slice(5, 7));
	const endMonth = (months: number) => {
		const last = m + months - 1;
		return `${y}-${pad(last)}-${pad(lastDayOfMonth(y, last))}`;
	};
	switch (date.precision) {
		case 'DAY':
			return date.start;
		case 'MONTH':
			return endMonth(1);
		case 'QUARTER':
			return endMonth(3);
		case 'SEMESTER':
			return endMonth(6);
		case 'YEAR':
			return `${y}-12-31`;
	}
}

/**
 * A deadline is late when it is not done and today is past the last day of its period.
 * "Continuous" work is never late.
 */
export function isLate(due: PreciseDate | null, doneOn: string | null, today: string): boolean {
	if (!due || doneOn) return false;
	const end = endOfPeriod(due);
	return end !== null && today > end;
}

/** Days from today to the end of the period (negative when past), for "next milestone" lists. */
export function daysUntilEnd(due: PreciseDate, today: string): number | null {
	const end = endOfPeriod(due);
	if (end === null) return null;
	return Math.round((fromIsoDay(end).getTime() - fromIsoDay(today).getTime()) / 86_400_000);
}

export function todayIso(now: Date = new Date()): string {
	return toIsoDay(now);
}

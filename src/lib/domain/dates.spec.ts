import { describe, expect, it } from 'vitest';
import { endOfPeriod, isLate, parsePreciseDate, startOfPeriod, daysUntilEnd } from './dates';

describe('parsePreciseDate', () => {
	it.each([
		['2022-05-11', { start: '2022-05-11', precision: 'DAY' }],
		['2022-04', { start: '2022-04-01', precision: 'MONTH' }],
		['2021', { start: '2021-01-01', precision: 'YEAR' }],
		['T3 2023', { start: '2023-07-01', precision: 'QUARTER' }],
		['Q4 2023', { start: '2023-10-01', precision: 'QUARTER' }],
		['S1 2022', { start: '2022-01-01', precision: 'SEMESTER' }],
		['S2 2022', { start: '2022-07-01', precision: 'SEMESTER' }],
		['en continu', { start: null, precision: 'CONTINUOUS' }]
	])('reads %s', (input, expected) => {
		expect(parsePreciseDate(input)).toEqual(expected);
	});

	it.each(['2022-02-30', '2022-13', 'T5 2022', 'S3 2022', 'demain', ''])('refuses %s', (input) => {
		expect(parsePreciseDate(input)).toBeNull();
	});
});

describe('endOfPeriod', () => {
	it('ends S1 2022 on 30 June 2022', () => {
		expect(endOfPeriod({ start: '2022-01-01', precision: 'SEMESTER' })).toBe('2022-06-30');
	});
	it('ends any T4 on 31 December', () => {
		expect(endOfPeriod({ start: '2023-10-01', precision: 'QUARTER' })).toBe('2023-12-31');
	});
	it('ends February of a leap year on the 29th', () => {
		expect(endOfPeriod({ start: '2024-02-01', precision: 'MONTH' })).toBe('2024-02-29');
	});
	it('ends a year on 31 December and a day on itself', () => {
		expect(endOfPeriod({ start: '2021-01-01', precision: 'YEAR' })).toBe('2021-12-31');
		expect(endOfPeriod({ start: '2021-11-10', precision: 'DAY' })).toBe('2021-11-10');
	});
	it('gives no end to continuous work', () => {
		expect(endOfPeriod({ start: null, precision: 'CONTINUOUS' })).toBeNull();
	});
});

describe('startOfPeriod', () => {
	it('snaps a day to the first day of its quarter, semester, month and year', () => {
		expect(startOfPeriod('2023-08-17', 'QUARTER')).toBe('2023-07-01');
		expect(startOfPeriod('2023-08-17', 'SEMESTER')).toBe('2023-07-01');
		expect(startOfPeriod('2023-08-17', 'MONTH')).toBe('2023-08-01');
		expect(startOfPeriod('2023-08-17', 'YEAR')).toBe('2023-01-01');
		expect(startOfPeriod('2023-08-17', 'CONTINUOUS')).toBeNull();
	});
});

describe('isLate', () => {
	const s1 = { start: '2022-01-01', precision: 'SEMESTER' } as const;
	it('is not late on the last day of the period', () => {
		expect(isLate(s1, null, '2022-06-30')).toBe(false);
	});
	it('is late the day after the period ends', () => {
		expect(isLate(s1, null, '2022-07-01')).toBe(true);
	});
	it('is never late once done', () => {
		expect(isLate(s1, '2022-09-01', '2025-01-01')).toBe(false);
	});
	it('is never late when continuous or undated', () => {
		expect(isLate({ start: null, precision: 'CONTINUOUS' }, null, '2099-01-01')).toBe(false);
		expect(isLate(null, null, '2099-01-01')).toBe(false);
	});
	it('counts the days left until the end of the period', () => {
		expect(daysUntilEnd(s1, '2022-06-20')).toBe(10);
		expect(daysUntilEnd(s1, '2022-07-02')).toBe(-2);
	});
});

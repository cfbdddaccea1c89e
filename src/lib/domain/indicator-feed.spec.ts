import { describe, expect, it } from 'vitest';
import { detectDelimiter, extractFeedValue, isFeedDue, isJsonPointer, parseDecimal, parseFeedDate, resolvePointer, type FeedSpec } from './indicator-feed';

const csv = (valuePath: string, more: Partial<FeedSpec> = {}): FeedSpec => ({ format: 'CSV', valuePath, filterColumn: null, filterValue: null, datePath: null, ...more });
const json = (valuePath: string, datePath: string | null = null): FeedSpec => ({ format: 'JSON', valuePath, filterColumn: null, filterValue: null, datePath });

describe('parseDecimal', () => {
	it.each([
		['1 234,5', 1234.5],
		['1\u00a0234,5', 1234.5],
		['1\u202f234,5', 1234.5],
		['1234.5', 1234.5],
		['1,234.5', 1234.5],
		['1.234,5', 1234.5],
		['1,234,567', 1234567],
		['12,5', 12.5],
		['-3', -3],
		[' 42 ', 42],
		['0', 0]
	])('reads %j', (input, expected) => {
		expect(parseDecimal(input)).toBe(expected);
	});

	it.each(['', 'abc', '12 %', '1,2,3.4.5', '--1', '1e5', 'NaN', '∞'])('refuses %j', (input) => {
		expect(parseDecimal(input)).toBeNull();
	});
});

describe('parseFeedDate', () => {
	it.each([
		['2026-03-31', '2026-03-31'],
		['2026-03-31T08:15:00Z', '2026-03-31'],
		['2026-03-31T08:15:00+02:00', '2026-03-31'],
		['31/03/2026', '2026-03-31'],
		['1/4/2026', '2026-04-01'],
		['31.03.2026', '2026-03-31']
	])('reads %s', (input, expected) => {
		expect(parseFeedDate(input)).toBe(expected);
	});

	it.each(['2026-02-30', '31/02/2026', '03/31/2026', 'mars 2026', '', '2026'])('refuses %j', (input) => {
		expect(parseFeedDate(input)).toBeNull();
	});
});

describe('detectDelimiter', () => {
	it('finds ; in a French header and , in an English one, ignoring quoted separators', () => {
		expect(detectDelimiter('date;valeur\n2026-01-01;1,5')).toBe(';');
		expect(detectDelimiter('date,value\n2026-01-01,1.5')).toBe(',');
		expect(detectDelimiter('"a;b;c",value,other\n')).toBe(',');
		expect(detectDelimiter('single\n1')).toBe(',');
	});
});

describe('resolvePointer (RFC 6901)', () => {
	// The examples of RFC 6901, section 5.
	const doc = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'c%d': 2, 'e^f': 3, 'g|h': 4, 'i\\j': 5, 'k"l': 6, ' ': 7, 'm~n': 8 };
	it.each([
		['', doc],
		['/foo', ['bar', 'baz']],
		['/foo/0', 'bar'],
		['/', 0],
		['/a~1b', 1],
		['/c%d', 2],
		['/e^f', 3],
		['/g|h', 4],
		['/i\\j', 5],
		['/k"l', 6],
		['/ ', 7],
		['/m~0n', 8]
	])('resolves %j', (pointer, expected) => {
		expect(resolvePointer(doc, pointer)).toEqual(expected);
	});

	it('answers undefined for what is absent, never a prototype', () => {
		expect(resolvePointer(doc, '/foo/2')).toBeUndefined();
		expect(resolvePointer(doc, '/foo/01')).toBeUndefined();
		expect(resolvePointer(doc, '/foo/-')).toBeUndefined();
		expect(resolvePointer(doc, '/nope/x')).toBeUndefined();
		expect(resolvePointer(doc, '/constructor')).toBeUndefined();
		expect(resolvePointer(doc, '/__proto__')).toBeUndefined();
		expect(resolvePointer(doc, 'foo')).toBeUndefined();
	});

	it('checks the syntax', () => {
		expect(isJsonPointer('/a/b~0~1')).toBe(true);
		expect(isJsonPointer('')).toBe(true);
		expect(isJsonPointer('a')).toBe(false);
		expect(isJsonPointer('/a~2')).toBe(false);
		expect(isJsonPointer('/a~')).toBe(false);
	});
});

describe('extractFeedValue', () => {
	const frenchCsv = '\uFEFFdate;territoire;valeur\r\n31/12/2025;France;1 234,5\r\n31/03/2026;France;1\u00a0300,25\r\n31/03/2026;Corse;12,5\r\n';

	it('reads the last row of a French CSV (BOM, ;, decimal commas, dd/mm/yyyy)', () => {
		expect(extractFeedValue(frenchCsv, csv('valeur', { datePath: 'date' }))).toEqual({ ok: true, value: 12.5, date: '2026-03-31' });
	});

	it('keeps the last row matching the filter', () => {
		expect(extractFeedValue(frenchCsv, csv('valeur', { datePath: 'date', filterColumn: 'territoire', filterValue: 'France' }))).toEqual({
			ok: true,
			value: 1300.25,
			date: '2026-03-31'
		});
	});

	it('reads an English CSV with quoted fields and no date column', () => {
		expect(extractFeedValue('name,value\n"Smith, J.","1,234.5"\n', csv('value'))).toEqual({ ok: true, value: 1234.5, date: null });
	});

	it('says which column is gone when the format changed', () => {
		expect(extractFeedValue('date;total\n2026-01-01;5\n', csv('valeur', { datePath: 'date' }))).toEqual({ ok: false, error: 'column-missing', detail: 'valeur' });
		expect(extractFeedValue(frenchCsv, csv('valeur', { datePath: 'jour' }))).toMatchObject({ ok: false, error: 'column-missing', detail: 'jour' });
	});

	it('refuses a row that the filter does not find, an empty cell, a word, a bad date, an empty file', () => {
		expect(extractFeedValue(frenchCsv, csv('valeur', { filterColumn: 'territoire', filterValue: 'Bretagne' }))).toMatchObject({ error: 'row-missing' });
		expect(extractFeedValue('a;valeur\nx;\n', csv('valeur'))).toMatchObject({ error: 'value-missing' });
		expect(extractFeedValue('a;valeur\nx;beaucoup\n', csv('valeur'))).toMatchObject({ error: 'value-not-number' });
		expect(extractFeedValue('date;valeur\n2026-02-30;1\n', csv('valeur', { datePath: 'date' }))).toMatchObject({ error: 'date-invalid' });
		expect(extractFeedValue('date;valeur\n', csv('valeur'))).toMatchObject({ error: 'empty' });
		expect(extractFeedValue('  \n', csv('valeur'))).toMatchObject({ error: 'empty' });
		expect(extractFeedValue('a;"b\n1;2', csv('b'))).toMatchObject({ error: 'unparseable' });
	});

	it('reads JSON numbers and strings through pointers', () => {
		const body = JSON.stringify({
			data: [
				{ total: 41, mis_a_jour: '2026-04-02' },
				{ total: '1 500,5', mis_a_jour: '02/05/2026' }
			]
		});
		expect(extractFeedValue(body, json('/data/0/total', '/data/0/mis_a_jour'))).toEqual({ ok: true, value: 41, date: '2026-04-02' });
		expect(extractFeedValue(body, json('/data/1/total', '/data/1/mis_a_jour'))).toEqual({ ok: true, value: 1500.5, date: '2026-05-02' });
		expect(extractFeedValue(body, json('/data/2/total'))).toMatchObject({ ok: false, error: 'value-missing' });
		expect(extractFeedValue(body, json('/data'))).toMatchObject({ ok: false, error: 'value-not-number' });
		expect(extractFeedValue(body, json('/data/0/total', '/data/0/absent'))).toMatchObject({ ok: false, error: 'date-missing' });
		expect(extractFeedValue('<html>', json('/a'))).toMatchObject({ ok: false, error: 'unparseable' });
	});
});

describe('isFeedDue', () => {
	const now = new Date('2026-04-10T03:00:00Z');
	it('is due when never fetched, or a day (a week) after, with an hour of slack', () => {
		expect(isFeedDue('DAILY', null, now)).toBe(true);
		expect(isFeedDue('DAILY', new Date('2026-04-09T03:05:00Z'), now)).toBe(true);
		expect(isFeedDue('DAILY', new Date('2026-04-09T05:00:00Z'), now)).toBe(false);
		expect(isFeedDue('WEEKLY', new Date('2026-04-05T03:00:00Z'), now)).toBe(false);
		expect(isFeedDue('WEEKLY', new Date('2026-04-03T03:10:00Z'), now)).toBe(true);
	});
});

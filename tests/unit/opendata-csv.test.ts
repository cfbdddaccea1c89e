import { describe, expect, it } from 'vitest';
import { csvCell, guardFormula, writeCsv, type CsvCell } from '../../src/lib/server/opendata/csv';
import { parse } from 'csv-parse/sync';

describe('CSV writer (RFC 4180)', () => {
	it('quotes only what needs quoting and doubles quotes', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('il a dit "oui"')).toBe('"il a dit ""oui"""');
		expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
		expect(csvCell('retour\r\nchariot')).toBe('"retour\r\nchariot"');
		expect(csvCell(' espace ')).toBe('" espace "');
		expect(csvCell('')).toBe('');
	});

	it('writes missing values as empty cells, numbers and booleans as is', () => {
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(-3.5)).toBe('-3.5');
		expect(csvCell(0)).toBe('0');
		expect(csvCell(true)).toBe('true');
		expect(() => csvCell(Number.NaN)).toThrow(RangeError);
	});

	it('neutralises text cells a spreadsheet would run as a formula', () => {
		for (const payload of ['=1+1', '+33 1 23', '-2', '@SUM(A1)', '\tTAB', '\rCR', '=HYPERLINK("http://evil","x")']) {
			expect(guardFormula(payload)).toBe(`'${payload}`);
			expect(parse(writeCsv([[payload]]))[0]![0]).toBe(`'${payload}`);
		}
		expect(guardFormula('a=b')).toBe('a=b');
		expect(guardFormula("'déjà")).toBe("'déjà");
	});

	it('ends every record with CRLF, the header included', () => {
		expect(
			writeCsv([
				['id', 'titre'],
				['1', 'Mesure, la première']
			])
		).toBe('id,titre\r\n1,"Mesure, la première"\r\n');
		expect(writeCsv([])).toBe('');
	});
});

/** A seeded generator (mulberry32): the "random" tables are the same on every run. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ALPHABET = ['a', 'Z', '0', ' ', ',', '"', "'", '\n', '\r', '\r\n', '\t', '=', '+', '-', '@', ';', 'é', '’', '€', '😀', '\u00a0', '\\'];

function randomCell(next: () => number): CsvCell {
	const pick = next();
	if (pick < 0.1) return null;
	if (pick < 0.2) return Math.round((next() - 0.5) * 1e6) / 100;
	if (pick < 0.25) return next() < 0.5;
	const length = Math.floor(next() * 12);
	return Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
}

/** What a reader should get back: the text the writer stores for each cell. */
function expected(cell: CsvCell): string {
	if (cell === null || cell === undefined) return '';
	return typeof cell === 'string' ? guardFormula(cell) : String(cell);
}

describe('CSV round trip', () => {
	it('parse(write(table)) gives back every cell, on 500 random tables full of separators, quotes and line breaks', () => {
		const next = random(20211110);
		for (let n = 0; n < 500; n++) {
			const width = 1 + Math.floor(next() * 6);
			const height = 1 + Math.floor(next() * 8);
			// A header keeps a record non-empty, as in real files, so one empty cell stays one record.
			const table: CsvCell[][] = [Array.from({ length: width }, (_, i) => `col${i}`)];
			for (let r = 0; r < height; r++) table.push(Array.from({ length: width }, () => randomCell(next)));
			const parsed = parse(writeCsv(table), { bom: true });
			expect(parsed).toEqual(table.map((row) => row.map(expected)));
		}
	});
});

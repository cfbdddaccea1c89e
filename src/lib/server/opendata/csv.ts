// RFC 4180 CSV writer: comma separator, CRLF line ends, fields quoted when they hold a quote, a comma,
// a line break or edge spaces. Text cells that a spreadsheet would run as a formula get a leading
// apostrophe (OWASP "CSV injection"); numbers and booleans are never formulas, so "-3" stays numeric.
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** Neutralises a text cell that Excel, LibreOffice or Google Sheets would evaluate. */
export function guardFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new RangeError(`CSV cells cannot hold ${value}`);
		return String(value);
	}
	const text = typeof value === 'boolean' ? String(value) : guardFormula(value);
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record per row, each ended by CRLF (the last one too, which RFC 4180 allows). */
export function writeCsv(rows: readonly (readonly CsvCell[])[]): string {
	return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

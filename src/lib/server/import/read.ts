// From the uploaded bytes to a table of text cells: the encoding (UTF-8 with or without BOM, else
// Windows-1252, which is what Excel writes on French Windows) and the separator (comma or semicolon)
// are detected; csv-parse (well kept, RFC 4180, quoted fields with line breaks) does the parsing.
// A file that is empty, binary, too big or not CSV gives one readable message, never an exception.
import { parse } from 'csv-parse/sync';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export interface CsvTable {
	headers: string[];
	/** Each record with the file's line number where it starts (the header is line 1). */
	rows: { line: number; cells: string[] }[];
	encoding: 'utf-8' | 'windows-1252';
	delimiter: ',' | ';';
}

export type ReadFailure = { error: 'empty' | 'binary' | 'tooBig' | 'tooManyRows' | 'malformed' | 'noHeader'; detail?: string };

export function decode(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
	try {
		// `fatal`: invalid UTF-8 throws instead of becoming U+FFFD, which is how Windows-1252 is recognised.
		return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
	}
}

/** The separator of the header line: the more frequent of ";" and "," outside quotes (comma on a tie). */
function detectDelimiter(text: string): ',' | ';' {
	let inQuotes = false;
	let commas = 0;
	let semicolons = 0;
	for (const char of text) {
		if (char === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (char === '\n' || char === '\r')) break;
		else if (!inQuotes && char === ',') commas++;
		else if (!inQuotes && char === ';') semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

export function readCsv(bytes: Uint8Array): CsvTable | ReadFailure {
	if (bytes.byteLength > MAX_IMPORT_BYTES) return { error: 'tooBig' };
	if (bytes.byteLength === 0) return { error: 'empty' };
	// NUL bytes and other control characters do not occur in text files (a spreadsheet, a PDF, an image…).
	const sample = bytes.subarray(0, 8192);
	let controls = 0;
	for (const b of sample) if (b === 0 || (b < 9 && b !== 0) || (b > 13 && b < 32 && b !== 27)) controls++;
	if (sample.includes(0) || controls > sample.length / 100) return { error: 'binary' };
	const decoded = decode(bytes);
	const encoding = decoded.encoding;
	// One kind of line end: line numbers count CRLF once, and texts keep "\n" only.
	const text = decoded.text.replace(/\r\n?/g, '\n');
	if (text.trim() === '') return { error: 'empty' };
	const delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''));
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			bom: true,
			delimiter,
			relax_column_count: true,
			relax_quotes: true,
			info: true,
			skip_empty_lines: false,
			to: MAX_IMPORT_ROWS + 2
		}) as unknown as typeof records;
	} catch (cause) {
		return { error: 'malformed', detail: (cause as Error).message };
	}
	const [header, ...body] = records;
	const headers = header?.record.map((h) => h.trim()) ?? [];
	if (headers.filter((h) => h !== '').length === 0) return { error: 'noHeader' };
	if (body.length > MAX_IMPORT_ROWS) return { error: 'tooManyRows' };
	const rows: CsvTable['rows'] = [];
	let previousEnd = header!.info.lines;
	for (const { record, info } of body) {
		// A record starts on the line after the previous one ended; blank lines are skipped here.
		if (!record.every((cell) => cell.trim() === '')) rows.push({ line: previousEnd + 1, cells: record });
		previousEnd = info.lines;
	}
	return { headers, rows, encoding, delimiter };
}

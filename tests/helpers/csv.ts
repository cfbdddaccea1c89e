// A small RFC 4180 reader, independent of the writer under test: fields separated by commas,
// records by CRLF (a lone LF is accepted too), quoted fields may hold commas, quotes ("") and line breaks.
export function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let i = 0;
	let quoted = false;
	let fieldStarted = false;
	/** A comma promises one more field, even if it is empty and the text ends there. */
	let afterComma = false;
	const endField = () => {
		record.push(field);
		field = '';
		fieldStarted = false;
		afterComma = false;
	};
	while (i < text.length) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
			} else if (char === '"') {
				quoted = false;
				i++;
				const next = text[i];
				if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') throw new Error(`text after a closing quote at ${i}`);
			} else {
				field += char;
				i++;
			}
			continue;
		}
		if (char === '"') {
			if (fieldStarted) throw new Error(`quote inside an unquoted field at ${i}`);
			quoted = true;
			fieldStarted = true;
			i++;
		} else if (char === ',') {
			endField();
			afterComma = true;
			i++;
		} else if (char === '\r' || char === '\n') {
			endField();
			records.push(record);
			record = [];
			i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
		} else {
			field += char;
			fieldStarted = true;
			i++;
		}
	}
	if (quoted) throw new Error('unterminated quoted field');
	if (fieldStarted || afterComma || record.length > 0) {
		endField();
		records.push(record);
	}
	return records;
}

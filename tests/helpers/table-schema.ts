// Checks a parsed CSV against a Table Schema, the way a frictionless validator would for the
// features our schemas use: header, types, required, unique, enum, uri format, primary key.
import type { TableSchema } from '../../src/lib/server/opendata/formats';

const VALID: Record<string, (cell: string) => boolean> = {
	string: () => true,
	integer: (c) => /^-?\d+$/.test(c),
	number: (c) => /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(c),
	boolean: (c) => c === 'true' || c === 'false',
	date: (c) => /^\d{4}-\d{2}-\d{2}$/.test(c) && !Number.isNaN(Date.parse(c)),
	datetime: (c) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(c) && !Number.isNaN(Date.parse(c)),
	array: (c) => {
		try {
			return Array.isArray(JSON.parse(c));
		} catch {
			return false;
		}
	}
};

export function checkCsv(schema: TableSchema, table: string[][]): string[] {
	const [header, ...rows] = table;
	const problems: string[] = [];
	const names = schema.fields.map((f) => f.name);
	if (JSON.stringify(header) !== JSON.stringify(names)) return [`header ${JSON.stringify(header)} is not ${JSON.stringify(names)}`];
	schema.fields.forEach((field, col) => {
		const seen = new Set<string>();
		rows.forEach((row, r) => {
			const cell = row[col];
			const at = `${schema.name} row ${r + 2} ${field.name}`;
			if (row.length !== names.length) problems.push(`${at}: ${row.length} cells`);
			if (cell === undefined || cell === '') {
				if (field.constraints?.required) problems.push(`${at}: required`);
				return;
			}
			if (!VALID[field.type]!(cell)) problems.push(`${at}: ${JSON.stringify(cell)} is not a ${field.type}`);
			if (field.format === 'uri' && !URL.canParse(cell)) problems.push(`${at}: not a URI`);
			if (field.constraints?.enum && !field.constraints.enum.includes(cell)) problems.push(`${at}: ${cell} not allowed`);
			if (field.constraints?.unique || schema.primaryKey.includes(field.name)) {
				if (seen.has(cell)) problems.push(`${at}: duplicate ${cell}`);
				seen.add(cell);
			}
		});
	});
	return problems;
}

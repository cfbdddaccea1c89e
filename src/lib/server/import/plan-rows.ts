// The rows of a CSV file read against a mapping and the target plan, with nothing written: every
// value checked (a report line per problem: line, column, value, message key), owners resolved,
// missing numbers given axis by axis in file order, each row matched to the measure it updates.
// Pure: the domain command (server/domain/plans/csv-import.ts) loads the context and writes.
import type { PreciseDate } from '../../domain/dates';
import type { MeasureStatus } from '../db/generated/enums';
import { PARAM_PATTERNS } from '../../route-params';
import { REQUIRED_FIELDS, type ColumnMapping, type ImportField } from './mapping';
import type { CsvTable } from './read';
import { fold, parseDeadline, parseProgress, parseStatusWord, withPrecision } from './words';

type IssueCode =
	| 'missingColumn'
	| 'unknownHeader'
	| 'required'
	| 'formula'
	| 'badNumber'
	| 'duplicateNumber'
	| 'duplicateTitle'
	| 'badDeadline'
	| 'badStatus'
	| 'badProgress'
	| 'badUrl'
	| 'tooLong';

export interface Issue {
	/** File line (header = 1); 1 for problems of the mapping itself. */
	line: number;
	column: string | null;
	value: string;
	code: IssueCode;
}

interface KnownOwner {
	id: string;
	code: string;
	name: string;
}

interface ExistingMeasure {
	id: string;
	number: string;
	title: string;
	leadOwnerId: string;
	axisNumber: number;
}

export interface ImportContext {
	owners: KnownOwner[];
	axes: { id: string; number: number; title: string }[];
	measures: ExistingMeasure[];
}

/** An owner as written in the file: an existing team, or one to create. */
export type OwnerRef = { id: string } | { create: string };

export interface PlannedRow {
	line: number;
	number: string;
	/** The existing measure this row updates, or null for a new one. */
	measureId: string | null;
	axisKey: string;
	title: string;
	description: string | undefined;
	owner: OwnerRef;
	contributors: OwnerRef[] | undefined;
	/** undefined: column not mapped (left as it is); null: empty cell (no deadline). */
	deadline: PreciseDate | null | undefined;
	status: MeasureStatus | null | undefined;
	progress: number | null | undefined;
	proofs: string[] | undefined;
}

interface PlannedAxis {
	key: string;
	title: string;
	number: number;
	/** Existing axis, or null to create. */
	id: string | null;
}

export interface ImportPlan {
	rows: PlannedRow[];
	axes: PlannedAxis[];
	issues: Issue[];
	/** Lines with at least one issue (rows that the user may exclude). */
	errorLines: number[];
	/** Owners written in the file that match no team: created on confirmation. */
	unknownOwners: string[];
	unmappedColumns: string[];
}

const MAX_TEXT = 20_000;
const FORMULA = /^(=|@|[+-]\s*[A-Za-z_]+\s*\()/;

/** Splits a list cell: a JSON array (open-data export) or items separated by commas, semicolons, slashes or line breaks. */
function listCell(text: string): string[] {
	const trimmed = text.trim();
	if (trimmed.startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(trimmed);
			if (Array.isArray(parsed))
				return parsed
					.map(String)
					.map((s) => s.trim())
					.filter(Boolean);
		} catch {
			// Not JSON: read as a plain list.
		}
	}
	return trimmed
		.split(/[,;/\n]+/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** An uppercase team code made from a name ("Ministère de la Culture" → "MINISTERE_DE_LA_CULTURE"). */
export function ownerCodeOf(name: string): string {
	return fold(name).toUpperCase().replace(/ /g, '_').slice(0, 60) || 'EQUIPE';
}

export function planRows(table: CsvTable, mapping: ColumnMapping, context: ImportContext, excluded: ReadonlySet<number> = new Set()): ImportPlan {
	const issues: Issue[] = [];
	const column = new Map<ImportField, number>();
	for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
		const index = table.headers.indexOf(header);
		if (index < 0) issues.push({ line: 1, column: header, value: header, code: 'unknownHeader' });
		else column.set(field, index);
	}
	for (const field of REQUIRED_FIELDS) if (!column.has(field)) issues.push({ line: 1, column: null, value: field, code: 'missingColumn' });
	const mapped = new Set(column.values());
	const unmappedColumns = table.headers.filter((h, i) => h !== '' && !mapped.has(i));
	const result: ImportPlan = { rows: [], axes: [], issues, errorLines: [], unknownOwners: [], unmappedColumns };
	if (issues.length > 0) return result;

	const ownersByKey = new Map<string, string>();
	for (const o of context.owners) {
		ownersByKey.set(fold(o.code), o.id);
		ownersByKey.set(fold(o.name), o.id);
	}
	const unknownOwners = new Map<string, string>();
	const ownerRef = (text: string): OwnerRef => {
		const id = ownersByKey.get(fold(text));
		if (id) return { id };
		const key = fold(text);
		if (!unknownOwners.has(key)) unknownOwners.set(key, text.trim());
		return { create: unknownOwners.get(key)! };
	};

	const axes = new Map<string, PlannedAxis>();
	const existingAxis = new Map(context.axes.map((a) => [fold(a.title), a]));
	const usedAxisNumbers = new Set(context.axes.map((a) => a.number));
	const byNumber = new Map(context.measures.map((m) => [m.number, m]));
	const byOwnerTitle = new Map(context.measures.map((m) => [`${m.leadOwnerId}|${fold(m.title)}`, m]));
	const seenNumbers = new Map<string, number>();
	const seenTitles = new Set<string>();
	const pending: (Omit<PlannedRow, 'number'> & { number: string | null; numberPrefix: number | null })[] = [];
	const errorLines = new Set<number>();

	for (const { line, cells } of table.rows) {
		const before = issues.length;
		const cell = (field: ImportField): string | undefined => {
			const index = column.get(field);
			if (index === undefined) return undefined;
			// A leading apostrophe is how exported CSVs (ours included) neutralise a formula: take it off.
			const raw = (cells[index] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '');
			return raw;
		};
		const report = (field: ImportField, value: string, code: IssueCode) => issues.push({ line, column: mapping[field] ?? null, value, code });
		for (const field of column.keys()) {
			const value = (cells[column.get(field)!] ?? '').trim();
			if (FORMULA.test(value)) report(field, value, 'formula');
			else if (value.length > MAX_TEXT) report(field, value.slice(0, 80), 'tooLong');
		}
		const title = cell('titre') ?? '';
		const axisTitle = cell('axe') ?? '';
		const ownerText = cell('porteur') ?? '';
		if (title === '') report('titre', title, 'required');
		if (axisTitle === '') report('axe', axisTitle, 'required');
		if (ownerText === '') report('porteur', ownerText, 'required');

		const numberText = cell('numero') ?? '';
		let number: string | null = null;
		if (numberText !== '') {
			if (!PARAM_PATTERNS.numero.test(numberText)) report('numero', numberText, 'badNumber');
			else if (seenNumbers.has(numberText)) report('numero', numberText, 'duplicateNumber');
			else {
				number = numberText;
				seenNumbers.set(numberText, line);
			}
		}

		let deadline: PreciseDate | null | undefined;
		const deadlineText = cell('echeance');
		const precisionText = cell('precision');
		if (deadlineText !== undefined) {
			if (precisionText) {
				deadline = withPrecision(deadlineText, precisionText);
				if (!deadline) report('echeance', `${deadlineText} (${precisionText})`, 'badDeadline');
			} else if (deadlineText === '') deadline = null;
			else {
				deadline = parseDeadline(deadlineText);
				if (!deadline) report('echeance', deadlineText, 'badDeadline');
			}
		}
		const statusText = cell('statut');
		const status = statusText === undefined ? undefined : parseStatusWord(statusText);
		if (statusText !== undefined && status === undefined) report('statut', statusText, 'badStatus');
		const progressText = cell('avancement');
		const progress = progressText === undefined ? undefined : parseProgress(progressText);
		if (progressText !== undefined && progress === undefined) report('avancement', progressText, 'badProgress');
		const proofText = cell('preuve');
		const proofs = proofText === undefined ? undefined : proofText.split(/[\s;|]+/).filter(Boolean);
		for (const url of proofs ?? []) {
			if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url)) report('preuve', url, 'badUrl');
		}

		const owner = ownerText === '' ? null : ownerRef(ownerText);
		const contributorsText = cell('contributeurs');
		const contributors = contributorsText === undefined ? undefined : listCell(contributorsText).map(ownerRef);
		const indicator = cell('indicateur');
		const descriptionText = cell('description');
		// An indicator needs a unit and a baseline that a spreadsheet column does not give: its text is kept in the description.
		const description =
			descriptionText === undefined && !indicator ? undefined : [descriptionText ?? '', indicator ? `Indicateur : ${indicator}` : ''].filter(Boolean).join('\n\n');

		if (owner && title !== '' && number === null && numberText === '') {
			const key = `${'id' in owner ? owner.id : fold(owner.create)}|${fold(title)}`;
			if (seenTitles.has(key)) report('titre', title, 'duplicateTitle');
			seenTitles.add(key);
		}
		if (issues.length > before) {
			errorLines.add(line);
			continue;
		}
		if (excluded.has(line)) continue;

		const axisKey = fold(axisTitle);
		if (!axes.has(axisKey)) {
			const existing = existingAxis.get(axisKey);
			axes.set(axisKey, { key: axisKey, title: axisTitle, number: existing?.number ?? 0, id: existing?.id ?? null });
		}
		const match = number !== null ? byNumber.get(number) : 'id' in owner! ? byOwnerTitle.get(`${owner.id}|${fold(title)}`) : undefined;
		pending.push({
			line,
			number: number ?? match?.number ?? null,
			numberPrefix: number ? Number(number.split('.')[0]) : null,
			measureId: match?.id ?? null,
			axisKey,
			title,
			description,
			owner: owner!,
			contributors,
			deadline,
			status,
			progress,
			proofs
		});
	}

	// New axes: the number their measures' numbers start with when it is free, else the next one.
	for (const axis of axes.values()) {
		if (axis.id) continue;
		const prefix = pending.find((r) => r.axisKey === axis.key && r.numberPrefix)?.numberPrefix;
		if (prefix && !usedAxisNumbers.has(prefix)) axis.number = prefix;
		else axis.number = Math.max(0, ...usedAxisNumbers) + 1;
		usedAxisNumbers.add(axis.number);
	}
	// Missing numbers: axis by axis, in file order, after the numbers already taken in that axis.
	const taken = new Set([...context.measures.map((m) => m.number), ...pending.flatMap((r) => (r.number ? [r.number] : []))]);
	for (const row of pending) {
		if (row.number) continue;
		const axisNumber = axes.get(row.axisKey)!.number;
		let n = 1;
		while (taken.has(`${axisNumber}.${n}`)) n++;
		row.number = `${axisNumber}.${n}`;
		taken.add(row.number);
	}
	result.rows = pending.map(({ numberPrefix: _, ...row }) => ({ ...row, number: row.number! }));
	result.axes = [...axes.values()];
	result.errorLines = [...errorLines];
	// Only owners of rows that will be imported need creating.
	const needed = new Set(result.rows.flatMap((r) => [r.owner, ...(r.contributors ?? [])]).flatMap((o) => ('create' in o ? [o.create] : [])));
	result.unknownOwners = [...unknownOwners.values()].filter((name) => needed.has(name));
	return result;
}

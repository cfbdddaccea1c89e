// The three renderings of a dataset (CSV, JSON, Table Schema) and the Data Package that lists them.
import { createHash } from 'node:crypto';
import { messages, type Locale } from '../../i18n';
import { writeCsv } from './csv';
import { DATASETS, type Dataset, type FieldType, type FieldValue } from './datasets';
import type { PlanData, PlanInfo } from './load';

interface TableSchemaField {
	name: string;
	type: FieldType;
	format?: 'uri';
	description: string;
	constraints?: { required?: true; unique?: true; enum?: string[] };
}

export interface TableSchema {
	name: string;
	title: string;
	description: string;
	fields: TableSchemaField[];
	primaryKey: string[];
	/** Absent when the dataset refers to no other: the Table Schema profile wants at least one key. */
	foreignKeys?: Dataset['foreignKeys'];
	missingValues: string[];
}

/** Arrays go into one CSV cell as JSON, which is how Table Schema's `array` type is read back. */
const csvValue = (value: FieldValue) => (Array.isArray(value) ? JSON.stringify(value) : value);

// A file is its header (CSV) or opening bracket (JSON), then its records a batch at a time, then
// its end: the whole-plan renderings below and the streamed files (stream.ts) share these pieces,
// so a streamed file is byte for byte the file built at once.
export const csvHeader = (dataset: Dataset) => writeCsv([dataset.fields.map((f) => f.name)]);
export const csvRecords = (records: FieldValue[][]) => writeCsv(records.map((record) => record.map(csvValue)));

const rowObject = (dataset: Dataset, record: FieldValue[]) => Object.fromEntries(dataset.fields.map((f, i) => [f.name, record[i] ?? null]));

/**
 * The records as elements of a JSON array, indented as `JSON.stringify(rows, null, 2)` indents
 * them and separated by ",\n", without the brackets (empty for no record): the pieces a streamed
 * file is made of. Stringifying a batch at once is much faster than a record at a time.
 */
export function jsonItems(dataset: Dataset, records: FieldValue[][]): string {
	if (records.length === 0) return '';
	const array = JSON.stringify(
		records.map((record) => rowObject(dataset, record)),
		null,
		2
	);
	return array.slice(2, -2); // "[\n" … "\n]"
}
const jsonArray = (items: string) => (items === '' ? '[]\n' : `[\n${items}\n]\n`);

export function datasetCsv(dataset: Dataset, data: PlanData): string {
	return csvHeader(dataset) + csvRecords(dataset.records(data));
}

export function datasetRows(dataset: Dataset, data: PlanData): Record<string, FieldValue>[] {
	return dataset.records(data).map((record) => rowObject(dataset, record));
}

export function datasetJson(dataset: Dataset, data: PlanData): string {
	return jsonArray(jsonItems(dataset, dataset.records(data)));
}

export function tableSchema(dataset: Dataset, locale: Locale = 'fr'): TableSchema {
	const text = messages(locale).opendata.datasets[dataset.name];
	const descriptions: Record<string, string> = text.fields;
	return {
		name: dataset.name,
		title: text.title,
		description: text.description,
		fields: dataset.fields.map((f) => {
			const constraints = {
				...(f.required ? { required: true as const } : {}),
				...(f.unique ? { unique: true as const } : {}),
				...(f.enum ? { enum: [...f.enum] } : {})
			};
			return {
				name: f.name,
				type: f.type,
				...(f.format ? { format: f.format } : {}),
				description: descriptions[f.name] ?? '',
				...(Object.keys(constraints).length > 0 ? { constraints } : {})
			};
		}),
		primaryKey: dataset.primaryKey,
		...(dataset.foreignKeys.length > 0 ? { foreignKeys: dataset.foreignKeys } : {}),
		missingValues: ['']
	};
}

export const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** The Open Definition identifier of the licence, when it is the Licence Ouverte (Etalab) 2.0. */
function licenceId(plan: PlanInfo): string | null {
	return /etalab|licence-ouverte/i.test(plan.contentLicenceUrl) && /2\.0/.test(plan.contentLicence) ? 'etalab-2.0' : null;
}

/** A CSV file's size and SHA-256, as the Data Package lists them. */
export interface FileStats {
	bytes: number;
	hash: string;
}

const textStats = (text: string): FileStats => ({ bytes: Buffer.byteLength(text), hash: createHash('sha256').update(text).digest('hex') });

export function dataPackage(data: PlanData, origin: string, locale: Locale = 'fr') {
	return dataPackageOf(data.plan, (dataset) => textStats(datasetCsv(dataset, data)), origin, locale);
}

/** `csvStats` null: the resource is listed without its size and hash (both optional). */
export function dataPackageOf(plan: PlanInfo, csvStats: (dataset: Dataset) => FileStats | null, origin: string, locale: Locale = 'fr') {
	const name = licenceId(plan);
	return {
		profile: 'tabular-data-package',
		name: plan.slug,
		title: plan.title,
		...(plan.summary ? { description: plan.summary } : {}),
		homepage: new URL(`/donnees/${plan.slug}`, origin).href,
		licenses: [{ ...(name ? { name } : {}), path: plan.contentLicenceUrl, title: plan.contentLicence }],
		// Like foreignKeys, the profile wants at least one source when the key is present.
		...(plan.sourceUrls.length > 0 ? { sources: plan.sourceUrls.map((url) => ({ title: url, path: url })) } : {}),
		resources: DATASETS.map((dataset) => {
			const csv = csvStats(dataset);
			const schema = tableSchema(dataset, locale);
			return {
				profile: 'tabular-data-resource',
				name: dataset.name,
				path: `${dataset.name}.csv`,
				title: schema.title,
				description: schema.description,
				format: 'csv',
				mediatype: 'text/csv',
				encoding: 'utf-8',
				...(csv ? { bytes: csv.bytes, hash: `sha256:${csv.hash}` } : {}),
				// Inline, so that the package stays valid wherever it is copied to.
				schema
			};
		})
	};
}

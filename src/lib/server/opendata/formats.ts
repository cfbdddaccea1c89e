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

export function datasetCsv(dataset: Dataset, data: PlanData): string {
	return writeCsv([dataset.fields.map((f) => f.name), ...dataset.records(data).map((record) => record.map(csvValue))]);
}

export function datasetRows(dataset: Dataset, data: PlanData): Record<string, FieldValue>[] {
	return dataset.records(data).map((record) => Object.fromEntries(dataset.fields.map((f, i) => [f.name, record[i] ?? null])));
}

export function datasetJson(dataset: Dataset, data: PlanData): string {
	return JSON.stringify(datasetRows(dataset, data), null, 2) + '\n';
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

export function dataPackage(data: PlanData, origin: string, locale: Locale = 'fr') {
	const { plan } = data;
	const name = licenceId(plan);
	return {
		profile: 'tabular-data-package',
		name: plan.slug,
		title: plan.title,
		...(plan.summary ? { description: plan.summary } : {}),
		homepage: new URL(`/donnees/${plan.slug}`, origin).href,
		licenses: [{ ...(name ? { name } : {}), path: plan.contentLicenceUrl, title: plan.contentLicence }],
		sources: plan.sourceUrls.map((url) => ({ title: url, path: url })),
		resources: DATASETS.map((dataset) => {
			const csv = datasetCsv(dataset, data);
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
				bytes: Buffer.byteLength(csv),
				hash: `sha256:${createHash('sha256').update(csv).digest('hex')}`,
				// Inline, so that the package stays valid wherever it is copied to.
				schema
			};
		})
	};
}

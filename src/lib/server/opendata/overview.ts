// What the open data page shows: each dataset with its row count, file sizes and column
// dictionary, and the addresses of the API and the feeds. Sizes are those of the files as served.
import type { Db } from '../db';
import { messages, type Locale } from '../../i18n';
import { DATASETS, type FieldType } from './datasets';
import { datasetCsv, datasetJson, dataPackage, json, tableSchema } from './formats';
import { loadPlanData } from './load';

interface FileLink {
	kind: 'csv' | 'json' | 'schema';
	href: string;
	bytes: number;
}

export interface DatasetOverview {
	name: string;
	title: string;
	description: string;
	rows: number;
	files: FileLink[];
	fields: { name: string; type: FieldType; required: boolean; values: string[] | null; description: string }[];
}

export interface OpenDataOverview {
	plan: { slug: string; title: string; contentLicence: string; contentLicenceUrl: string };
	datasets: DatasetOverview[];
	dataPackage: { href: string; bytes: number };
	api: { key: 'openapi' | 'plans' | 'plan' | 'measures' | 'measure' | 'owners'; href: string }[];
	feeds: { plan: string; axes: { number: number; title: string; href: string }[]; measures: { number: string; title: string; href: string }[] };
}

const bytes = (text: string) => Buffer.byteLength(text);

export async function getOpenDataOverview(db: Db, slug: string, origin: string, locale: Locale): Promise<OpenDataOverview | null> {
	const data = await loadPlanData(db, slug, origin);
	if (!data) return null;
	const base = `/donnees/${slug}`;
	const api = `/api/v1/plans/${slug}`;
	const firstMeasure = data.measures[0]?.number ?? '1.1';
	const axes = new Map<number, string>();
	for (const m of data.measures) axes.set(m.axisNumber, m.axisTitle);
	return {
		plan: { slug, title: data.plan.title, contentLicence: data.plan.contentLicence, contentLicenceUrl: data.plan.contentLicenceUrl },
		datasets: DATASETS.map((dataset) => {
			const schema = tableSchema(dataset, locale);
			const text = messages(locale).opendata.datasets[dataset.name];
			return {
				name: dataset.name,
				title: text.title,
				description: text.description,
				rows: dataset.records(data).length,
				files: [
					{ kind: 'csv', href: `${base}/${dataset.name}.csv`, bytes: bytes(datasetCsv(dataset, data)) },
					{ kind: 'json', href: `${base}/${dataset.name}.json`, bytes: bytes(datasetJson(dataset, data)) },
					{ kind: 'schema', href: `${base}/${dataset.name}.schema.json`, bytes: bytes(json(tableSchema(dataset))) }
				],
				fields: dataset.fields.map((f, i) => ({
					name: f.name,
					type: f.type,
					required: f.required,
					values: f.enum ? [...f.enum] : null,
					description: schema.fields[i]?.description ?? ''
				}))
			};
		}),
		dataPackage: { href: `${base}/datapackage.json`, bytes: bytes(json(dataPackage(data, origin))) },
		api: [
			{ key: 'openapi', href: '/api/v1/openapi.json' },
			{ key: 'plans', href: '/api/v1/plans' },
			{ key: 'plan', href: api },
			{ key: 'measures', href: `${api}/measures?page=1&per_page=20` },
			{ key: 'measure', href: `${api}/measures/${firstMeasure}` },
			{ key: 'owners', href: '/api/v1/owners' }
		],
		feeds: {
			plan: `/flux/${slug}.atom`,
			axes: [...axes].sort(([a], [b]) => a - b).map(([number, title]) => ({ number, title, href: `/flux/${slug}/axes/${number}.atom` })),
			measures: data.measures.map((m) => ({ number: m.number, title: m.title, href: `/flux/${slug}/mesures/${m.number}.atom` }))
		}
	};
}

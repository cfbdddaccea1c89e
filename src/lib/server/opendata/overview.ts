// What the open data page shows: each dataset with its row count, file sizes and column
// dictionary, and the addresses of the API and the feeds. Sizes are those of the files as served,
// for the plans whose files are built whole (see getOpenDataOverview for the others).
import type { Db } from '../db';
import { messages, type Locale } from '../../i18n';
import { DATASETS, type FieldType } from './datasets';
import { datasetCsv, datasetJson, dataPackage, dataPackageOf, json, tableSchema } from './formats';
import { ALL_SOURCES, countRows, loadPlanIndex, loadRows, type PlanData, type PlanIndex } from './load';
import { isStreamed } from './files';
import { todayIso } from '../../domain/dates';

interface FileLink {
	kind: 'csv' | 'json' | 'schema';
	href: string;
	/** Null for the CSV and JSON files of a plan whose files are streamed: not read to be measured. */
	bytes: number | null;
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
	feeds: {
		plan: string;
		axes: { number: number; title: string; href: string }[];
		/** One link per measure; null for a plan whose files are streamed, whose page gives one example. */
		measures: { number: string; title: string; href: string }[] | null;
		/** The first measure's feed. */
		measureExample: string;
	};
}

const bytes = (text: string) => Buffer.byteLength(text);

export async function getOpenDataOverview(db: Db, slug: string, origin: string, locale: Locale, options: { streamedFrom?: number } = {}): Promise<OpenDataOverview | null> {
	const index = await loadPlanIndex(db, slug);
	if (!index) return null;
	const streamed = isStreamed(index, options.streamedFrom);
	// A plan whose files are streamed is not read whole for this page either: its rows are counted
	// in SQL, its CSV and JSON sizes are left out (as in its Data Package), and its measures' feeds
	// are shown by one example instead of one link per measure.
	const data = streamed ? null : await loadRows(db, index, { measures: 'all', sources: ALL_SOURCES, origin, today: todayIso() });
	const counts = data ? null : await countRows(db, index);
	const base = `/donnees/${slug}`;
	const api = `/api/v1/plans/${slug}`;
	const firstMeasure = index.numberOf.get(index.measureIds[0] ?? '') ?? '1.1';
	return {
		plan: { slug, title: index.plan.title, contentLicence: index.plan.contentLicence, contentLicenceUrl: index.plan.contentLicenceUrl },
		datasets: DATASETS.map((dataset) => {
			const schema = tableSchema(dataset, locale);
			const text = messages(locale).opendata.datasets[dataset.name];
			return {
				name: dataset.name,
				title: text.title,
				description: text.description,
				rows: data ? dataset.records(data).length : counts![dataset.source],
				files: [
					{ kind: 'csv', href: `${base}/${dataset.name}.csv`, bytes: data ? bytes(datasetCsv(dataset, data)) : null },
					{ kind: 'json', href: `${base}/${dataset.name}.json`, bytes: data ? bytes(datasetJson(dataset, data)) : null },
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
		dataPackage: { href: `${base}/datapackage.json`, bytes: bytes(json(data ? dataPackage(data, origin) : dataPackageOf(index.plan, () => null, origin))) },
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
			axes: feedAxes(index, data).map(([number, title]) => ({ number, title, href: `/flux/${slug}/axes/${number}.atom` })),
			measures: data ? data.measures.map((m) => ({ number: m.number, title: m.title, href: `/flux/${slug}/mesures/${m.number}.atom` })) : null,
			measureExample: `/flux/${slug}/mesures/${firstMeasure}.atom`
		}
	};
}

/** The axes that hold measures (all of them, for a plan read in counts only), by number. */
function feedAxes(index: PlanIndex, data: PlanData | null): [number, string][] {
	const axes = new Map<number, string>();
	if (data) for (const m of data.measures) axes.set(m.axisNumber, m.axisTitle);
	else for (const axis of index.axes.values()) axes.set(axis.number, axis.title);
	return [...axes].sort(([a], [b]) => a - b);
}

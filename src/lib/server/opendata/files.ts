// The downloadable files of a plan, by file name: "<dataset>.csv", "<dataset>.json",
// "<dataset>.schema.json" and "datapackage.json". File names sent to browsers are built here from
// validated parts, never taken from the request.
import { datasetCsv, datasetJson, dataPackage, dataPackageOf, json, tableSchema, type FileStats } from './formats';
import { DATASETS, findDataset, type Dataset } from './datasets';
import type { Db } from '../db';
import { loadPlanIndex, type PlanData, type PlanIndex } from './load';
import { csvText, jsonText, streamedStats, type StreamContext } from './stream';
import { todayIso } from '../../domain/dates';

export type OpenDataFile = { kind: 'csv' | 'json' | 'schema'; dataset: Dataset } | { kind: 'package' };

const FILE_NAME = /^([a-z-]{1,40})\.(csv|json|schema\.json)$/;

export function parseFileName(name: string): OpenDataFile | null {
	if (name === 'datapackage.json') return { kind: 'package' };
	const match = FILE_NAME.exec(name);
	const dataset = match ? findDataset(match[1]!) : null;
	if (!match || !dataset) return null;
	const kind = match[2] === 'csv' ? 'csv' : match[2] === 'json' ? 'json' : 'schema';
	return { kind, dataset };
}

export function fileName(file: OpenDataFile): string {
	if (file.kind === 'package') return 'datapackage.json';
	return `${file.dataset.name}.${file.kind === 'schema' ? 'schema.json' : file.kind}`;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function headersOf(file: OpenDataFile, slug: string): Record<string, string> {
	const download = `${slug}-${fileName(file)}`;
	switch (file.kind) {
		case 'csv':
			return { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${download}"` };
		case 'json':
			return { 'Content-Type': JSON_TYPE, 'Content-Disposition': `inline; filename="${download}"` };
		default:
			return { 'Content-Type': JSON_TYPE };
	}
}

/** The file built at once from a whole plan's rows (the data page's sizes, tests). */
export function renderFile(file: OpenDataFile, data: PlanData, origin: string): { body: string; headers: Record<string, string> } {
	const headers = headersOf(file, data.plan.slug);
	switch (file.kind) {
		case 'csv':
			return { body: datasetCsv(file.dataset, data), headers };
		case 'json':
			return { body: datasetJson(file.dataset, data), headers };
		case 'schema':
			return { body: json(tableSchema(file.dataset)), headers };
		case 'package':
			return { body: json(dataPackage(data, origin)), headers };
	}
}

async function* once(text: string): AsyncGenerator<string> {
	yield text;
}

/**
 * Past this many measures a plan's files are streamed as they are read (stream.ts) instead of being
 * collected first; smaller plans' files are collected, hashed and kept by the page cache.
 */
const STREAMED_FROM_MEASURES = 1000;

/** Whether the plan's files are streamed; `streamedFrom` lowers the threshold in tests. */
export const isStreamed = (index: PlanIndex, streamedFrom = STREAMED_FROM_MEASURES) => index.measureIds.length > streamedFrom;

/**
 * The file as pieces of text read from the database a batch at a time, or null when the plan does
 * not exist. The Data Package lists each CSV file's size and hash, which means reading every
 * dataset first: it does so for the plans whose files are collected anyway, and leaves them out
 * (they are optional in a Data Package) for the plans whose files are streamed.
 */
export async function openFile(
	db: Db,
	slug: string,
	file: OpenDataFile,
	origin: string,
	options: { today?: string; batch?: StreamContext['batch']; streamedFrom?: number } = {}
): Promise<{ chunks: AsyncIterable<string>; headers: Record<string, string>; streamed: boolean } | null> {
	const index = await loadPlanIndex(db, slug);
	if (!index) return null;
	const headers = headersOf(file, slug);
	const streamed = isStreamed(index, options.streamedFrom);
	const context: StreamContext = { db, index, origin, today: options.today ?? todayIso(), batch: options.batch };
	switch (file.kind) {
		case 'csv':
			return { chunks: csvText(context, file.dataset), headers, streamed };
		case 'json':
			return { chunks: jsonText(context, file.dataset), headers, streamed };
		case 'schema':
			// A schema does not depend on the plan's rows, only on the plan existing.
			return { chunks: once(json(tableSchema(file.dataset))), headers, streamed: false };
		case 'package': {
			const stats = new Map<string, FileStats>();
			if (!streamed) for (const dataset of DATASETS) stats.set(dataset.name, await streamedStats(csvText(context, dataset)));
			return { chunks: once(json(dataPackageOf(index.plan, (dataset) => stats.get(dataset.name) ?? null, origin))), headers, streamed: false };
		}
	}
}

/** The whole file as one string (small files, tests). */
export async function loadFile(
	db: Db,
	slug: string,
	file: OpenDataFile,
	origin: string,
	options: Parameters<typeof openFile>[4] = {}
): Promise<{ body: string; headers: Record<string, string> } | null> {
	const opened = await openFile(db, slug, file, origin, options);
	if (!opened) return null;
	let body = '';
	for await (const chunk of opened.chunks) body += chunk;
	return { body, headers: opened.headers };
}

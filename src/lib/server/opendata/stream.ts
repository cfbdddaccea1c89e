// Open-data files read and written a batch at a time: a run of measures in the plan's order (or a
// page of updates), turned into CSV or JSON text, then dropped. Memory stays that of one batch
// whatever the plan's size, and the first bytes leave before the last rows are read.
import { createHash } from 'node:crypto';
import type { Db } from '../db';
import type { Dataset, FieldValue, RowSource } from './datasets';
import { readBatch, readUpdates, type SqlSource, type UpdatesCursor } from './batches';
import { csvHeader, csvRecords, jsonItems, type FileStats } from './formats';
import { loadRows, type PlanIndex } from './load';

/** Measures per batch: a few thousand child rows at most on the plans Jalons is sized for. */
const MEASURES_PER_BATCH = 500;
const UPDATES_PER_BATCH = 1000;

export interface StreamContext {
	db: Db;
	index: PlanIndex;
	origin: string;
	today: string;
	/** Smaller in tests, to cross batch boundaries on a small plan. */
	batch?: { measures: number; updates: number };
}

/** The dataset's records, batch by batch, in the order of the file built at once. */
export async function* recordBatches(context: StreamContext, dataset: Dataset): AsyncGenerator<FieldValue[][]> {
	const { db, index, origin, today } = context;
	const batch = context.batch?.measures ?? MEASURES_PER_BATCH;
	const updatesPerBatch = context.batch?.updates ?? UPDATES_PER_BATCH;
	if (dataset.source === 'updates') {
		let cursor: UpdatesCursor | null = null;
		for (;;) {
			const page = await readUpdates(db, index, cursor, updatesPerBatch, today);
			if (page.data.updates.length > 0) yield dataset.records(page.data);
			if (page.count < updatesPerBatch) return;
			cursor = page.cursor;
		}
	}
	const source = dataset.source;
	for (let start = 0; start < index.measureIds.length; start += batch) {
		const measures = index.measureIds.slice(start, start + batch);
		const data = isSqlSource(source)
			? await readBatch(db, index, source, measures, today)
			: await loadRows(db, index, { measures, sources: new Set([source]), origin, today, progress: 'rollup' });
		yield dataset.records(data);
	}
}

const SQL_SOURCES: ReadonlySet<RowSource> = new Set<SqlSource>(['milestones', 'evidence', 'indicators', 'values']);
const isSqlSource = (source: RowSource): source is SqlSource => SQL_SOURCES.has(source);

export async function* csvText(context: StreamContext, dataset: Dataset): AsyncGenerator<string> {
	yield csvHeader(dataset);
	for await (const records of recordBatches(context, dataset)) if (records.length > 0) yield csvRecords(records);
}

export async function* jsonText(context: StreamContext, dataset: Dataset): AsyncGenerator<string> {
	let empty = true;
	for await (const records of recordBatches(context, dataset)) {
		if (records.length === 0) continue;
		yield (empty ? '[\n' : ',\n') + jsonItems(dataset, records);
		empty = false;
	}
	yield empty ? '[]\n' : '\n]\n';
}

/** Size and SHA-256 of a text read piece by piece, without holding it. */
export async function streamedStats(chunks: AsyncIterable<string>): Promise<FileStats> {
	const hash = createHash('sha256');
	let bytes = 0;
	for await (const chunk of chunks) {
		bytes += Buffer.byteLength(chunk);
		hash.update(chunk);
	}
	return { bytes, hash: hash.digest('hex') };
}

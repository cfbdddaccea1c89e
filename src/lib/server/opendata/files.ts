// The downloadable files of a plan, by file name: "<dataset>.csv", "<dataset>.json",
// "<dataset>.schema.json" and "datapackage.json". File names sent to browsers are built here from
// validated parts, never taken from the request.
import { datasetCsv, datasetJson, dataPackage, json, tableSchema } from './formats';
import { findDataset, type Dataset } from './datasets';
import type { Db } from '../db';
import { loadMeasureData, loadPlanData, type PlanData } from './load';
import { wholePlanReads } from '../whole-plan-reads';

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

export function renderFile(file: OpenDataFile, data: PlanData, origin: string): { body: string; headers: Record<string, string> } {
	const download = `${data.plan.slug}-${fileName(file)}`;
	switch (file.kind) {
		case 'csv':
			return {
				body: datasetCsv(file.dataset, data),
				headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${download}"` }
			};
		case 'json':
			return { body: datasetJson(file.dataset, data), headers: { 'Content-Type': JSON_TYPE, 'Content-Disposition': `inline; filename="${download}"` } };
		case 'schema':
			return { body: json(tableSchema(file.dataset)), headers: { 'Content-Type': JSON_TYPE } };
		case 'package':
			return { body: json(dataPackage(data, origin)), headers: { 'Content-Type': JSON_TYPE } };
	}
}

/** The file's body and headers, or null when the plan does not exist. */
export async function loadFile(db: Db, slug: string, file: OpenDataFile, origin: string): Promise<{ body: string; headers: Record<string, string> } | null> {
	if (file.kind === 'schema') {
		// A schema does not depend on the plan's rows, only on the plan existing.
		const plan = await db.plan.findUnique({ where: { slug }, select: { id: true } });
		return plan ? { body: json(tableSchema(file.dataset)), headers: { 'Content-Type': JSON_TYPE } } : null;
	}
	return wholePlanReads.run(async () => {
		const data = file.kind !== 'package' && file.dataset.name === 'mesures' ? await loadMeasureData(db, slug, origin) : await loadPlanData(db, slug, origin);
		return data ? renderFile(file, data, origin) : null;
	});
}

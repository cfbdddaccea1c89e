// A CSV import between upload and confirmation. The app servers are stateless behind a load
// balancer, so the uploaded file is kept in the database (table CsvImport), not in memory nor in a
// hidden field (a 10 MB field posted back at each step); re-uploading at each step would make the
// mapping and exclusion steps clumsy. The text is dropped once imported; rows are purged after 7 days.
import type { Db } from '../../db';
import { auditActor } from '../../audit';
import { canManagePlan, type Actor } from '../../policies';
import { ForbiddenError, NotFoundError, RuleError } from '../errors';
import { IMPORT_FIELDS, type ColumnMapping } from '../../import/mapping';
import { decode, readCsv, type ReadFailure } from '../../import/read';
import { importCsv, type CsvImportReport, type ImportTarget } from './csv-import';

function guard(actor: Actor | null): Actor {
	if (!actor || !canManagePlan(actor)) throw new ForbiddenError();
	return actor;
}

export async function listImportTargets(db: Db, actor: Actor | null) {
	guard(actor);
	return db.plan.findMany({ select: { slug: true, title: true }, orderBy: { title: 'asc' } });
}

/** Keeps an uploaded file for the preview; a file that cannot be read is refused with its reason. */
export async function startCsvImport(
	db: Db,
	actor: Actor | null,
	input: { fileName: string; bytes: Uint8Array; target: ImportTarget }
): Promise<{ id: string } | { failure: ReadFailure }> {
	const admin = guard(actor);
	const table = readCsv(input.bytes);
	if ('error' in table) return { failure: table };
	const target = 'slug' in input.target ? await db.plan.findUnique({ where: { slug: input.target.slug }, select: { id: true } }) : null;
	if ('slug' in input.target && !target) throw new RuleError('csvImport.blockers.planMissing', 'plan');
	const row = await db.csvImport.create({
		data: {
			userId: admin.id,
			fileName: input.fileName.slice(0, 200),
			content: decode(input.bytes).text,
			planId: target?.id ?? null,
			newSlug: 'create' in input.target ? input.target.create.slug : null,
			newTitle: 'create' in input.target ? input.target.create.title : null,
			mapping: {}
		},
		select: { id: true }
	});
	return row;
}

async function pending(db: Db, actor: Actor | null, id: string) {
	const admin = guard(actor);
	const row = await db.csvImport.findUnique({ where: { id }, include: { plan: { select: { slug: true, title: true } } } });
	// Another admin's import is not shown: it may hold a file they have not decided to import yet.
	if (!row || row.userId !== admin.id) throw new NotFoundError();
	const target: ImportTarget = row.plan ? { slug: row.plan.slug } : { create: { slug: row.newSlug ?? '', title: row.newTitle ?? '' } };
	const mapping = Object.keys(row.mapping as object).length > 0 ? (row.mapping as ColumnMapping) : null;
	return { admin, row, target, mapping };
}

export interface PendingImportView {
	fileName: string;
	planSlug: string;
	planTitle: string;
	isNewPlan: boolean;
	report: CsvImportReport | null;
	result: CsvImportReport['summary'] | null;
}

/** What the import would do now (a dry run), or its summary once done. */
export async function viewCsvImport(db: Db, actor: Actor | null, id: string): Promise<PendingImportView> {
	const { admin, row, target, mapping } = await pending(db, actor, id);
	const base = {
		fileName: row.fileName,
		planSlug: 'slug' in target ? target.slug : target.create.slug,
		planTitle: row.plan?.title ?? row.newTitle ?? '',
		isNewPlan: !row.plan
	};
	if (row.result) return { ...base, report: null, result: row.result as CsvImportReport['summary'] };
	const report = await importCsv(db, auditActor(admin), { target, file: row.content, mapping, dryRun: true });
	return { ...base, report, result: null };
}

export async function remapCsvImport(db: Db, actor: Actor | null, id: string, mapping: ColumnMapping): Promise<void> {
	const { row } = await pending(db, actor, id);
	const clean = Object.fromEntries(Object.entries(mapping).filter(([field, header]) => IMPORT_FIELDS.includes(field as never) && header));
	await db.csvImport.update({ where: { id: row.id }, data: { mapping: clean } });
}

/** Imports for good, or refuses with the first reason (nothing written then). Confirming twice imports once. */
export async function confirmCsvImport(db: Db, actor: Actor | null, id: string, input: { excluded: number[]; createOwners: boolean }): Promise<void> {
	const { admin, row, target, mapping } = await pending(db, actor, id);
	if (row.result) return;
	const report = await importCsv(db, auditActor(admin), { target, file: row.content, mapping, excluded: input.excluded, createOwners: input.createOwners });
	const blocker = report.blockers[0];
	if (blocker) throw new RuleError(`csvImport.blockers.${blocker}`);
	const plan = await db.plan.findUnique({ where: { slug: report.planSlug }, select: { id: true } });
	await db.csvImport.update({ where: { id: row.id }, data: { result: report.summary, content: '', planId: plan?.id ?? row.planId } });
}

// A CSV import between upload and confirmation. The app servers are stateless behind a load
// balancer, so the uploaded file is kept in the database (table CsvImport), not in memory nor in a
// hidden field (a 10 MB field posted back at each step); re-uploading at each step would make the
// mapping and exclusion steps clumsy. The text is dropped once imported; rows are purged after 7 days.
import type { Db } from '../../db';
import { auditActor, recordAudit } from '../../audit';
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
	// An archived plan is read-only (plans/writable.ts): it is not offered.
	return db.plan.findMany({ where: { status: { not: 'ARCHIVED' } }, select: { slug: true, title: true }, orderBy: { title: 'asc' } });
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
	const target = 'slug' in input.target ? await db.plan.findUnique({ where: { slug: input.target.slug }, select: { id: true, status: true } }) : null;
	if ('slug' in input.target && !target) throw new RuleError('csvImport.blockers.planMissing', 'plan');
	if (target?.status === 'ARCHIVED') throw new RuleError('csvImport.blockers.planArchived', 'plan');
	const data = {
		userId: admin.id,
		fileName: input.fileName.slice(0, 200),
		planId: target?.id ?? null,
		newSlug: 'create' in input.target ? input.target.create.slug : null,
		newTitle: 'create' in input.target ? input.target.create.title : null
	};
	return db.$transaction(async (tx) => {
		const row = await tx.csvImport.create({ data: { ...data, content: decode(input.bytes).text, mapping: {} }, select: { id: true } });
		// Who brought which file, not its content (it is plan data only once imported, and audited then).
		await recordAudit(tx, auditActor(admin), { action: 'create', entityType: 'CsvImport', entityId: row.id, planId: data.planId, after: data });
		return row;
	});
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
	const { admin, row } = await pending(db, actor, id);
	const clean = Object.fromEntries(Object.entries(mapping).filter(([field, header]) => IMPORT_FIELDS.includes(field as never) && header));
	await db.$transaction(async (tx) => {
		await tx.csvImport.update({ where: { id: row.id }, data: { mapping: clean } });
		await recordAudit(tx, auditActor(admin), {
			action: 'update',
			entityType: 'CsvImport',
			entityId: row.id,
			planId: row.planId,
			before: { mapping: row.mapping },
			after: { mapping: clean }
		});
	});
}

/**
 * Imports for good, or refuses with the first reason (nothing written then). Confirming twice, even
 * at the same time, imports once: the import settles the pending row in its own transaction.
 */
export async function confirmCsvImport(db: Db, actor: Actor | null, id: string, input: { excluded: number[]; createOwners: boolean }): Promise<void> {
	const { admin, row, target, mapping } = await pending(db, actor, id);
	if (row.result) return;
	const report = await importCsv(db, auditActor(admin), { target, file: row.content, mapping, excluded: input.excluded, createOwners: input.createOwners, pendingId: row.id });
	const blocker = report.blockers[0];
	if (blocker) throw new RuleError(`csvImport.blockers.${blocker}`);
}

// Importing a plan's measures from a CSV file (issue 11), for the admin pages and the command line.
// One code path for the preview and the write: the file is planned against the plan as it is inside
// one transaction; when anything blocks (an error in a row not excluded, owners to create without
// consent, a dry run) nothing is written, else every change is written there with its audit event.
// Re-importing the same file changes nothing: rows match their measure by number, or by owner + title.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db';
import type { Prisma } from '../../db/generated/client';
import { recordAudits, type AuditActor, type AuditInput } from '../../audit';
import { fromIsoDay, preciseOf, todayIso, type PreciseDate } from '../../../domain/dates';
import { PARAM_PATTERNS } from '../../../route-params';
import { applicableMapping, suggestMapping, type ColumnMapping } from '../../import/mapping';
import { ownerCodeOf, planRows, type ImportContext, type ImportPlan, type OwnerRef, type PlannedRow } from '../../import/plan-rows';
import { readCsv, type CsvTable, type ReadFailure } from '../../import/read';
import { ArchivedPlanError, requireWritablePlan } from './writable';

export type ImportTarget = { slug: string } | { create: { slug: string; title: string } };

export interface CsvImportInput {
	target: ImportTarget;
	/** The file as uploaded (bytes) or as kept between requests (text). */
	file: Uint8Array | string;
	/** null: the mapping saved with the plan where it fits the file, else the suggestion. */
	mapping: ColumnMapping | null;
	/** Lines the user chose to leave out (those with errors must be, for anything to be written). */
	excluded?: readonly number[];
	createOwners?: boolean;
	dryRun?: boolean;
	/**
	 * The pending upload this write settles (admin pages). Locked first, so that a second confirmation
	 * waits for the first and then finds it done (nothing written, no blocker); marked done in the
	 * same transaction as the import.
	 */
	pendingId?: string;
}

type Blocker = 'read' | 'mapping' | 'rowErrors' | 'unknownOwners' | 'planMissing' | 'planArchived' | 'slugInvalid' | 'slugTaken' | 'titleMissing' | 'dryRun';

interface MeasureChange {
	number: string;
	title: string;
	kind: 'created' | 'updated' | 'unchanged';
	/** For an update, the fields that change. */
	fields: string[];
}

export interface CsvImportReport {
	read: ReadFailure | null;
	headers: string[];
	mapping: ColumnMapping;
	plan: Pick<ImportPlan, 'issues' | 'errorLines' | 'unknownOwners' | 'unmappedColumns'> & { axesCreated: string[] };
	changes: MeasureChange[];
	summary: { created: number; updated: number; unchanged: number };
	blockers: Blocker[];
	written: boolean;
	planSlug: string;
}

const DEADLINE_TITLE = 'Échéance';

/** The plan's write lock for the whole import (its mapping row is updated at the end), or a blocker when it is archived. */
async function archivedBlocker(tx: Prisma.TransactionClient, planId: string, report: CsvImportReport): Promise<void> {
	try {
		await requireWritablePlan(tx, planId, { forUpdate: true });
	} catch (error) {
		if (!(error instanceof ArchivedPlanError)) throw error;
		report.blockers.push('planArchived');
	}
}
const newId = () => randomUUID().replaceAll('-', '');
// Big writes go in chunks of a thousand rows: statements of bounded size (PostgreSQL takes at most
// 65,535 parameters in one statement) and memory that stays flat with 10,000 measures.
const CHUNK = 1000;
async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
	for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

const emptyReport = (slug: string): CsvImportReport => ({
	read: null,
	headers: [],
	mapping: {},
	plan: { issues: [], errorLines: [], unknownOwners: [], unmappedColumns: [], axesCreated: [] },
	changes: [],
	summary: { created: 0, updated: 0, unchanged: 0 },
	blockers: [],
	written: false,
	planSlug: slug
});

/** Reads the file (bytes or kept text) into a table, or the reason it cannot be read. */
function tableOf(file: Uint8Array | string): CsvTable | ReadFailure {
	return readCsv(typeof file === 'string' ? new TextEncoder().encode(file) : file);
}

const sameDate = (a: PreciseDate | null, b: PreciseDate | null) => (a?.start ?? null) === (b?.start ?? null) && (a?.precision ?? null) === (b?.precision ?? null);

export async function importCsv(db: Db, actor: AuditActor, input: CsvImportInput): Promise<CsvImportReport> {
	const slug = 'slug' in input.target ? input.target.slug : input.target.create.slug;
	const report = emptyReport(slug);
	const ownersToCreate: { id: string; code: string; name: string }[] = [];
	const table = tableOf(input.file);
	if ('error' in table) {
		report.read = table;
		report.blockers.push('read');
		return report;
	}
	report.headers = table.headers;
	const excluded = new Set(input.excluded ?? []);

	return db.$transaction(
		async (tx) => {
			if (input.pendingId && !input.dryRun) {
				const [pending] = await tx.$queryRaw<{ done: boolean }[]>`SELECT "result" IS NOT NULL AS "done" FROM "CsvImport" WHERE "id" = ${input.pendingId} FOR UPDATE`;
				if (!pending || pending.done) return report;
			}
			const plan = await tx.plan.findUnique({ where: { slug }, select: { id: true, csvImportMapping: true } });
			if ('slug' in input.target && !plan) report.blockers.push('planMissing');
			// An archived plan takes no import; the preview says so before anything is mapped.
			if ('slug' in input.target && plan) await archivedBlocker(tx, plan.id, report);
			if ('create' in input.target) {
				if (!PARAM_PATTERNS.slug.test(slug)) report.blockers.push('slugInvalid');
				else if (plan) report.blockers.push('slugTaken');
				if (input.target.create.title.trim() === '') report.blockers.push('titleMissing');
			}
			const planId = 'slug' in input.target ? (plan?.id ?? null) : null;
			const saved = applicableMapping((planId ? (plan?.csvImportMapping as ColumnMapping | null) : null) ?? {}, table.headers);
			report.mapping = input.mapping ?? (Object.keys(saved).length > 0 ? saved : suggestMapping(table.headers));

			// One after the other: queries of a transaction share one connection.
			const owners = await tx.owner.findMany({ select: { id: true, code: true, name: true } });
			const axes = !planId ? [] : await tx.axis.findMany({ where: { planId }, select: { id: true, number: true, title: true }, orderBy: { number: 'asc' } });
			const measures = !planId
				? []
				: await tx.measure.findMany({
						where: { planId },
						select: {
							id: true,
							number: true,
							title: true,
							description: true,
							leadOwnerId: true,
							axisId: true,
							status: true,
							progressManual: true,
							plannedEnd: true,
							plannedEndPrecision: true,
							axis: { select: { number: true } },
							contributors: { select: { ownerId: true } },
							evidenceLinks: { select: { url: true } },
							milestones: { where: { title: DEADLINE_TITLE }, select: { id: true, plannedDate: true, plannedPrecision: true }, take: 1 }
						}
					});
			const context: ImportContext = { owners, axes, measures: measures.map((m) => ({ ...m, axisNumber: m.axis.number })) };
			const planned = planRows(table, report.mapping, context, excluded);
			report.plan = {
				issues: planned.issues,
				errorLines: planned.errorLines,
				unknownOwners: planned.unknownOwners,
				unmappedColumns: planned.unmappedColumns,
				axesCreated: planned.axes.filter((a) => !a.id).map((a) => a.title)
			};
			if (planned.issues.some((i) => i.line === 1)) report.blockers.push('mapping');
			if (planned.errorLines.some((line) => !excluded.has(line))) report.blockers.push('rowErrors');
			if (planned.unknownOwners.length > 0 && !input.createOwners) report.blockers.push('unknownOwners');

			// What each row changes, against the measure it matches.
			const stored = new Map(measures.map((m) => [m.id, m]));
			const ownerIdOf = new Map<string, string>();
			const takenCodes = new Set(owners.map((o) => o.code));
			for (const name of planned.unknownOwners) {
				let code = ownerCodeOf(name);
				for (let n = 2; takenCodes.has(code); n++) code = `${ownerCodeOf(name).slice(0, 55)}_${n}`;
				takenCodes.add(code);
				ownerIdOf.set(name, newId());
				ownersToCreate.push({ id: ownerIdOf.get(name)!, code, name });
			}
			const idOf = (ref: OwnerRef) => ('id' in ref ? ref.id : ownerIdOf.get(ref.create)!);
			const axisIdOf = new Map(planned.axes.map((a) => [a.key, a.id ?? newId()]));
			const updates: { row: PlannedRow; fields: string[]; data: Prisma.MeasureUncheckedUpdateInput }[] = [];
			for (const row of planned.rows) {
				const current = row.measureId ? stored.get(row.measureId) : undefined;
				if (!current) {
					report.changes.push({ number: row.number, title: row.title, kind: 'created', fields: [] });
					continue;
				}
				const data: Prisma.MeasureUncheckedUpdateInput = {};
				const fields: string[] = [];
				const set = (field: string, changed: boolean, values: Prisma.MeasureUncheckedUpdateInput) => {
					if (!changed) return;
					fields.push(field);
					Object.assign(data, values);
				};
				set('titre', current.title !== row.title, { title: row.title });
				set('description', row.description !== undefined && current.description !== row.description, { description: row.description });
				set('axe', current.axisId !== axisIdOf.get(row.axisKey), { axisId: axisIdOf.get(row.axisKey) });
				set('porteur', current.leadOwnerId !== idOf(row.owner), { leadOwnerId: idOf(row.owner) });
				const contributorIds = row.contributors && [...new Set(row.contributors.map(idOf))].sort();
				set(
					'contributeurs',
					contributorIds !== undefined &&
						contributorIds.join() !==
							current.contributors
								.map((c) => c.ownerId)
								.sort()
								.join(),
					{}
				);
				set('statut', row.status !== undefined && current.status !== row.status, { status: row.status, statusAsOf: fromIsoDay(todayIso()) });
				set('avancement', row.progress !== undefined && current.progressManual !== row.progress, { progressManual: row.progress, progressAsOf: fromIsoDay(todayIso()) });
				const deadline = row.deadline;
				set('echeance', deadline !== undefined && !sameDate(preciseOf(current.plannedEnd, current.plannedEndPrecision), deadline), {
					plannedEnd: deadline?.start ? fromIsoDay(deadline.start) : null,
					plannedEndPrecision: deadline?.precision ?? null
				});
				const urls = new Set(current.evidenceLinks.map((e) => e.url));
				set(
					'preuve',
					(row.proofs ?? []).some((url) => !urls.has(url)),
					{}
				);
				report.changes.push({ number: row.number, title: row.title, kind: fields.length > 0 ? 'updated' : 'unchanged', fields });
				if (fields.length > 0) updates.push({ row, fields, data });
			}
			for (const kind of ['created', 'updated', 'unchanged'] as const) report.summary[kind] = report.changes.filter((c) => c.kind === kind).length;
			if (input.dryRun) report.blockers.push('dryRun');
			if (report.blockers.length > 0) return report;

			await write();
			report.written = true;
			return report;

			async function write() {
				const audits: AuditInput[] = [];
				const today = fromIsoDay(todayIso());
				let targetPlanId = planId;
				if (!targetPlanId && 'create' in input.target) {
					// A new plan starts as a draft, as from /admin/plans/nouveau: an admin publishes it once checked.
					const created = await tx.plan.create({ data: { slug, title: input.target.create.title.trim(), sourceUrls: [], notes: [], status: 'DRAFT' } });
					targetPlanId = created.id;
					audits.push({ action: 'create', entityType: 'Plan', entityId: created.id, planId: created.id, after: created });
				}
				const pid = targetPlanId!;
				await tx.owner.createMany({ data: ownersToCreate });
				for (const o of ownersToCreate) audits.push({ action: 'create', entityType: 'Owner', entityId: o.id, planId: pid, after: o });
				const newAxes = planned.axes.filter((a) => !a.id).map((a, i) => ({ id: axisIdOf.get(a.key)!, planId: pid, number: a.number, title: a.title, position: axes.length + i }));
				await tx.axis.createMany({ data: newAxes });
				for (const a of newAxes) audits.push({ action: 'create', entityType: 'Axis', entityId: a.id, planId: pid, after: a });

				const positions = new Map<string, number>();
				const created = planned.rows.filter((r) => !r.measureId || !stored.has(r.measureId));
				const newMeasures: (Prisma.MeasureCreateManyInput & { id: string })[] = [];
				const milestones: Prisma.MilestoneCreateManyInput[] = [];
				const contributors: Prisma.MeasureContributorCreateManyInput[] = [];
				const evidence: Prisma.EvidenceLinkCreateManyInput[] = [];
				const existingInAxis = (axisId: string) => measures.filter((m) => m.axisId === axisId).length;
				for (const row of created) {
					const axisId = axisIdOf.get(row.axisKey)!;
					const position = positions.get(axisId) ?? existingInAxis(axisId);
					positions.set(axisId, position + 1);
					const id = newId();
					newMeasures.push({
						id,
						planId: pid,
						axisId,
						number: row.number,
						position,
						title: row.title,
						description: row.description ?? '',
						subActions: [],
						leadOwnerId: idOf(row.owner),
						// No status column, or an empty cell: the status stays "non renseigné", never invented.
						status: row.status ?? null,
						statusAsOf: row.status ? today : null,
						progressManual: row.progress ?? null,
						progressAsOf: row.progress != null ? today : null,
						plannedEnd: row.deadline?.start ? fromIsoDay(row.deadline.start) : null,
						plannedEndPrecision: row.deadline?.precision ?? null
					});
					if (row.deadline) milestones.push(deadlineMilestone(id, row.deadline, 0));
					for (const ownerId of new Set((row.contributors ?? []).map(idOf))) contributors.push({ measureId: id, ownerId });
					(row.proofs ?? []).forEach((url, i) => evidence.push({ id: newId(), measureId: id, title: url, url, position: i }));
				}
				await inChunks(newMeasures, (data) => tx.measure.createMany({ data }));
				for (const m of newMeasures) audits.push({ action: 'create', entityType: 'Measure', entityId: m.id, planId: pid, measureId: m.id, after: m });

				for (const { row, fields, data } of updates) {
					const current = stored.get(row.measureId!)!;
					await tx.measure.update({ where: { id: current.id }, data: { ...data, version: { increment: 1 } } });
					const before = Object.fromEntries(Object.keys(data).map((k) => [k, current[k as keyof typeof current]]));
					audits.push({ action: 'update', entityType: 'Measure', entityId: current.id, planId: pid, measureId: current.id, before, after: data, reason: 'Import CSV' });
					if (fields.includes('contributeurs')) {
						await tx.measureContributor.deleteMany({ where: { measureId: current.id } });
						for (const ownerId of new Set((row.contributors ?? []).map(idOf))) contributors.push({ measureId: current.id, ownerId });
						audits.push({
							action: 'update',
							entityType: 'MeasureContributor',
							entityId: current.id,
							planId: pid,
							measureId: current.id,
							before: current.contributors,
							after: row.contributors?.map(idOf)
						});
					}
					if (fields.includes('echeance')) {
						const milestone = current.milestones[0];
						const deadline = row.deadline ?? null;
						if (milestone && deadline) {
							const planned = { plannedDate: deadline.start ? fromIsoDay(deadline.start) : null, plannedPrecision: deadline.precision };
							await tx.milestone.update({ where: { id: milestone.id }, data: { ...planned, version: { increment: 1 } } });
							// Re-planned, as the milestone form does: the first date stays on record.
							await tx.milestoneReplan.create({
								data: {
									milestoneId: milestone.id,
									previousDate: milestone.plannedDate,
									previousPrecision: milestone.plannedPrecision,
									newDate: planned.plannedDate,
									newPrecision: deadline.precision,
									reason: 'Import CSV',
									actorId: actor.id
								}
							});
							audits.push({
								action: 'replan',
								entityType: 'Milestone',
								entityId: milestone.id,
								planId: pid,
								measureId: current.id,
								before: milestone,
								after: planned,
								reason: 'Import CSV'
							});
						} else if (deadline) milestones.push(deadlineMilestone(current.id, deadline, 1000));
					}
					if (fields.includes('preuve')) {
						const urls = new Set(current.evidenceLinks.map((e) => e.url));
						(row.proofs ?? [])
							.filter((url) => !urls.has(url))
							.forEach((url, i) => evidence.push({ id: newId(), measureId: current.id, title: url, url, position: current.evidenceLinks.length + i }));
					}
				}
				await inChunks(contributors, (data) => tx.measureContributor.createMany({ data, skipDuplicates: true }));
				for (const c of contributors)
					audits.push({ action: 'create', entityType: 'MeasureContributor', entityId: `${c.measureId}:${c.ownerId}`, planId: pid, measureId: c.measureId, after: c });
				const milestoneRows = milestones.map((m) => ({ ...m, id: newId() }));
				await inChunks(milestoneRows, (data) => tx.milestone.createMany({ data }));
				for (const m of milestoneRows) audits.push({ action: 'create', entityType: 'Milestone', entityId: m.id, planId: pid, measureId: m.measureId, after: m });
				await inChunks(evidence, (data) => tx.evidenceLink.createMany({ data }));
				for (const e of evidence) audits.push({ action: 'create', entityType: 'EvidenceLink', entityId: e.id!, planId: pid, measureId: e.measureId, after: e });

				const mapping = report.mapping as Prisma.InputJsonValue;
				if (JSON.stringify(plan?.csvImportMapping ?? null) !== JSON.stringify(mapping)) {
					await tx.plan.update({ where: { id: pid }, data: { csvImportMapping: mapping } });
					audits.push({
						action: 'update',
						entityType: 'Plan',
						entityId: pid,
						planId: pid,
						before: { csvImportMapping: plan?.csvImportMapping ?? null },
						after: { csvImportMapping: mapping }
					});
				}
				await inChunks(audits, (chunk) => recordAudits(tx, actor, chunk));
				if (input.pendingId) await tx.csvImport.update({ where: { id: input.pendingId }, data: { result: report.summary, content: '', planId: pid } });
			}
		},
		{ timeout: 120_000, maxWait: 30_000 }
	);

	function deadlineMilestone(measureId: string, deadline: PreciseDate, position: number): Prisma.MilestoneCreateManyInput {
		return { measureId, title: DEADLINE_TITLE, plannedDate: deadline.start ? fromIsoDay(deadline.start) : null, plannedPrecision: deadline.precision, position };
	}
}

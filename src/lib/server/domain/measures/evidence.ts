// Evidence links of a measure: the public proof of what was done.
import type { Db } from '../../db';
import type { EvidenceLink } from '../../db/generated/client';
import type { EvidenceKind } from '../../db/generated/enums';
import { auditActor, recordAudit } from '../../audit';
import type { Actor, Viewer } from '../../policies';
import { ConflictError, NotFoundError, RuleError } from '../errors';
import { day, editableMeasure, hasProof, type MeasureRef, type Tx } from './editing';
import { claimFormToken, type OneTimeForm } from '../submissions';

export interface EvidenceFields {
	title: string;
	url: string;
	kind: EvidenceKind;
	/** YYYY-MM-DD, or null when the source gives no date. */
	date: string | null;
	milestoneId: string | null;
}

export interface EvidenceEditView extends EvidenceFields {
	id: string;
	version: number;
}

type Target = { measureId: string; evidenceId: string; version: number };
type Ref = MeasureRef & { actor: Actor };

const snapshot = (e: EvidenceLink) => ({ title: e.title, url: e.url, kind: e.kind, date: day(e.date), milestoneId: e.milestoneId });
const currentOf = (e: EvidenceLink) => ({ version: e.version, ...snapshot(e) });

export async function listEvidenceForEdit(db: Db, actor: Viewer, measureId: string) {
	await editableMeasure(db, actor, measureId);
	const [links, milestones] = await Promise.all([
		db.evidenceLink.findMany({ where: { measureId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] }),
		db.milestone.findMany({ where: { measureId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { id: true, title: true } })
	]);
	return { links: links.map((e): EvidenceEditView => ({ id: e.id, ...currentOf(e) })), milestones };
}

async function checkMilestone(tx: Tx, ref: Ref, milestoneId: string | null): Promise<void> {
	if (!milestoneId) return;
	const milestone = await tx.milestone.findUnique({ where: { id: milestoneId }, select: { measureId: true } });
	if (milestone?.measureId !== ref.id) throw new RuleError('editing.errors.unknownMilestone', 'milestoneId');
}

async function target(tx: Tx, actor: Viewer, input: Target): Promise<{ ref: Ref; row: EvidenceLink }> {
	const ref = await editableMeasure(tx, actor, input.measureId);
	const row = await tx.evidenceLink.findUnique({ where: { id: input.evidenceId } });
	if (!row || row.measureId !== ref.id) throw new NotFoundError();
	if (row.version !== input.version) throw new ConflictError(currentOf(row));
	return { ref, row };
}

function audit(tx: Tx, ref: Ref, action: 'create' | 'update' | 'delete', id: string, before: EvidenceLink | null, after: EvidenceLink | null) {
	return recordAudit(tx, auditActor(ref.actor, ref), {
		action,
		entityType: 'EvidenceLink',
		entityId: id,
		planId: ref.planId,
		measureId: ref.id,
		before: before ? snapshot(before) : undefined,
		after: after ? snapshot(after) : undefined
	});
}

const columns = (f: EvidenceFields) => ({
	title: f.title,
	url: f.url,
	kind: f.kind,
	date: f.date ? new Date(`${f.date}T00:00:00.000Z`) : null,
	datePrecision: f.date ? ('DAY' as const) : null,
	milestoneId: f.milestoneId
});

export async function addEvidence(db: Db, actor: Viewer, input: EvidenceFields & OneTimeForm & { measureId: string }): Promise<{ id: string }> {
	return db.$transaction(async (tx) => {
		const ref = await editableMeasure(tx, actor, input.measureId);
		await claimFormToken(tx, actor, input);
		await checkMilestone(tx, ref, input.milestoneId);
		const last = await tx.evidenceLink.aggregate({ where: { measureId: ref.id }, _max: { position: true } });
		const created = await tx.evidenceLink.create({ data: { measureId: ref.id, ...columns(input), position: (last._max.position ?? -1) + 1 } });
		await audit(tx, ref, 'create', created.id, null, created);
		return { id: created.id };
	});
}

export async function updateEvidence(db: Db, actor: Viewer, input: EvidenceFields & Target): Promise<{ changed: boolean }> {
	return db.$transaction(async (tx) => {
		const { ref, row } = await target(tx, actor, input);
		await checkMilestone(tx, ref, input.milestoneId);
		const { title, url, kind, date, milestoneId } = input;
		if (JSON.stringify(snapshot(row)) === JSON.stringify({ title, url, kind, date, milestoneId })) return { changed: false };
		const { count } = await tx.evidenceLink.updateMany({
			where: { id: row.id, version: row.version },
			data: { ...columns(input), version: { increment: 1 } }
		});
		if (count === 0) throw new ConflictError(currentOf(await tx.evidenceLink.findUniqueOrThrow({ where: { id: row.id } })));
		await audit(tx, ref, 'update', row.id, row, await tx.evidenceLink.findUniqueOrThrow({ where: { id: row.id } }));
		return { changed: true };
	});
}

/** A closed measure keeps at least one proof, unless a sourced published update already proves it. */
export async function removeEvidence(db: Db, actor: Viewer, input: Target): Promise<void> {
	await db.$transaction(async (tx) => {
		const { ref, row } = await target(tx, actor, input);
		const { count } = await tx.evidenceLink.deleteMany({ where: { id: row.id, version: row.version } });
		if (count === 0) throw new ConflictError(currentOf(row));
		const measure = await tx.measure.findUniqueOrThrow({ where: { id: ref.id }, select: { status: true } });
		if (measure.status === 'DONE' || measure.status === 'ABANDONED') {
			if (!(await hasProof(tx, ref.id))) throw new RuleError('editing.errors.lastProof');
		}
		await audit(tx, ref, 'delete', row.id, row, null);
	});
}

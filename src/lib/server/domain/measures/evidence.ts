// Evidence links of a measure: the public proof of what was done.
import type { Db } from '../../db';
import type { EvidenceLink } from '../../db/generated/client';
import type { EvidenceKind, MeasureStatus } from '../../db/generated/enums';
import { auditActor, recordAudit } from '../../audit';
import type { Actor, Viewer } from '../../policies';
import { ConflictError, NotFoundError, RuleError } from '../errors';
import { day, editableMeasure, lockMeasure, proofFacts, writableMeasure, type MeasureRef, type Tx } from './editing';
import { doneEvidence, linkRemoval, type DoneEvidence, type LinkRemoval } from '../../../domain/done-evidence';
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

/** The confirmation step before a link is removed: what removing it would leave, or why it is refused. */
export interface RemovalView extends LinkRemoval {
	link: { id: string; title: string; version: number };
	status: MeasureStatus | null;
}

export interface EvidenceEditPage {
	links: EvidenceEditView[];
	milestones: { id: string; title: string }[];
	/** What proves the measure today (links and sourced published updates). */
	evidence: DoneEvidence;
	/** When a removal is being confirmed (`removing`, a link of this measure), what it would do. */
	removal: RemovalView | null;
}

export async function listEvidenceForEdit(db: Db, actor: Viewer, measureId: string, removing: string | null = null): Promise<EvidenceEditPage> {
	await editableMeasure(db, actor, measureId);
	const [rows, milestones, facts, measure] = await Promise.all([
		db.evidenceLink.findMany({ where: { measureId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] }),
		db.milestone.findMany({ where: { measureId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { id: true, title: true } }),
		proofFacts(db, measureId),
		db.measure.findUniqueOrThrow({ where: { id: measureId }, select: { status: true } })
	]);
	const links = rows.map((e): EvidenceEditView => ({ id: e.id, ...currentOf(e) }));
	const target = removing ? links.find((l) => l.id === removing) : undefined;
	return {
		links,
		milestones,
		evidence: doneEvidence(facts),
		removal: target ? { link: { id: target.id, title: target.title, version: target.version }, status: measure.status, ...linkRemoval(facts, measure.status, target.id) } : null
	};
}

async function checkMilestone(tx: Tx, ref: Ref, milestoneId: string | null): Promise<void> {
	if (!milestoneId) return;
	const milestone = await tx.milestone.findUnique({ where: { id: milestoneId }, select: { measureId: true } });
	if (milestone?.measureId !== ref.id) throw new RuleError('editing.errors.unknownMilestone', 'milestoneId');
}

async function target(tx: Tx, actor: Viewer, input: Target): Promise<{ ref: Ref; row: EvidenceLink }> {
	const ref = await writableMeasure(tx, actor, input.measureId);
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
		const ref = await writableMeasure(tx, actor, input.measureId);
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

/**
 * A closed measure keeps at least one proof: removing its last one is refused (linkRemoval in
 * $lib/domain/done-evidence), before anything is written.
 */
export async function removeEvidence(db: Db, actor: Viewer, input: Target): Promise<void> {
	await db.$transaction(async (tx) => {
		const { ref, row } = await target(tx, actor, input);
		// Locked first, so that closing the measure meanwhile waits for this removal (editing.ts).
		await lockMeasure(tx, ref.id);
		const measure = await tx.measure.findUniqueOrThrow({ where: { id: ref.id }, select: { status: true } });
		const facts = await proofFacts(tx, ref.id);
		if (linkRemoval(facts, measure.status, row.id).refused) throw new RuleError('editing.errors.lastProof');
		const { count } = await tx.evidenceLink.deleteMany({ where: { id: row.id, version: row.version } });
		if (count === 0) throw new ConflictError(currentOf(row));
		await audit(tx, ref, 'delete', row.id, row, null);
	});
}

// Progress updates of a measure: written as drafts (staff only), then published (public from then
// on). Draft events are audited under their own entity type so public reads leave them out.
import type { Db } from '../../db';
import type { ProgressUpdate } from '../../db/generated/client';
import { auditActor, recordAudit } from '../../audit';
import { canPublishUpdate, canViewDrafts, type Actor, type Viewer } from '../../policies';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors';
import { columnsOf, day, DRAFT_ENTITY, editableMeasure, sameJson, writableMeasure, type MeasureRef, type Tx } from './editing';
import { type DatePrecision, type PreciseDate } from '../../../domain/dates';
import { notifyFollowers } from '../notifications/notifications';
import { claimFormToken, type OneTimeForm } from '../submissions';
import { UPDATE_ORDER } from './update-order';

export interface UpdateFields {
	date: PreciseDate & { start: string };
	text: string;
	blockers: string | null;
	nextSteps: string | null;
	sourceUrls: string[];
}

export interface UpdateEditView {
	id: string;
	version: number;
	date: string;
	precision: DatePrecision;
	text: string;
	blockers: string | null;
	nextSteps: string | null;
	sourceUrls: string[];
	publishedAt: string | null;
}

type Ref = MeasureRef & { actor: Actor };
type Target = { measureId: string; updateId: string; version: number };

const snapshot = (u: ProgressUpdate) => ({
	date: day(u.date),
	datePrecision: u.datePrecision,
	text: u.text,
	blockers: u.blockers,
	nextSteps: u.nextSteps,
	sourceUrls: u.sourceUrls,
	publishedAt: u.publishedAt ? u.publishedAt.toISOString() : null
});

const currentOf = (u: ProgressUpdate) => ({ version: u.version, ...snapshot(u), precise: { start: day(u.date), precision: u.datePrecision } });

function view(u: ProgressUpdate): UpdateEditView {
	const { date, datePrecision, publishedAt, ...rest } = snapshot(u);
	return { id: u.id, version: u.version, date: date!, precision: datePrecision, publishedAt, ...rest };
}

/** Drafts first (they need work), then what is already public; newest first in each. */
export async function listUpdatesForEdit(db: Db, actor: Viewer, measureId: string): Promise<{ drafts: UpdateEditView[]; published: UpdateEditView[] }> {
	await editableMeasure(db, actor, measureId);
	const rows = await db.progressUpdate.findMany({ where: { measureId }, orderBy: UPDATE_ORDER });
	return { drafts: rows.filter((u) => !u.publishedAt).map(view), published: rows.filter((u) => u.publishedAt).map(view) };
}

/** Drafts of a measure, read-only, for every internal reader (AMDAC, council, all teams). */
export async function listDrafts(db: Db, viewer: Viewer, measureId: string): Promise<UpdateEditView[]> {
	if (!canViewDrafts(viewer)) throw new ForbiddenError();
	const rows = await db.progressUpdate.findMany({ where: { measureId, publishedAt: null }, orderBy: UPDATE_ORDER });
	return rows.map(view);
}

async function draftTarget(tx: Tx, actor: Viewer, input: Target): Promise<{ ref: Ref; row: ProgressUpdate }> {
	const ref = await writableMeasure(tx, actor, input.measureId);
	const row = await tx.progressUpdate.findUnique({ where: { id: input.updateId } });
	if (!row || row.measureId !== ref.id) throw new NotFoundError();
	if (row.version !== input.version) throw new ConflictError(currentOf(row));
	if (row.publishedAt) throw new RuleError('editing.errors.alreadyPublished');
	return { ref, row };
}

function audit(tx: Tx, ref: Ref, event: { action: 'create' | 'update' | 'delete' | 'publish'; entityType: string; id: string; before?: ProgressUpdate; after?: ProgressUpdate }) {
	return recordAudit(tx, auditActor(ref.actor, ref), {
		action: event.action,
		entityType: event.entityType,
		entityId: event.id,
		planId: ref.planId,
		measureId: ref.id,
		before: event.before ? snapshot(event.before) : undefined,
		after: event.after ? snapshot(event.after) : undefined
	});
}

const columns = (f: UpdateFields) => ({
	date: columnsOf(f.date).date!,
	datePrecision: f.date.precision,
	text: f.text,
	blockers: f.blockers,
	nextSteps: f.nextSteps,
	sourceUrls: f.sourceUrls
});

/** Creates a draft (`updateId` null) or saves an existing one; a published update is not a draft any more. */
export async function saveUpdateDraft(
	db: Db,
	actor: Viewer,
	input: UpdateFields & OneTimeForm & { measureId: string; updateId: string | null; version: number | null }
): Promise<{ id: string; changed: boolean }> {
	return db.$transaction(async (tx) => {
		if (!input.updateId) {
			const ref = await writableMeasure(tx, actor, input.measureId);
			await claimFormToken(tx, actor, input);
			const created = await tx.progressUpdate.create({ data: { planId: ref.planId, measureId: ref.id, ...columns(input) } });
			await audit(tx, ref, { action: 'create', entityType: DRAFT_ENTITY, id: created.id, after: created });
			return { id: created.id, changed: true };
		}
		const { ref, row } = await draftTarget(tx, actor, { measureId: input.measureId, updateId: input.updateId, version: input.version ?? 0 });
		const data = columns(input);
		if (sameJson(snapshot(row), snapshot({ ...row, ...data }))) return { id: row.id, changed: false };
		const { count } = await tx.progressUpdate.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
		if (count === 0) throw new ConflictError(currentOf(row));
		const saved = await tx.progressUpdate.findUniqueOrThrow({ where: { id: row.id } });
		await audit(tx, ref, { action: 'update', entityType: DRAFT_ENTITY, id: row.id, before: row, after: saved });
		return { id: row.id, changed: true };
	});
}

export async function publishUpdate(db: Db, actor: Viewer, input: Target, now = new Date()): Promise<void> {
	await db.$transaction(async (tx) => {
		const { ref, row } = await draftTarget(tx, actor, input);
		if (!canPublishUpdate(actor, ref)) throw new ForbiddenError();
		const { count } = await tx.progressUpdate.updateMany({
			where: { id: row.id, version: row.version, publishedAt: null },
			data: { publishedAt: now, version: { increment: 1 } }
		});
		if (count === 0) throw new ConflictError(currentOf(row));
		const saved = await tx.progressUpdate.findUniqueOrThrow({ where: { id: row.id } });
		await audit(tx, ref, { action: 'publish', entityType: 'ProgressUpdate', id: row.id, after: saved });
		await notifyFollowers(tx, { measureId: ref.id, kind: 'UPDATE_PUBLISHED', progressUpdateId: row.id, excludeUserId: ref.actor.id, now });
	});
}

export async function removeUpdateDraft(db: Db, actor: Viewer, input: Target): Promise<void> {
	await db.$transaction(async (tx) => {
		const { ref, row } = await draftTarget(tx, actor, input);
		const { count } = await tx.progressUpdate.deleteMany({ where: { id: row.id, version: row.version, publishedAt: null } });
		if (count === 0) throw new ConflictError(currentOf(row));
		await audit(tx, ref, { action: 'delete', entityType: DRAFT_ENTITY, id: row.id, before: row });
	});
}

/**
 * The link watch's one-click fix: `oldUrl` among the update's sources becomes `url`, nothing else
 * changes. Works on a published update too (the only change a published update accepts): it is a
 * public change, audited as the update's "update" and shown in the measure's history.
 */
export async function replaceUpdateSourceUrl(db: Db, actor: Viewer, input: Target & { oldUrl: string; url: string }): Promise<{ changed: boolean }> {
	return db.$transaction(async (tx) => {
		const ref = await writableMeasure(tx, actor, input.measureId);
		const row = await tx.progressUpdate.findUnique({ where: { id: input.updateId } });
		if (!row || row.measureId !== ref.id) throw new NotFoundError();
		if (row.version !== input.version) throw new ConflictError(currentOf(row));
		// Same version but no such source: the form was not ours.
		if (!row.sourceUrls.includes(input.oldUrl)) throw new NotFoundError();
		if (input.url === input.oldUrl) return { changed: false };
		// The new address may already be among the sources: it is then kept once.
		const sourceUrls = [...new Set(row.sourceUrls.map((u) => (u === input.oldUrl ? input.url : u)))];
		const { count } = await tx.progressUpdate.updateMany({ where: { id: row.id, version: row.version }, data: { sourceUrls, version: { increment: 1 } } });
		if (count === 0) throw new ConflictError(currentOf(await tx.progressUpdate.findUniqueOrThrow({ where: { id: row.id } })));
		const saved = await tx.progressUpdate.findUniqueOrThrow({ where: { id: row.id } });
		await audit(tx, ref, { action: 'update', entityType: row.publishedAt ? 'ProgressUpdate' : DRAFT_ENTITY, id: row.id, before: row, after: saved });
		return { changed: true };
	});
}

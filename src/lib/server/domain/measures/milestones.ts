// Milestones of a measure: add, edit, reorder, mark done, re-plan. Re-planning never erases the date
// that was promised: the earlier date goes to MilestoneReplan and stays public ("replanifié").
import type { Db } from '../../db';
import type { Milestone } from '../../db/generated/client';
import { auditActor, recordAudit } from '../../audit';
import type { Viewer } from '../../policies';
import { ConflictError, NotFoundError, RuleError } from '../errors';
import { columnsOf, day, editableMeasure, preciseOf, writableMeasure, type MeasureRef, type Tx } from './editing';
import { todayIso, type PreciseDate } from '../../../domain/dates';
import { claimFormToken, type OneTimeForm } from '../submissions';

export interface MilestoneFields {
	title: string;
	/** English title shown on `/en` pages; null: they show the French one. Not given: left as it is. */
	titleEn?: string | null;
	description: string | null;
	weight: number;
}

export interface MilestoneEditView extends MilestoneFields {
	titleEn: string | null;
	id: string;
	version: number;
	planned: PreciseDate | null;
	doneOn: string | null;
	replans: { previous: PreciseDate | null; at: string; reason: string }[];
}

type Target = { measureId: string; milestoneId: string; version: number };

/** Column layout, like the seed's rows, so the public history reads every event alike. */
function snapshot(m: Milestone) {
	return {
		title: m.title,
		titleEn: m.titleEn,
		description: m.description,
		plannedDate: day(m.plannedDate),
		plannedPrecision: m.plannedPrecision,
		doneOn: day(m.doneOn),
		weight: m.weight,
		position: m.position
	};
}

const currentOf = (m: Milestone) => ({ version: m.version, ...snapshot(m), planned: preciseOf(m.plannedDate, m.plannedPrecision) });

export async function listMilestonesForEdit(db: Db, actor: Viewer, measureId: string): Promise<MilestoneEditView[]> {
	await editableMeasure(db, actor, measureId);
	const rows = await db.milestone.findMany({
		where: { measureId },
		orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
		include: { replans: { orderBy: { at: 'asc' } } }
	});
	return rows.map((m) => ({
		id: m.id,
		version: m.version,
		title: m.title,
		titleEn: m.titleEn,
		description: m.description,
		weight: m.weight,
		planned: preciseOf(m.plannedDate, m.plannedPrecision),
		doneOn: day(m.doneOn),
		replans: m.replans.map((r) => ({ previous: preciseOf(r.previousDate, r.previousPrecision), at: r.at.toISOString(), reason: r.reason }))
	}));
}

/** Loads the milestone inside the transaction; a stale version is a conflict before anything is written. */
async function target(tx: Tx, actor: Viewer, input: Target): Promise<{ ref: MeasureRef & { actor: NonNullable<Viewer> }; row: Milestone }> {
	const ref = await writableMeasure(tx, actor, input.measureId);
	const row = await tx.milestone.findUnique({ where: { id: input.milestoneId } });
	if (!row || row.measureId !== ref.id) throw new NotFoundError();
	if (row.version !== input.version) throw new ConflictError(currentOf(row));
	return { ref, row };
}

async function save(tx: Tx, row: Milestone, data: Partial<Omit<Milestone, 'id' | 'version'>>): Promise<Milestone> {
	const { count } = await tx.milestone.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
	if (count === 0) throw new ConflictError(currentOf((await tx.milestone.findUnique({ where: { id: row.id } })) ?? row));
	return tx.milestone.findUniqueOrThrow({ where: { id: row.id } });
}

/** With the "milestones" method, a milestone done or added changes the figure: its date moves too. */
async function touchMilestoneProgress(tx: Tx, measureId: string, today: string): Promise<void> {
	await tx.measure.updateMany({ where: { id: measureId, progressMethod: 'MILESTONES' }, data: { progressAsOf: new Date(`${today}T00:00:00.000Z`) } });
}

function audit(
	tx: Tx,
	ref: MeasureRef & { actor: NonNullable<Viewer> },
	action: 'create' | 'update' | 'replan',
	id: string,
	before: Milestone | null,
	after: Milestone,
	reason?: string | null
) {
	return recordAudit(tx, auditActor(ref.actor, ref), {
		action,
		entityType: 'Milestone',
		entityId: id,
		planId: ref.planId,
		measureId: ref.id,
		before: before ? snapshot(before) : undefined,
		after: snapshot(after),
		reason
	});
}

export async function addMilestone(
	db: Db,
	actor: Viewer,
	input: MilestoneFields & OneTimeForm & { measureId: string; planned: PreciseDate | null },
	today = todayIso()
): Promise<{ id: string }> {
	return db.$transaction(async (tx) => {
		const ref = await writableMeasure(tx, actor, input.measureId);
		await claimFormToken(tx, actor, input);
		const last = await tx.milestone.aggregate({ where: { measureId: ref.id }, _max: { position: true } });
		const planned = columnsOf(input.planned);
		const created = await tx.milestone.create({
			data: {
				measureId: ref.id,
				title: input.title,
				titleEn: input.titleEn ?? null,
				description: input.description,
				weight: input.weight,
				plannedDate: planned.date,
				plannedPrecision: planned.precision ?? 'DAY',
				position: (last._max.position ?? -1) + 1
			}
		});
		await touchMilestoneProgress(tx, ref.id, today);
		await audit(tx, ref, 'create', created.id, null, created);
		return { id: created.id };
	});
}

/** Title (French and English), description and weight. The planned date changes only through re-planning. */
export async function updateMilestone(db: Db, actor: Viewer, input: Target & MilestoneFields): Promise<{ changed: boolean }> {
	return db.$transaction(async (tx) => {
		const { ref, row } = await target(tx, actor, input);
		const titleEn = input.titleEn === undefined ? row.titleEn : input.titleEn;
		if (row.title === input.title && row.titleEn === titleEn && row.description === input.description && row.weight === input.weight) {
			return { changed: false };
		}
		const saved = await save(tx, row, { title: input.title, titleEn, description: input.description, weight: input.weight });
		await audit(tx, ref, 'update', row.id, row, saved);
		return { changed: true };
	});
}

export async function moveMilestone(db: Db, actor: Viewer, input: Target & { direction: 'up' | 'down' }): Promise<{ changed: boolean }> {
	return db.$transaction(async (tx) => {
		const { ref, row } = await target(tx, actor, input);
		const siblings = await tx.milestone.findMany({
			where: { measureId: ref.id },
			orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }]
		});
		const from = siblings.findIndex((m) => m.id === row.id);
		const to = input.direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= siblings.length) return { changed: false };
		const order = [...siblings];
		[order[from], order[to]] = [order[to]!, order[from]!];
		// Positions are rewritten 0..n-1 so that gaps or ties left by older data cannot block a move.
		let moved = row;
		for (const [position, m] of order.entries()) {
			if (m.id === row.id) moved = await save(tx, row, { position });
			else if (m.position !== position) await tx.milestone.update({ where: { id: m.id }, data: { position } });
		}
		await audit(tx, ref, 'update', row.id, row, moved);
		return { changed: true };
	});
}

/** Marks a milestone done on a day (not in the future), or reopens it with `doneOn = null`. */
export async function setMilestoneDone(db: Db, actor: Viewer, input: Target & { doneOn: string | null }, today = todayIso()): Promise<{ changed: boolean }> {
	return db.$transaction(async (tx) => {
		const { ref, row } = await target(tx, actor, input);
		if (input.doneOn && input.doneOn > today) throw new RuleError('editing.errors.doneInFuture', 'doneOn');
		if (day(row.doneOn) === input.doneOn) return { changed: false };
		const saved = await save(tx, row, { doneOn: input.doneOn ? new Date(`${input.doneOn}T00:00:00.000Z`) : null });
		await touchMilestoneProgress(tx, ref.id, today);
		await audit(tx, ref, 'update', row.id, row, saved);
		return { changed: true };
	});
}

/** New planned date with a reason; the earlier date is kept. An undated milestone is simply dated. */
export async function replanMilestone(db: Db, actor: Viewer, input: Target & { planned: PreciseDate; reason: string }): Promise<{ changed: boolean }> {
	return db.$transaction(async (tx) => {
		const { ref, row } = await target(tx, actor, input);
		const previous = preciseOf(row.plannedDate, row.plannedPrecision);
		if (previous && previous.start === input.planned.start && previous.precision === input.planned.precision) {
			throw new RuleError('editing.errors.sameDate', 'planned');
		}
		const next = columnsOf(input.planned);
		if (previous) {
			await tx.milestoneReplan.create({
				data: {
					milestoneId: row.id,
					previousDate: row.plannedDate,
					previousPrecision: row.plannedPrecision,
					newDate: next.date,
					newPrecision: input.planned.precision,
					reason: input.reason,
					actorId: ref.actor.id
				}
			});
		}
		const saved = await save(tx, row, { plannedDate: next.date, plannedPrecision: input.planned.precision });
		await audit(tx, ref, previous ? 'replan' : 'update', row.id, row, saved, input.reason);
		return { changed: true };
	});
}

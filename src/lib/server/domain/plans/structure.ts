// Editing a plan's structure (issue 11): axes (add, rename, move up or down) and measures (add, move
// to another axis with a new number, retire, reinstate). Admins only (canManagePlan). A measure is
// never deleted and never changes number silently: a move names the new number it was confirmed
// with, and the old one is kept as a redirect (MeasureNumberRedirect) that no other measure may take.
// Every write runs in one transaction that first locks the plan's row, so that two structure changes
// of a plan never pick the same number, and writes audit events whose before/after keys (`axisId`,
// `number`, `position`, `retiredOn`, `title`…) are the ones time travel reads back.
import type { Db } from '../../db';
import type { Prisma } from '../../db/generated/client';
import { auditActor, recordAudit } from '../../audit';
import { canManagePlan, type Actor, type Viewer } from '../../policies';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors';
import { requireWritablePlan } from './writable';
import { claimFormToken, type OneTimeForm } from '../submissions';
import { nextAxisNumber, nextMeasureNumber, swapNeighbour, type Direction } from '../../../domain/structure';
import { todayIso, toIsoDayOrNull } from '../../../domain/dates';

type Tx = Prisma.TransactionClient;

export interface AxisTitles {
	title: string;
	titleEn: string | null;
}

export interface StructureMeasure {
	id: string;
	number: string;
	title: string;
	version: number;
	retiredOn: string | null;
	retirementReason: string | null;
	leadOwner: { code: string; name: string };
	/** Former numbers, which redirect here. */
	formerNumbers: string[];
}

export interface StructureAxis extends AxisTitles {
	id: string;
	number: number;
	position: number;
	version: number;
	measures: StructureMeasure[];
}

export interface PlanStructure {
	plan: { id: string; slug: string; title: string };
	axes: StructureAxis[];
	/** Every team, for the lead and contributors of a new measure. */
	owners: { id: string; code: string; name: string }[];
}

export interface MoveProposal {
	measure: { id: string; number: string; title: string; version: number };
	from: { number: number; title: string };
	to: { id: string; number: number; title: string };
	/** The number the measure will have in the target axis; the confirmation posts it back. */
	newNumber: string;
}

function requireAdmin(actor: Viewer): Actor {
	if (!actor || !canManagePlan(actor)) throw new ForbiddenError();
	return actor;
}

/**
 * The plan of the URL, its row locked until the transaction ends (structure writes queue per plan);
 * an archived plan's structure is read-only like the rest of it.
 */
async function lockedPlan(tx: Tx, slug: string): Promise<{ id: string }> {
	const plan = await tx.plan.findUnique({ where: { slug }, select: { id: true } });
	if (!plan) throw new NotFoundError();
	await requireWritablePlan(tx, plan.id, { forUpdate: true });
	return plan;
}

async function axisOfPlan(tx: Tx, planId: string, axisId: string) {
	const axis = await tx.axis.findUnique({ where: { id: axisId } });
	if (!axis || axis.planId !== planId) throw new NotFoundError();
	return axis;
}

async function measureOfPlan(tx: Tx, planId: string, measureId: string) {
	const measure = await tx.measure.findUnique({ where: { id: measureId }, include: { axis: { select: { number: true, title: true } } } });
	if (!measure || measure.planId !== planId) throw new NotFoundError();
	return measure;
}

/** Every number the plan's measures have or had: none of them is given again. */
async function takenNumbers(tx: Tx, planId: string): Promise<string[]> {
	// One after the other: a transaction is one connection, which runs one query at a time (pg 9 refuses more).
	const current = await tx.measure.findMany({ where: { planId }, select: { number: true } });
	const former = await tx.measureNumberRedirect.findMany({ where: { planId }, select: { oldNumber: true } });
	return [...current.map((m) => m.number), ...former.map((r) => r.oldNumber)];
}

async function newNumberIn(tx: Tx, planId: string, axisNumber: number): Promise<string> {
	const number = nextMeasureNumber(axisNumber, await takenNumbers(tx, planId));
	if (!number) throw new RuleError('structure.errors.axisFull', 'axisId');
	return number;
}

/** A unique index refused the write: someone changed the structure in the meantime. */
function uniqueRace(error: unknown): never {
	if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002') throw new ConflictError(null);
	throw error;
}

const retiredOf = (m: { retiredOn: Date | null; retirementReason: string | null }) => ({ retiredOn: toIsoDayOrNull(m.retiredOn), retirementReason: m.retirementReason });

export async function getPlanStructure(db: Db, actor: Viewer, slug: string): Promise<PlanStructure> {
	requireAdmin(actor);
	const plan = await db.plan.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
	if (!plan) throw new NotFoundError();
	const [axes, owners] = await Promise.all([
		db.axis.findMany({
			where: { planId: plan.id },
			orderBy: [{ position: 'asc' }, { number: 'asc' }],
			include: {
				measures: {
					orderBy: [{ position: 'asc' }, { id: 'asc' }],
					select: {
						id: true,
						number: true,
						title: true,
						version: true,
						retiredOn: true,
						retirementReason: true,
						leadOwner: { select: { code: true, name: true } },
						formerNumbers: { select: { oldNumber: true }, orderBy: { createdAt: 'asc' } }
					}
				}
			}
		}),
		db.owner.findMany({ orderBy: { name: 'asc' }, select: { id: true, code: true, name: true } })
	]);
	return {
		plan,
		owners,
		axes: axes.map((a) => ({
			id: a.id,
			number: a.number,
			title: a.title,
			titleEn: a.titleEn,
			position: a.position,
			version: a.version,
			measures: a.measures.map(({ formerNumbers, retiredOn, retirementReason, ...m }) => ({
				...m,
				...retiredOf({ retiredOn, retirementReason }),
				formerNumbers: formerNumbers.map((f) => f.oldNumber)
			}))
		}))
	};
}

export async function addAxis(db: Db, actor: Viewer, input: AxisTitles & OneTimeForm & { slug: string }): Promise<{ id: string; number: number }> {
	const admin = requireAdmin(actor);
	return db
		.$transaction(async (tx) => {
			const plan = await lockedPlan(tx, input.slug);
			await claimFormToken(tx, admin, input);
			const axes = await tx.axis.findMany({ where: { planId: plan.id }, select: { number: true, position: true } });
			const number = nextAxisNumber(axes.map((a) => a.number));
			const position = axes.reduce((max, a) => Math.max(max, a.position), 0) + 1;
			const created = await tx.axis.create({ data: { planId: plan.id, number, position, title: input.title, titleEn: input.titleEn } });
			await recordAudit(tx, auditActor(admin), {
				action: 'create',
				entityType: 'Axis',
				entityId: created.id,
				planId: plan.id,
				after: { number, position, title: input.title, titleEn: input.titleEn }
			});
			return { id: created.id, number };
		})
		.catch(uniqueRace);
}

/** Renames an axis loaded at `version`; its number and its measures' numbers do not change. */
export async function renameAxis(db: Db, actor: Viewer, input: AxisTitles & { slug: string; axisId: string; version: number }): Promise<{ changed: boolean }> {
	const admin = requireAdmin(actor);
	return db.$transaction(async (tx) => {
		const plan = await lockedPlan(tx, input.slug);
		const axis = await axisOfPlan(tx, plan.id, input.axisId);
		const before: AxisTitles = { title: axis.title, titleEn: axis.titleEn };
		if (axis.version !== input.version) throw new ConflictError({ version: axis.version, ...before });
		const after: AxisTitles = { title: input.title, titleEn: input.titleEn };
		if (after.title === before.title && after.titleEn === before.titleEn) return { changed: false };
		await tx.axis.update({ where: { id: axis.id }, data: { ...after, version: { increment: 1 } } });
		await recordAudit(tx, auditActor(admin), { action: 'update', entityType: 'Axis', entityId: axis.id, planId: plan.id, before, after });
		return { changed: true };
	});
}

/**
 * Swaps an axis with its neighbour in the plan's order. Only positions change (numbers stay).
 * `position` is where the form saw the axis: if it moved since, the click meant something else.
 */
export async function moveAxis(db: Db, actor: Viewer, input: { slug: string; axisId: string; direction: Direction; position: number }): Promise<{ changed: boolean }> {
	const admin = requireAdmin(actor);
	return db.$transaction(async (tx) => {
		const plan = await lockedPlan(tx, input.slug);
		await axisOfPlan(tx, plan.id, input.axisId);
		const axes = await tx.axis.findMany({ where: { planId: plan.id }, orderBy: [{ position: 'asc' }, { number: 'asc' }], select: { id: true, position: true } });
		const stored = axes.find((a) => a.id === input.axisId)!;
		if (stored.position !== input.position) throw new ConflictError({ position: stored.position });
		const swap = swapNeighbour(axes, input.axisId, input.direction);
		if (!swap) throw new RuleError(input.direction === 'up' ? 'structure.errors.alreadyFirst' : 'structure.errors.alreadyLast');
		const { axis, neighbour } = swap;
		// Two axes may share a position (older data): the swap still orders them as shown.
		const [a, b] = axis.position === neighbour.position ? [neighbour.position + (input.direction === 'up' ? -1 : 1), axis.position] : [neighbour.position, axis.position];
		await tx.axis.update({ where: { id: axis.id }, data: { position: a } });
		await tx.axis.update({ where: { id: neighbour.id }, data: { position: b } });
		const audit = auditActor(admin);
		await recordAudit(tx, audit, { action: 'update', entityType: 'Axis', entityId: axis.id, planId: plan.id, before: { position: axis.position }, after: { position: a } });
		await recordAudit(tx, audit, {
			action: 'update',
			entityType: 'Axis',
			entityId: neighbour.id,
			planId: plan.id,
			before: { position: neighbour.position },
			after: { position: b }
		});
		return { changed: true };
	});
}

export interface NewMeasure {
	slug: string;
	axisId: string;
	title: string;
	titleEn: string | null;
	description: string;
	leadOwnerId: string;
	contributorOwnerIds: string[];
}

/** Adds a measure at the end of an axis, numbered `<axis>.<next free>`. */
export async function addMeasure(db: Db, actor: Viewer, input: NewMeasure & OneTimeForm): Promise<{ id: string; number: string }> {
	const admin = requireAdmin(actor);
	return db
		.$transaction(async (tx) => {
			const plan = await lockedPlan(tx, input.slug);
			await claimFormToken(tx, admin, input);
			const axis = await axisOfPlan(tx, plan.id, input.axisId);
			const contributorOwnerIds = [...new Set(input.contributorOwnerIds)].filter((id) => id !== input.leadOwnerId).sort();
			const known = await tx.owner.count({ where: { id: { in: [input.leadOwnerId, ...contributorOwnerIds] } } });
			if (known !== contributorOwnerIds.length + 1) throw new RuleError('structure.errors.unknownOwner', 'leadOwnerId');
			const number = await newNumberIn(tx, plan.id, axis.number);
			const last = await tx.measure.aggregate({ where: { axisId: axis.id }, _max: { position: true } });
			const position = (last._max.position ?? 0) + 1;
			const fields = { axisId: axis.id, number, position, title: input.title, titleEn: input.titleEn, description: input.description, leadOwnerId: input.leadOwnerId };
			const created = await tx.measure.create({ data: { ...fields, planId: plan.id, subActions: [] } });
			if (contributorOwnerIds.length > 0) await tx.measureContributor.createMany({ data: contributorOwnerIds.map((ownerId) => ({ measureId: created.id, ownerId })) });
			await recordAudit(tx, auditActor(admin), {
				action: 'create',
				entityType: 'Measure',
				entityId: created.id,
				planId: plan.id,
				measureId: created.id,
				after: { ...fields, contributorOwnerIds, retiredOn: null, retirementReason: null }
			});
			return { id: created.id, number };
		})
		.catch(uniqueRace);
}

/** What moving a measure to another axis would do: read only, shown for confirmation. */
export async function proposeMove(db: Db, actor: Viewer, input: { slug: string; measureId: string; toAxisId: string }): Promise<MoveProposal> {
	requireAdmin(actor);
	return db.$transaction(async (tx) => {
		const plan = await tx.plan.findUnique({ where: { slug: input.slug }, select: { id: true } });
		if (!plan) throw new NotFoundError();
		const measure = await measureOfPlan(tx, plan.id, input.measureId);
		const to = await axisOfPlan(tx, plan.id, input.toAxisId);
		if (to.id === measure.axisId) throw new RuleError('structure.errors.sameAxis', 'toAxisId');
		if (measure.retiredOn) throw new RuleError('structure.errors.retired');
		return {
			measure: { id: measure.id, number: measure.number, title: measure.title, version: measure.version },
			from: { number: measure.axis.number, title: measure.axis.title },
			to: { id: to.id, number: to.number, title: to.title },
			newNumber: await newNumberIn(tx, plan.id, to.number)
		};
	});
}

/**
 * Moves a measure to another axis under the number the admin confirmed. If that is no longer the
 * number it would get (someone added or moved a measure meanwhile), nothing is written: a 409, and
 * the admin confirms the new proposal. The old number redirects to the measure from then on.
 */
export async function moveMeasure(
	db: Db,
	actor: Viewer,
	input: { slug: string; measureId: string; toAxisId: string; version: number; newNumber: string }
): Promise<{ number: string }> {
	const admin = requireAdmin(actor);
	return db
		.$transaction(async (tx) => {
			const plan = await lockedPlan(tx, input.slug);
			const measure = await measureOfPlan(tx, plan.id, input.measureId);
			const to = await axisOfPlan(tx, plan.id, input.toAxisId);
			if (to.id === measure.axisId) throw new RuleError('structure.errors.sameAxis', 'toAxisId');
			if (measure.retiredOn) throw new RuleError('structure.errors.retired');
			if (measure.version !== input.version) throw new ConflictError({ version: measure.version, number: measure.number });
			const number = await newNumberIn(tx, plan.id, to.number);
			if (number !== input.newNumber) throw new ConflictError({ version: measure.version, number: measure.number, newNumber: number });
			const last = await tx.measure.aggregate({ where: { axisId: to.id }, _max: { position: true } });
			const position = (last._max.position ?? 0) + 1;
			const { count } = await tx.measure.updateMany({
				where: { id: measure.id, version: input.version },
				data: { axisId: to.id, number, position, version: { increment: 1 } }
			});
			if (count === 0) throw new ConflictError({ version: measure.version, number: measure.number });
			await tx.measureNumberRedirect.create({ data: { planId: plan.id, oldNumber: measure.number, measureId: measure.id } });
			await recordAudit(tx, auditActor(admin), {
				action: 'update',
				entityType: 'Measure',
				entityId: measure.id,
				planId: plan.id,
				measureId: measure.id,
				before: { axisId: measure.axisId, number: measure.number, position: measure.position },
				after: { axisId: to.id, number, position }
			});
			return { number };
		})
		.catch(uniqueRace);
}

/** Retires a measure today, with the reason the public will read. It stays, read-only, at its number. */
type Retirement = { retiredOn: string | null; retirementReason: string | null };

/**
 * Retires or reinstates a measure loaded at `version`, in the caller's transaction: the versioned write
 * and its audit event, whose before/after time travel reads.
 */
async function setRetirement(
	tx: Tx,
	admin: Actor,
	planId: string,
	measure: Awaited<ReturnType<typeof measureOfPlan>>,
	version: number,
	after: Retirement,
	reason?: string
): Promise<void> {
	if (measure.version !== version) throw new ConflictError({ version: measure.version });
	const { count } = await tx.measure.updateMany({
		where: { id: measure.id, version },
		data: { retiredOn: after.retiredOn ? new Date(`${after.retiredOn}T00:00:00.000Z`) : null, retirementReason: after.retirementReason, version: { increment: 1 } }
	});
	if (count === 0) throw new ConflictError({ version: measure.version });
	await recordAudit(tx, auditActor(admin), {
		action: 'update',
		entityType: 'Measure',
		entityId: measure.id,
		planId,
		measureId: measure.id,
		before: retiredOf(measure),
		after,
		...(reason === undefined ? {} : { reason })
	});
}

export async function retireMeasure(db: Db, actor: Viewer, input: { slug: string; measureId: string; version: number; reason: string }): Promise<{ retiredOn: string }> {
	const admin = requireAdmin(actor);
	return db.$transaction(async (tx) => {
		const plan = await lockedPlan(tx, input.slug);
		const measure = await measureOfPlan(tx, plan.id, input.measureId);
		if (measure.retiredOn) throw new RuleError('structure.errors.alreadyRetired');
		const retiredOn = todayIso();
		await setRetirement(tx, admin, plan.id, measure, input.version, { retiredOn, retirementReason: input.reason }, input.reason);
		return { retiredOn };
	});
}

/** Undoes a retirement: the measure is part of the plan again from today (its past stays retired). */
export async function reinstateMeasure(db: Db, actor: Viewer, input: { slug: string; measureId: string; version: number }): Promise<{ changed: boolean }> {
	const admin = requireAdmin(actor);
	return db.$transaction(async (tx) => {
		const plan = await lockedPlan(tx, input.slug);
		const measure = await measureOfPlan(tx, plan.id, input.measureId);
		if (!measure.retiredOn) throw new RuleError('structure.errors.notRetired');
		await setRetirement(tx, admin, plan.id, measure, input.version, { retiredOn: null, retirementReason: null });
		return { changed: true };
	});
}

/** The number a measure has now, when `oldNumber` is one it had before a move; null otherwise. */
export async function currentNumberOf(db: Db, slug: string, oldNumber: string): Promise<string | null> {
	const redirect = await db.measureNumberRedirect.findFirst({
		where: { oldNumber, measure: { plan: { slug } } },
		select: { measure: { select: { number: true } } }
	});
	return redirect?.measure.number ?? null;
}

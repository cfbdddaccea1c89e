// What became of a measure in newer plans ($lib/domain/succession has the rule). Admins record and
// remove successions from the older measure's editing page; both measures' public pages, the API and
// the open data show them. Each write runs in one transaction with its audit event, and moves the
// public pages' content version (public-changes.ts).
import type { Db } from '../../db';
import { auditActor, recordAudit } from '../../audit';
import { canManagePlan, type Viewer } from '../../policies';
import { ForbiddenError, NotFoundError, RuleError } from '../errors';
import { successionProblem, type SuccessionKind } from '../../../domain/succession';
import type { DbOrTx } from './editing';
import { claimFormToken, type OneTimeForm } from '../submissions';

export interface SuccessionLink {
	id: string;
	kind: SuccessionKind;
	reason: string | null;
	/** The other measure (null for an abandonment). */
	measure: { number: string; title: string; titleEn: string | null; plan: { slug: string; title: string; titleEn: string | null } } | null;
}

export interface Successions {
	/** What this measure became in newer plans. */
	successors: SuccessionLink[];
	/** The measures of older plans this one goes on from. */
	predecessors: SuccessionLink[];
}

const otherMeasure = { select: { number: true, title: true, titleEn: true, plan: { select: { slug: true, title: true, titleEn: true } } } } as const;

/**
 * The measure's successions. A link to a measure of a draft plan is left out unless `withDrafts`
 * (signed-in readers and the editing page): a draft appears nowhere public, not even as a title.
 */
export async function successionsOf(db: DbOrTx, measureId: string, options: { withDrafts?: boolean } = {}): Promise<Successions> {
	const publicPlan = options.withDrafts ? {} : { plan: { status: { not: 'DRAFT' as const } } };
	const [successors, predecessors] = await Promise.all([
		db.measureSuccession.findMany({
			where: { measureId, ...(options.withDrafts ? {} : { OR: [{ successorId: null }, { successor: publicPlan }] }) },
			orderBy: { createdAt: 'asc' },
			include: { successor: otherMeasure }
		}),
		db.measureSuccession.findMany({ where: { successorId: measureId, measure: publicPlan }, orderBy: { createdAt: 'asc' }, include: { measure: otherMeasure } })
	]);
	return {
		successors: successors.map((s) => ({ id: s.id, kind: s.kind, reason: s.reason, measure: s.successor })),
		predecessors: predecessors.map((s) => ({ id: s.id, kind: s.kind, reason: s.reason, measure: s.measure }))
	};
}

/** The measures a successor may be chosen from: those of the other plans, plan by plan. */
export async function successorChoices(db: Db, measureId: string): Promise<{ id: string; label: string }[]> {
	const measure = await db.measure.findUnique({ where: { id: measureId }, select: { planId: true } });
	if (!measure) throw new NotFoundError();
	const rows = await db.measure.findMany({
		where: { planId: { not: measure.planId } },
		orderBy: [{ plan: { slug: 'asc' } }, { position: 'asc' }],
		select: { id: true, number: true, title: true, plan: { select: { title: true } } }
	});
	return rows.map((m) => ({ id: m.id, label: `${m.plan.title} – ${m.number} ${m.title}` }));
}

function requireManager(actor: Viewer) {
	if (!actor || !canManagePlan(actor)) throw new ForbiddenError();
	return actor;
}

export async function addSuccession(
	db: Db,
	actor: Viewer,
	input: { measureId: string; kind: SuccessionKind; successorId: string | null; reason: string | null } & OneTimeForm
): Promise<{ id: string }> {
	const admin = requireManager(actor);
	return db.$transaction(async (tx) => {
		await claimFormToken(tx, admin, input);
		const measure = await tx.measure.findUnique({ where: { id: input.measureId }, select: { id: true, planId: true } });
		if (!measure) throw new NotFoundError();
		const successor = input.successorId ? await tx.measure.findUnique({ where: { id: input.successorId }, select: { id: true, planId: true } }) : null;
		if (input.successorId && !successor) throw new RuleError('editing.successions.errors.successorRequired', 'successorId');
		// Locked, so that two admins cannot record an abandonment and a continuation at once.
		await tx.$executeRaw`SELECT 1 FROM "Measure" WHERE "id" = ${measure.id} FOR UPDATE`;
		const existing = await tx.measureSuccession.findMany({ where: { measureId: measure.id }, select: { kind: true, successorId: true } });
		const problem = successionProblem(measure.planId, { kind: input.kind, successor, reason: input.reason }, existing);
		if (problem) throw new RuleError(`editing.successions.errors.${problem.key}`, problem.field);
		const created = await tx.measureSuccession.create({ data: { measureId: measure.id, successorId: successor?.id ?? null, kind: input.kind, reason: input.reason } });
		await recordAudit(tx, auditActor(admin), {
			action: 'create',
			entityType: 'MeasureSuccession',
			entityId: created.id,
			planId: measure.planId,
			measureId: measure.id,
			after: { kind: created.kind, successorId: created.successorId, reason: created.reason }
		});
		return { id: created.id };
	});
}

export async function removeSuccession(db: Db, actor: Viewer, input: { measureId: string; successionId: string } & OneTimeForm): Promise<void> {
	const admin = requireManager(actor);
	await db.$transaction(async (tx) => {
		// Posted twice, the second removal is "already sent" rather than "not found".
		await claimFormToken(tx, admin, input);
		const row = await tx.measureSuccession.findUnique({ where: { id: input.successionId }, include: { measure: { select: { planId: true } } } });
		if (!row || row.measureId !== input.measureId) throw new NotFoundError();
		await tx.measureSuccession.delete({ where: { id: row.id } });
		await recordAudit(tx, auditActor(admin), {
			action: 'delete',
			entityType: 'MeasureSuccession',
			entityId: row.id,
			planId: row.measure.planId,
			measureId: row.measureId,
			before: { kind: row.kind, successorId: row.successorId, reason: row.reason }
		});
	});
}

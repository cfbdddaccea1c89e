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

interface SuccessionRow {
	side: 'successor' | 'predecessor';
	id: string;
	kind: SuccessionKind;
	reason: string | null;
	number: string | null;
	title: string | null;
	titleEn: string | null;
	slug: string | null;
	planTitle: string | null;
	planTitleEn: string | null;
}

/**
 * The measure's successions. A link to a measure of a draft plan is left out unless `withDrafts`
 * (signed-in readers and the editing page): a draft appears nowhere public, not even as a title.
 * One statement for both directions: Prisma's nested includes sent six, even for a measure with
 * none (most of them), and this read is rebuilt after each save of the measure (read-models/public.ts).
 */
export async function successionsOf(db: DbOrTx, measureId: string, options: { withDrafts?: boolean } = {}): Promise<Successions> {
	const withDrafts = options.withDrafts === true;
	const rows = await db.$queryRaw<SuccessionRow[]>`
		SELECT 'successor' AS side, s."id", s."kind"::text AS kind, s."reason", s."createdAt",
			o."number", o."title", o."titleEn", p."slug", p."title" AS "planTitle", p."titleEn" AS "planTitleEn"
		FROM "MeasureSuccession" s
		LEFT JOIN "Measure" o ON o."id" = s."successorId"
		LEFT JOIN "Plan" p ON p."id" = o."planId"
		WHERE s."measureId" = ${measureId} AND (${withDrafts} OR s."successorId" IS NULL OR p."status" <> 'DRAFT')
		UNION ALL
		SELECT 'predecessor', s."id", s."kind"::text, s."reason", s."createdAt",
			o."number", o."title", o."titleEn", p."slug", p."title", p."titleEn"
		FROM "MeasureSuccession" s
		JOIN "Measure" o ON o."id" = s."measureId"
		JOIN "Plan" p ON p."id" = o."planId"
		WHERE s."successorId" = ${measureId} AND (${withDrafts} OR p."status" <> 'DRAFT')
		ORDER BY "createdAt" ASC, "id" ASC`;
	const link = (r: SuccessionRow): SuccessionLink => ({
		id: r.id,
		kind: r.kind,
		reason: r.reason,
		measure:
			r.number === null || r.title === null || r.slug === null || r.planTitle === null
				? null
				: { number: r.number, title: r.title, titleEn: r.titleEn, plan: { slug: r.slug, title: r.planTitle, titleEn: r.planTitleEn } }
	});
	return {
		successors: rows.filter((r) => r.side === 'successor').map(link),
		predecessors: rows.filter((r) => r.side === 'predecessor').map(link)
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

// Reporting rounds: create and edit a draft, submit it to the council (every measure frozen into a
// snapshot), publish it (then nothing of the round changes). Every write is one transaction with its
// audit event; a stale form (version) is a conflict and writes nothing.
import type { Db } from '../../db';
import type { Prisma, ReportRound } from '../../db/generated/client';
import { auditActor, recordAudit } from '../../audit';
import { canCreateReportRound, canEditReportRound, canManagePlan, canPublishReportRound, canSubmitReportRound, type Actor, type Viewer } from '../../policies';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors';
import { requireWritablePlan } from '../plans/writable';
import { liveEntries } from './entries';
import { settleAdoptions } from './opinions';
import { notifyCouncil } from '../notifications/council';
import { REPORT_SECTION_KEYS, type ReportSections } from '../../../domain/report-snapshot';
import { toIsoDay } from '../../../domain/dates';
import { claimFormToken, type OneTimeForm } from '../submissions';

type Tx = Prisma.TransactionClient;

export interface RoundFields {
	title: string;
	periodStart: string;
	periodEnd: string;
	sections: ReportSections;
}

const asDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

export function sectionsOf(value: unknown): ReportSections {
	const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
	return Object.fromEntries(REPORT_SECTION_KEYS.map((k) => [k, typeof raw[k] === 'string' ? raw[k] : ''])) as ReportSections;
}

function fieldsOf(round: ReportRound) {
	return { title: round.title, periodStart: toIsoDay(round.periodStart), periodEnd: toIsoDay(round.periodEnd), sections: sectionsOf(round.sections), status: round.status };
}

/** The stored values of a round, as the conflict table shows them. */
export const roundCurrent = (round: ReportRound) => ({ version: round.version, ...fieldsOf(round) });

function checkPeriod(fields: { periodStart: string; periodEnd: string }) {
	if (fields.periodEnd < fields.periodStart) throw new RuleError('reports.errors.periodOrder', 'periodEnd');
}

/** One round per title and period (a unique index backs this check against two creations at once). */
async function checkUnique(tx: Tx, planId: string, fields: { title: string; periodStart: string; periodEnd: string }, exceptId?: string) {
	const twin = await tx.reportRound.findFirst({
		where: { planId, title: fields.title, periodStart: asDate(fields.periodStart), periodEnd: asDate(fields.periodEnd), ...(exceptId ? { id: { not: exceptId } } : {}) },
		select: { id: true }
	});
	if (twin) throw new RuleError('reports.errors.duplicateRound', 'title');
}

/** The unique index refused the write: another request created the same round in the meantime. */
function duplicateRace(error: unknown): never {
	if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002') throw new RuleError('reports.errors.duplicateRound', 'title');
	throw error;
}

export async function createRound(db: Db, actor: Viewer, input: RoundFields & OneTimeForm & { planSlug: string }): Promise<{ id: string }> {
	if (!actor || !canCreateReportRound(actor)) throw new ForbiddenError();
	checkPeriod(input);
	return db
		.$transaction(async (tx) => {
			await claimFormToken(tx, actor, input);
			const plan = await tx.plan.findUnique({ where: { slug: input.planSlug }, select: { id: true } });
			if (!plan) throw new NotFoundError();
			await requireWritablePlan(tx, plan.id);
			await checkUnique(tx, plan.id, input);
			const round = await tx.reportRound.create({
				data: { planId: plan.id, title: input.title, periodStart: asDate(input.periodStart), periodEnd: asDate(input.periodEnd), sections: input.sections }
			});
			await recordAudit(tx, auditActor(actor), { action: 'create', entityType: 'ReportRound', entityId: round.id, planId: plan.id, after: fieldsOf(round) });
			return { id: round.id };
		})
		.catch(duplicateRace);
}

/** Loads the round in the transaction; refuses forbidden actors and stale versions before any write. */
async function target(
	tx: Tx,
	actor: Viewer,
	roundId: string,
	version: number,
	allowed: (a: Actor, r: { status: ReportRound['status'] }) => boolean,
	expected: ReportRound['status']
): Promise<{ actor: Actor; round: ReportRound }> {
	const round = await tx.reportRound.findUnique({ where: { id: roundId } });
	if (!round) throw new NotFoundError();
	// Who may act is judged on the status the action expects; a round that moved on is then a rule error.
	if (!actor || !allowed(actor, { status: expected })) throw new ForbiddenError();
	await requireWritablePlan(tx, round.planId);
	if (round.status !== expected) throw new RuleError(expected === 'DRAFT' ? 'reports.errors.frozen' : 'reports.errors.notSubmitted');
	if (round.version !== version) throw new ConflictError(roundCurrent(round));
	return { actor, round };
}

async function save(tx: Tx, round: ReportRound, data: Prisma.ReportRoundUpdateManyMutationInput): Promise<ReportRound> {
	const { count } = await tx.reportRound.updateMany({ where: { id: round.id, version: round.version }, data: { ...data, version: { increment: 1 } } });
	if (count === 0) throw new ConflictError(roundCurrent((await tx.reportRound.findUnique({ where: { id: round.id } })) ?? round));
	return tx.reportRound.findUniqueOrThrow({ where: { id: round.id } });
}

export async function updateRound(db: Db, actor: Viewer, input: RoundFields & { roundId: string; version: number }): Promise<{ changed: boolean }> {
	checkPeriod(input);
	return db
		.$transaction(async (tx) => {
			const { actor: who, round } = await target(tx, actor, input.roundId, input.version, canEditReportRound, 'DRAFT');
			const before = fieldsOf(round);
			if (
				JSON.stringify({ ...before, status: undefined }) ===
				JSON.stringify({ title: input.title, periodStart: input.periodStart, periodEnd: input.periodEnd, sections: input.sections, status: undefined })
			) {
				return { changed: false };
			}
			await checkUnique(tx, round.planId, input, round.id);
			const saved = await save(tx, round, { title: input.title, periodStart: asDate(input.periodStart), periodEnd: asDate(input.periodEnd), sections: input.sections });
			await recordAudit(tx, auditActor(who), { action: 'update', entityType: 'ReportRound', entityId: round.id, planId: round.planId, before, after: fieldsOf(saved) });
			return { changed: true };
		})
		.catch(duplicateRace);
}

/** Submits the round to the council: every measure of the plan is frozen as it stands now. */
export async function submitRound(db: Db, actor: Viewer, input: { roundId: string; version: number }, now = new Date()): Promise<void> {
	await db.$transaction(async (tx) => {
		const { actor: who, round } = await target(tx, actor, input.roundId, input.version, canSubmitReportRound, 'DRAFT');
		const entries = await liveEntries(tx, round.planId, round.periodStart, round.periodEnd);
		const saved = await save(tx, round, { status: 'SUBMITTED', submittedAt: now });
		await tx.reportSnapshot.createMany({
			data: entries.map((entry, position) => ({ roundId: round.id, measureId: entry.measureId, number: entry.number, position, data: entry as unknown as Prisma.InputJsonValue }))
		});
		await recordAudit(tx, auditActor(who), {
			action: 'update',
			entityType: 'ReportRound',
			entityId: round.id,
			planId: round.planId,
			before: { status: round.status },
			after: { status: saved.status, submittedAt: now, measures: entries.length },
			reason: 'submitted'
		});
		await notifyCouncil(tx, { roundId: round.id, kind: 'REPORT_SUBMITTED', excludeUserId: who.id, now });
	});
}

/** Makes the round public for good. */
export async function publishRound(db: Db, actor: Viewer, input: { roundId: string; version: number }, now = new Date()): Promise<void> {
	await db.$transaction(async (tx) => {
		const { actor: who, round } = await target(tx, actor, input.roundId, input.version, canPublishReportRound, 'SUBMITTED');
		const saved = await save(tx, round, { status: 'PUBLISHED', publishedAt: now });
		await recordAudit(tx, auditActor(who), {
			action: 'publish',
			entityType: 'ReportRound',
			entityId: round.id,
			planId: round.planId,
			before: { status: round.status },
			after: { status: saved.status, publishedAt: now }
		});
		await notifyCouncil(tx, { roundId: round.id, kind: 'REPORT_PUBLISHED', excludeUserId: who.id, now });
	});
}

/** The plan's quorum for adopting council opinions (null: half of the ecosystem members, rounded up). Admins only. */
export async function setCouncilQuorum(db: Db, actor: Viewer, input: { planSlug: string; version: number; quorum: number | null }): Promise<{ changed: boolean }> {
	if (!actor || !canManagePlan(actor)) throw new ForbiddenError();
	return db.$transaction(async (tx) => {
		const plan = await tx.plan.findUnique({ where: { slug: input.planSlug }, select: { id: true, version: true, councilQuorum: true } });
		if (!plan) throw new NotFoundError();
		await requireWritablePlan(tx, plan.id, { forUpdate: true });
		if (plan.version !== input.version) throw new ConflictError({ version: plan.version, quorum: plan.councilQuorum });
		if (plan.councilQuorum === input.quorum) return { changed: false };
		const { count } = await tx.plan.updateMany({ where: { id: plan.id, version: plan.version }, data: { councilQuorum: input.quorum, version: { increment: 1 } } });
		if (count === 0) throw new ConflictError({ version: plan.version, quorum: plan.councilQuorum });
		await recordAudit(tx, auditActor(actor), {
			action: 'update',
			entityType: 'Plan',
			entityId: plan.id,
			planId: plan.id,
			before: { councilQuorum: plan.councilQuorum },
			after: { councilQuorum: input.quorum }
		});
		await settleAdoptions(tx, auditActor(actor));
		return { changed: true };
	});
}

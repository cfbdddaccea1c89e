// CLL council opinions (avis) on a round: draft, vote, adoption (domain/adoption.ts), DINUM's
// response, the secretariat's decision to publish or keep private, and the completion grades.
// Every write is one transaction with its audit event.
import type { Db } from '../../db';
import type { Opinion, Prisma } from '../../db/generated/client';
import { auditActor, recordAudit, type AuditActor } from '../../audit';
import {
	canDecideOpinionPublication,
	canDraftOpinion,
	canEditOpinion,
	canGradeMeasures,
	canManageUsers,
	canRespondToOpinion,
	canVoteOnOpinion,
	type CouncilFlags,
	type OpinionState,
	type Viewer
} from '../../policies';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors';
import { requireWritablePlan } from '../plans/writable';
import { tallyVotes, type AdoptionTally, type VoteChoice } from '../../../domain/adoption';
import { toIsoDay } from '../../../domain/dates';
import type { CompletionGrade } from '../../../domain/report-snapshot';
import { claimFormToken, type OneTimeForm } from '../submissions';

type Tx = Prisma.TransactionClient;
type DbOrTx = Db | Tx;

export function opinionState(o: Pick<Opinion, 'publish' | 'adoptedAt'>): OpinionState {
	if (o.publish === true) return 'PUBLISHED';
	if (o.publish === false) return 'PRIVATE';
	return o.adoptedAt ? 'ADOPTED' : 'DRAFT';
}

export async function councilFlags(db: DbOrTx, userId: string): Promise<CouncilFlags> {
	const row = await db.user.findUnique({ where: { id: userId }, select: { councilEcosystem: true, councilSecretariat: true } });
	return { councilEcosystem: row?.councilEcosystem ?? false, councilSecretariat: row?.councilSecretariat ?? false };
}

/** Active council members flagged "écosystème": the electorate of the adoption rule. */
export async function ecosystemMemberIds(db: DbOrTx): Promise<string[]> {
	// The role is checked here rather than with `has`, which the embedded database's adapter refuses on enum arrays.
	const rows = await db.user.findMany({ where: { councilEcosystem: true, disabledAt: null }, select: { id: true, roles: true } });
	return rows.filter((r) => r.roles.includes('COUNCIL')).map((r) => r.id);
}

async function tallyOf(db: DbOrTx, opinionId: string, quorumSetting: number | null): Promise<AdoptionTally> {
	// One after the other: inside a transaction, one connection runs one query at a time (pg 9 refuses more).
	const votes = await db.opinionVote.findMany({ where: { opinionId }, select: { voterId: true, choice: true } });
	const members = await ecosystemMemberIds(db);
	return tallyVotes({ votes, ecosystemMemberIds: members, quorumSetting });
}

const fields = (o: Opinion) => ({ title: o.title, text: o.text, date: toIsoDay(o.date) });
export const opinionCurrent = (o: Opinion) => ({
	version: o.version,
	...fields(o),
	response: o.response ?? '',
	// As the decision form posts it: "" while undecided.
	publish: o.publish === null ? '' : String(o.publish)
});

/** The round of a council command; the work on a round stops when its plan is archived. */
async function roundOf(tx: Tx, roundId: string) {
	const round = await tx.reportRound.findUnique({ where: { id: roundId }, select: { id: true, planId: true, status: true, plan: { select: { councilQuorum: true } } } });
	if (!round) throw new NotFoundError();
	await requireWritablePlan(tx, round.planId);
	return round;
}

export interface OpinionFields {
	title: string;
	text: string;
	date: string;
}

export async function createOpinion(db: Db, actor: Viewer, input: OpinionFields & OneTimeForm & { roundId: string }): Promise<{ id: string }> {
	return db.$transaction(async (tx) => {
		const round = await roundOf(tx, input.roundId);
		if (!actor || !canDraftOpinion(actor, round)) throw new ForbiddenError();
		await claimFormToken(tx, actor, input);
		const created = await tx.opinion.create({
			data: { roundId: round.id, title: input.title, text: input.text, date: new Date(`${input.date}T00:00:00.000Z`), createdById: actor.id }
		});
		await recordAudit(tx, auditActor(actor), { action: 'create', entityType: 'Opinion', entityId: created.id, planId: round.planId, after: fields(created) });
		return { id: created.id };
	});
}

/**
 * Loads an opinion and its round inside the transaction, locking the opinion's row so that two votes
 * (or a vote and a decision) on the same opinion are counted one after the other.
 */
async function lockOpinion(tx: Tx, opinionId: string) {
	const exists = await tx.opinion.findUnique({ where: { id: opinionId }, select: { id: true } });
	if (!exists) throw new NotFoundError();
	const opinion = await tx.opinion.update({ where: { id: opinionId }, data: { updatedAt: new Date() } });
	const round = await roundOf(tx, opinion.roundId);
	const voteCount = await tx.opinionVote.count({ where: { opinionId } });
	return { opinion, round, ref: { state: opinionState(opinion), voteCount } };
}

function checkVersion(opinion: Opinion, version: number) {
	if (opinion.version !== version) throw new ConflictError(opinionCurrent(opinion));
}

export async function updateOpinion(db: Db, actor: Viewer, input: OpinionFields & { opinionId: string; version: number }): Promise<{ changed: boolean }> {
	return db.$transaction(async (tx) => {
		const { opinion, round, ref } = await lockOpinion(tx, input.opinionId);
		if (!actor || !canEditOpinion(actor, { state: 'DRAFT', voteCount: 0 })) throw new ForbiddenError();
		if (!canEditOpinion(actor, ref)) throw new RuleError('reports.errors.opinionLocked');
		checkVersion(opinion, input.version);
		const before = fields(opinion);
		if (JSON.stringify(before) === JSON.stringify({ title: input.title, text: input.text, date: input.date })) return { changed: false };
		const saved = await tx.opinion.update({
			where: { id: opinion.id },
			data: { title: input.title, text: input.text, date: new Date(`${input.date}T00:00:00.000Z`), version: { increment: 1 } }
		});
		await recordAudit(tx, auditActor(actor), { action: 'update', entityType: 'Opinion', entityId: opinion.id, planId: round.planId, before, after: fields(saved) });
		return { changed: true };
	});
}

/**
 * Records (or changes) the actor's vote, then applies the adoption rule: when it holds, the opinion is
 * adopted in the same transaction (and voting closes). Non-ecosystem votes are recorded but not counted.
 */
export async function castVote(db: Db, actor: Viewer, input: { opinionId: string; choice: VoteChoice }, now = new Date()): Promise<{ adopted: boolean; tally: AdoptionTally }> {
	return db.$transaction(async (tx) => {
		const { opinion, round, ref } = await lockOpinion(tx, input.opinionId);
		if (!actor || !canVoteOnOpinion(actor, { state: 'DRAFT', voteCount: 0 })) throw new ForbiddenError();
		if (!canVoteOnOpinion(actor, ref)) throw new RuleError('reports.errors.votingClosed');
		const previous = await tx.opinionVote.findUnique({ where: { opinionId_voterId: { opinionId: opinion.id, voterId: actor.id } } });
		const vote = await tx.opinionVote.upsert({
			where: { opinionId_voterId: { opinionId: opinion.id, voterId: actor.id } },
			create: { opinionId: opinion.id, voterId: actor.id, choice: input.choice, at: now },
			update: { choice: input.choice, at: now }
		});
		const audit = auditActor(actor);
		await recordAudit(tx, audit, {
			action: previous ? 'update' : 'create',
			entityType: 'OpinionVote',
			entityId: vote.id,
			planId: round.planId,
			before: previous ? { opinionId: opinion.id, choice: previous.choice } : undefined,
			after: { opinionId: opinion.id, choice: vote.choice }
		});
		const tally = await tallyOf(tx, opinion.id, round.plan.councilQuorum);
		const adopted = tally.adopted && (await adopt(tx, audit, { id: opinion.id, planId: round.planId }, tally, 'vote', now));
		return { adopted, tally };
	});
}

/** Marks an opinion adopted, with its audit event; false when it was adopted or decided meanwhile. */
async function adopt(tx: Tx, actor: AuditActor, opinion: { id: string; planId: string }, tally: AdoptionTally, cause: 'vote' | 'electorate', now: Date): Promise<boolean> {
	const { count } = await tx.opinion.updateMany({ where: { id: opinion.id, adoptedAt: null, publish: null }, data: { adoptedAt: now, version: { increment: 1 } } });
	if (count === 0) return false;
	await recordAudit(tx, actor, {
		action: 'update',
		entityType: 'Opinion',
		entityId: opinion.id,
		planId: opinion.planId,
		before: { state: 'DRAFT' },
		after: { state: 'ADOPTED', adoptedAt: now, for: tally.for, against: tally.against, abstain: tally.abstain, quorum: tally.quorum, cause },
		reason: 'adopted'
	});
	return true;
}

/**
 * Applies the adoption rule again to every opinion still in vote, in the transaction of a write that
 * changed the electorate (a member's flags, roles or account) or a quorum: the status follows from
 * the votes and the electorate, not only from the last vote. Returns the ids of the opinions adopted.
 * Adoption is an event: an opinion already adopted stays adopted when the electorate shrinks.
 */
export async function settleAdoptions(tx: Tx, actor: AuditActor, now = new Date()): Promise<string[]> {
	const open = await tx.opinion.findMany({
		where: { adoptedAt: null, publish: null, votes: { some: {} } },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
		select: { id: true, votes: { select: { voterId: true, choice: true } }, round: { select: { planId: true, plan: { select: { councilQuorum: true } } } } }
	});
	if (open.length === 0) return [];
	const electorate = await ecosystemMemberIds(tx);
	const adopted: string[] = [];
	for (const o of open) {
		const tally = tallyVotes({ votes: o.votes, ecosystemMemberIds: electorate, quorumSetting: o.round.plan.councilQuorum });
		if (tally.adopted && (await adopt(tx, actor, { id: o.id, planId: o.round.planId }, tally, 'electorate', now))) adopted.push(o.id);
	}
	return adopted;
}

/** DINUM's written response to an adopted opinion (admins), editable until the secretariat decides. */
export async function respondToOpinion(db: Db, actor: Viewer, input: { opinionId: string; version: number; response: string }, now = new Date()): Promise<void> {
	await db.$transaction(async (tx) => {
		const { opinion, round, ref } = await lockOpinion(tx, input.opinionId);
		if (!actor || !canRespondToOpinion(actor, { state: 'ADOPTED', voteCount: 0 })) throw new ForbiddenError();
		if (!canRespondToOpinion(actor, ref)) throw new RuleError('reports.errors.notAdopted');
		checkVersion(opinion, input.version);
		await tx.opinion.update({ where: { id: opinion.id }, data: { response: input.response, respondedAt: now, respondedById: actor.id, version: { increment: 1 } } });
		await recordAudit(tx, auditActor(actor), {
			action: 'update',
			entityType: 'Opinion',
			entityId: opinion.id,
			planId: round.planId,
			before: { response: opinion.response },
			after: { response: input.response },
			reason: 'response'
		});
	});
}

/** The secretariat's recorded decision: publish (public with the round) or keep private. Final. */
export async function decidePublication(db: Db, actor: Viewer, input: { opinionId: string; version: number; publish: boolean }, now = new Date()): Promise<void> {
	await db.$transaction(async (tx) => {
		const { opinion, round, ref } = await lockOpinion(tx, input.opinionId);
		const flags = actor ? await councilFlags(tx, actor.id) : null;
		if (!actor || !canDecideOpinionPublication(actor, flags, { state: 'ADOPTED', voteCount: 0 })) throw new ForbiddenError();
		if (!canDecideOpinionPublication(actor, flags, ref)) throw new RuleError('reports.errors.notAdopted');
		checkVersion(opinion, input.version);
		await tx.opinion.update({ where: { id: opinion.id }, data: { publish: input.publish, decidedAt: now, decidedById: actor.id, version: { increment: 1 } } });
		await recordAudit(tx, auditActor(actor), {
			action: input.publish ? 'publish' : 'update',
			entityType: 'Opinion',
			entityId: opinion.id,
			planId: round.planId,
			before: { state: ref.state },
			after: { state: input.publish ? 'PUBLISHED' : 'PRIVATE', decidedAt: now },
			reason: input.publish ? 'publish' : 'keep private'
		});
	});
}

/** The grades stored for a round, as the grades form shows them (and the conflict table). */
export async function gradesCurrent(db: DbOrTx, roundId: string): Promise<{ version: number; grades: Record<string, CompletionGrade> }> {
	// One after the other: inside a transaction both would share one connection.
	const round = await db.reportRound.findUniqueOrThrow({ where: { id: roundId }, select: { gradesVersion: true } });
	const rows = await db.measureGrade.findMany({ where: { roundId }, select: { measureId: true, grade: true } });
	return { version: round.gradesVersion, grades: Object.fromEntries(rows.map((g) => [g.measureId, g.grade])) };
}

/**
 * The council's completion grades for the measures of a round; null clears a grade. Audited per
 * change. `version` is the round's `gradesVersion` when the form was loaded: a save made from an
 * older form is a conflict and writes nothing, so that two members saving at once lose nothing.
 */
export async function saveGrades(db: Db, actor: Viewer, input: { roundId: string; version: number; grades: Record<string, CompletionGrade | null> }): Promise<{ changed: number }> {
	return db.$transaction(async (tx) => {
		const round = await tx.reportRound.findUnique({
			where: { id: input.roundId },
			select: { id: true, planId: true, status: true, gradesVersion: true }
		});
		if (!round) throw new NotFoundError();
		await requireWritablePlan(tx, round.planId);
		const opinionPublished = (await tx.opinion.count({ where: { roundId: round.id, publish: true } })) > 0;
		if (!actor || !canGradeMeasures(actor, { status: 'SUBMITTED', opinionPublished: false })) throw new ForbiddenError();
		if (!canGradeMeasures(actor, { status: round.status, opinionPublished })) throw new RuleError('reports.errors.gradesLocked');
		if (round.gradesVersion !== input.version) throw new ConflictError(await gradesCurrent(tx, round.id));
		const measures = new Set((await tx.reportSnapshot.findMany({ where: { roundId: round.id }, select: { measureId: true } })).map((s) => s.measureId));
		const existing = new Map((await tx.measureGrade.findMany({ where: { roundId: round.id } })).map((g) => [g.measureId, g]));
		const changes: { measureId: string; before: CompletionGrade | null; grade: CompletionGrade | null }[] = [];
		for (const [measureId, grade] of Object.entries(input.grades)) {
			if (!measures.has(measureId)) throw new RuleError('reports.errors.unknownMeasure');
			const before = existing.get(measureId)?.grade ?? null;
			if (before !== grade) changes.push({ measureId, before, grade });
		}
		if (changes.length === 0) return { changed: 0 };
		// Claims the version before writing: of two saves made from the same form, the second waits
		// for the first's row lock, then matches nothing and is refused.
		const { count } = await tx.reportRound.updateMany({ where: { id: round.id, gradesVersion: round.gradesVersion }, data: { gradesVersion: { increment: 1 } } });
		if (count === 0) throw new ConflictError(await gradesCurrent(tx, round.id));
		for (const { measureId, before, grade } of changes) {
			if (grade === null) await tx.measureGrade.delete({ where: { roundId_measureId: { roundId: round.id, measureId } } });
			else
				await tx.measureGrade.upsert({
					where: { roundId_measureId: { roundId: round.id, measureId } },
					create: { roundId: round.id, measureId, grade, gradedById: actor.id },
					update: { grade, gradedById: actor.id }
				});
			await recordAudit(tx, auditActor(actor), {
				action: 'update',
				entityType: 'MeasureGrade',
				entityId: `${round.id}:${measureId}`,
				planId: round.planId,
				measureId,
				before: { grade: before },
				after: { grade }
			});
		}
		return { changed: changes.length };
	});
}

/** Admins set a council member's flags (écosystème, secretariat) from the user admin page. */
export async function setCouncilFlags(db: Db, actor: Viewer, userId: string, flags: CouncilFlags): Promise<{ changed: boolean }> {
	if (!actor || !canManageUsers(actor)) throw new ForbiddenError();
	return db.$transaction(async (tx) => {
		const user = await tx.user.findUnique({ where: { id: userId }, select: { roles: true, councilEcosystem: true, councilSecretariat: true } });
		if (!user) throw new NotFoundError();
		if (!user.roles.includes('COUNCIL')) throw new RuleError('reports.councilMember.notCouncil');
		const before = { councilEcosystem: user.councilEcosystem, councilSecretariat: user.councilSecretariat };
		if (before.councilEcosystem === flags.councilEcosystem && before.councilSecretariat === flags.councilSecretariat) return { changed: false };
		await tx.user.update({ where: { id: userId }, data: flags });
		await recordAudit(tx, auditActor(actor), { action: 'update', entityType: 'User', entityId: userId, before, after: flags, reason: 'council flags' });
		await settleAdoptions(tx, auditActor(actor));
		return { changed: true };
	});
}

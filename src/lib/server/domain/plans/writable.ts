// The one guard of an archived plan's read-only state: every command that edits a plan or one of its
// measures calls it inside its own transaction, before writing. Successions, comments and reopenPlan
// do not: linking an old measure to its successor happens after archiving, and discussion stays open.
import type { Prisma } from '../../db/generated/client';
import { toIsoDay } from '../../../domain/dates';
import { NotFoundError, RuleError } from '../errors';

type Tx = Prisma.TransactionClient;

/** The refusal of an edit on an archived plan: "Ce plan est archivé depuis le … : il n’est plus modifiable." */
export class ArchivedPlanError extends RuleError {
	constructor(readonly archivedOn: string | null) {
		super(archivedOn ? 'plans.errors.archived' : 'plans.errors.archivedUndated', undefined, archivedOn ? { date: { day: archivedOn } } : {});
		this.name = 'ArchivedPlanError';
	}
}

/**
 * Throws ArchivedPlanError when the plan is archived. The plan's row is share-locked until the
 * transaction ends, so archiving waits for edits in flight and no edit lands after the archive
 * commits. A command that updates the plan's row itself passes `forUpdate` (taking the share lock
 * first and upgrading it later could deadlock with another such command).
 */
export async function requireWritablePlan(tx: Tx, planId: string, options: { forUpdate?: boolean } = {}): Promise<void> {
	const rows = options.forUpdate
		? await tx.$queryRaw<{ status: string; archivedOn: Date | null }[]>`SELECT "status"::text AS "status", "archivedOn" FROM "Plan" WHERE "id" = ${planId} FOR UPDATE`
		: await tx.$queryRaw<{ status: string; archivedOn: Date | null }[]>`SELECT "status"::text AS "status", "archivedOn" FROM "Plan" WHERE "id" = ${planId} FOR SHARE`;
	const plan = rows[0];
	if (!plan) throw new NotFoundError();
	refuseArchived(plan);
}

/** The refusal itself, for a command that read (and share-locked) the plan's row with its own statement. */
export function refuseArchived(plan: { status: string; archivedOn: Date | null }): void {
	if (plan.status === 'ARCHIVED') throw new ArchivedPlanError(plan.archivedOn ? toIsoDay(plan.archivedOn) : null);
}

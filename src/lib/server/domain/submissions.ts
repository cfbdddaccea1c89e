// A form that creates something (a milestone, a comment…) carries a one-time token from the page that
// showed it. Claiming it is the first write of the creation's transaction: posted twice (a double
// click, a request sent again after a lost answer), the second post finds the token taken and adds
// nothing. Two posts at once queue on the primary key: the second waits for the first to commit or
// roll back, so a failed first post leaves the token free for the next try.
import type { Prisma } from '../db/generated/client';
import { DuplicateSubmissionError } from './errors';

/** The token field of a create form's input; absent for callers that are not forms (scripts, tests). */
export interface OneTimeForm {
	formToken?: string | null;
}

/** Called once the actor may create (an anonymous actor has been refused before this). */
export async function claimFormToken(tx: Prisma.TransactionClient, actor: { id: string } | null, input: OneTimeForm): Promise<void> {
	if (!input.formToken || !actor) return;
	const { count } = await tx.formSubmission.createMany({ data: [{ token: input.formToken, userId: actor.id }], skipDuplicates: true });
	if (count === 0) throw new DuplicateSubmissionError();
}

// What every editing function shares: loading the measure being edited with what the policies need,
// refusing actors who may not edit it, and naming the actor in audit events.
import type { Db } from '../../db';
import type { Prisma } from '../../db/generated/client';
import { canEditMeasure, type Actor, type MeasureOwnership, type Viewer } from '../../policies';
import { ForbiddenError, NotFoundError } from '../errors';
import { requireWritablePlan } from '../plans/writable';
import { preciseOf, toIsoDay, toIsoDayOrNull, type DatePrecision, type PreciseDate } from '../../../domain/dates';
import type { ProofFacts } from '../../../domain/done-evidence';

export type Tx = Prisma.TransactionClient;
export type DbOrTx = Db | Tx;

/** Audit entity type of unpublished updates: kept apart so that public reads can leave them out cheaply. */
export const DRAFT_ENTITY = 'ProgressUpdateDraft';

export interface MeasureRef extends MeasureOwnership {
	id: string;
	planId: string;
	number: string;
	title: string;
	version: number;
	plan: { slug: string; title: string };
	/** Owner id → code (LABEL, TALENTS…), for the lead and the contributors. */
	ownerCodes: Record<string, string>;
}

const refSelect = {
	id: true,
	planId: true,
	number: true,
	title: true,
	version: true,
	leadOwnerId: true,
	retiredOn: true,
	plan: { select: { slug: true, title: true } },
	leadOwner: { select: { id: true, code: true } },
	contributors: { select: { owner: { select: { id: true, code: true } } } }
} as const;

type RefRow = Prisma.MeasureGetPayload<{ select: typeof refSelect }>;

function toRef(row: RefRow): MeasureRef {
	const owners = [row.leadOwner, ...row.contributors.map((c) => c.owner)];
	return {
		id: row.id,
		planId: row.planId,
		number: row.number,
		title: row.title,
		version: row.version,
		plan: row.plan,
		leadOwnerId: row.leadOwnerId,
		contributorOwnerIds: row.contributors.map((c) => c.owner.id),
		retired: row.retiredOn !== null,
		ownerCodes: Object.fromEntries(owners.map((o) => [o.id, o.code]))
	};
}

export async function findMeasureRef(db: DbOrTx, slug: string, number: string): Promise<MeasureRef | null> {
	const row = await db.measure.findFirst({ where: { number, plan: { slug } }, select: refSelect });
	return row ? toRef(row) : null;
}

/** Loads the measure and checks the actor may edit it; throws before anything is written. */
export async function editableMeasure(db: DbOrTx, actor: Viewer, measureId: string): Promise<MeasureRef & { actor: Actor }> {
	const row = await db.measure.findUnique({ where: { id: measureId }, select: refSelect });
	if (!row) throw new NotFoundError();
	const ref = toRef(row);
	if (!actor || !canEditMeasure(actor, ref)) throw new ForbiddenError();
	return { ...ref, actor };
}

/**
 * editableMeasure for a write, inside its transaction: also refuses when the measure's plan is
 * archived (plans/writable.ts). Every edit of a measure goes through here; form loads use
 * editableMeasure and show the archive notice instead of their forms.
 */
export async function writableMeasure(tx: Tx, actor: Viewer, measureId: string): Promise<MeasureRef & { actor: Actor }> {
	const ref = await editableMeasure(tx, actor, measureId);
	await requireWritablePlan(tx, ref.planId);
	return ref;
}

export const day = toIsoDayOrNull;

export { preciseOf };

/** Database columns of a precise date: the first day of the period and its precision. */
export function columnsOf(date: PreciseDate | null): { date: Date | null; precision: DatePrecision | null } {
	if (!date) return { date: null, precision: null };
	return { date: date.start ? new Date(`${date.start}T00:00:00.000Z`) : null, precision: date.precision };
}

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What may prove a measure (its evidence links, its published updates that cite a source), as plain
 * data for the pure rule in $lib/domain/done-evidence. Two queries whatever the measure's size.
 */
export async function proofFacts(db: DbOrTx, measureId: string): Promise<ProofFacts> {
	// One after the other: inside a transaction the queries share one connection anyway.
	const links = await db.evidenceLink.findMany({ where: { measureId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { id: true, title: true, url: true } });
	const updates = await db.progressUpdate.findMany({
		where: { measureId, publishedAt: { not: null }, sourceUrls: { isEmpty: false } },
		select: { id: true, date: true, datePrecision: true, sourceUrls: true }
	});
	return { links, updates: updates.map((u) => ({ id: u.id, date: toIsoDay(u.date), precision: u.datePrecision, published: true, sourceUrls: u.sourceUrls })) };
}

/**
 * Locks the measure's row until the transaction ends. Closing a measure and removing its last proof
 * both read the other's data: taking this lock first makes them wait for each other, so two
 * concurrent writes cannot leave a closed measure without a proof.
 */
export async function lockMeasure(tx: Tx, measureId: string): Promise<void> {
	await tx.$queryRaw`SELECT id FROM "Measure" WHERE id = ${measureId} FOR UPDATE`;
}

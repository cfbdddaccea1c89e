// What every editing function shares: loading the measure being edited with what the policies need,
// refusing actors who may not edit it, and naming the actor in audit events.
import type { Db } from '../../db';
import { Prisma } from '../../db/generated/client';
import { canEditMeasure, type Actor, type MeasureOwnership, type Viewer } from '../../policies';
import { ForbiddenError, NotFoundError } from '../errors';
import { refuseArchived } from '../plans/writable';
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

interface RefRow {
	id: string;
	planId: string;
	number: string;
	title: string;
	version: number;
	leadOwnerId: string;
	leadOwnerCode: string;
	retired: boolean;
	planSlug: string;
	planTitle: string;
	contributorIds: string[];
	contributorCodes: string[];
	planStatus: string;
	planArchivedOn: Date | null;
}

function toRef(row: RefRow): MeasureRef {
	const codes: Record<string, string> = { [row.leadOwnerId]: row.leadOwnerCode };
	row.contributorIds.forEach((id, i) => (codes[id] = row.contributorCodes[i]!));
	return {
		id: row.id,
		planId: row.planId,
		number: row.number,
		title: row.title,
		version: row.version,
		plan: { slug: row.planSlug, title: row.planTitle },
		leadOwnerId: row.leadOwnerId,
		contributorOwnerIds: row.contributorIds,
		retired: row.retired,
		ownerCodes: codes
	};
}

/**
 * The measure with its plan and owners in one round trip: every editing page and every editing
 * command reads it first (Prisma's select would send four: measure, plan, lead owner, contributors).
 */
async function readRef(db: DbOrTx, where: Prisma.Sql): Promise<MeasureRef | null> {
	const [row] = await db.$queryRaw<RefRow[]>`${refSelect} WHERE ${where}`;
	return row ? toRef(row) : null;
}

const refSelect = Prisma.sql`
	SELECT m."id", m."planId", m."number", m."title", m."version", m."leadOwnerId", lead."code" AS "leadOwnerCode",
		m."retiredOn" IS NOT NULL AS "retired", p."slug" AS "planSlug", p."title" AS "planTitle",
		p."status"::text AS "planStatus", p."archivedOn" AS "planArchivedOn",
		contributors."ids" AS "contributorIds", contributors."codes" AS "contributorCodes"
	FROM "Measure" m JOIN "Plan" p ON p."id" = m."planId" JOIN "Owner" lead ON lead."id" = m."leadOwnerId"
	CROSS JOIN LATERAL (
		SELECT coalesce(array_agg(c."ownerId" ORDER BY c."ownerId"), '{}'::text[]) AS "ids", coalesce(array_agg(o."code" ORDER BY c."ownerId"), '{}'::text[]) AS "codes"
		FROM "MeasureContributor" c JOIN "Owner" o ON o."id" = c."ownerId" WHERE c."measureId" = m."id"
	) contributors`;

export function findMeasureRef(db: DbOrTx, slug: string, number: string): Promise<MeasureRef | null> {
	return readRef(db, Prisma.sql`p."slug" = ${slug} AND m."number" = ${number}`);
}

/** Loads the measure and checks the actor may edit it; throws before anything is written. */
export async function editableMeasure(db: DbOrTx, actor: Viewer, measureId: string): Promise<MeasureRef & { actor: Actor }> {
	const ref = await readRef(db, Prisma.sql`m."id" = ${measureId}`);
	if (!ref) throw new NotFoundError();
	if (!actor || !canEditMeasure(actor, ref)) throw new ForbiddenError();
	return { ...ref, actor };
}

/**
 * editableMeasure for a write, inside its transaction: also refuses when the measure's plan is
 * archived (plans/writable.ts). Every edit of a measure goes through here; form loads use
 * editableMeasure and show the archive notice instead of their forms.
 */
export async function writableMeasure(tx: Tx, actor: Viewer, measureId: string): Promise<MeasureRef & { actor: Actor }> {
	// One statement: the measure, and its plan share-locked as requireWritablePlan locks it.
	const [row] = await tx.$queryRaw<RefRow[]>`${refSelect} WHERE m."id" = ${measureId} FOR SHARE OF p`;
	if (!row) throw new NotFoundError();
	const ref = toRef(row);
	if (!actor || !canEditMeasure(actor, ref)) throw new ForbiddenError();
	refuseArchived({ status: row.planStatus, archivedOn: row.planArchivedOn });
	return { ...ref, actor };
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
 * data for the pure rule in $lib/domain/done-evidence. One round trip whatever the measure's size:
 * the editing form reads it on every display, a save that closes the measure inside its transaction.
 */
export async function proofFacts(db: DbOrTx, measureId: string): Promise<ProofFacts> {
	const rows = await db.$queryRaw<
		({ kind: 'link'; id: string; title: string; url: string } | { kind: 'update'; id: string; date: Date; precision: DatePrecision; sourceUrls: string[] })[]
	>`
		SELECT 'link' AS "kind", e."id", e."title", e."url", NULL AS "date", NULL AS "precision", NULL AS "sourceUrls", e."position", e."createdAt"
		FROM "EvidenceLink" e WHERE e."measureId" = ${measureId}
		UNION ALL
		SELECT 'update', u."id", NULL, NULL, u."date", u."datePrecision"::text, u."sourceUrls", NULL, NULL
		FROM "ProgressUpdate" u WHERE u."measureId" = ${measureId} AND u."publishedAt" IS NOT NULL AND cardinality(u."sourceUrls") > 0
		ORDER BY "kind", "position", "createdAt"`;
	const facts: ProofFacts = { links: [], updates: [] };
	for (const row of rows) {
		if (row.kind === 'link') facts.links.push({ id: row.id, title: row.title, url: row.url });
		else facts.updates.push({ id: row.id, date: toIsoDay(row.date), precision: row.precision, published: true, sourceUrls: row.sourceUrls });
	}
	return facts;
}

/**
 * Locks the measure's row until the transaction ends. Closing a measure and removing its last proof
 * both read the other's data: taking this lock first makes them wait for each other, so two
 * concurrent writes cannot leave a closed measure without a proof.
 */
export async function lockMeasure(tx: Tx, measureId: string): Promise<void> {
	await tx.$queryRaw`SELECT id FROM "Measure" WHERE id = ${measureId} FOR UPDATE`;
}

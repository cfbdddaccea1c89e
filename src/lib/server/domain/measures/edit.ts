// Editing a measure's own fields: status, progress, confidence, dates, text (French, and the optional
// English version). Owners: measure-owners.ts.
import type { Db } from '../../db';
import type { Confidence, MeasureStatus, ProgressMethod } from '../../db/generated/enums';
import { auditActor, recordAudit } from '../../audit';
import { canEditMeasure, type Viewer } from '../../policies';
import { ConflictError, NotFoundError, RuleError } from '../errors';
import { columnsOf, day, editableMeasure, lockMeasure, preciseOf, proofFacts, sameJson, writableMeasure, type DbOrTx, type MeasureRef } from './editing';
import { todayIso, type DatePrecision, type PreciseDate } from '../../../domain/dates';
import { doneEvidence, isClosing, refusesStatus, type DoneEvidence } from '../../../domain/done-evidence';

export interface MeasureFields {
	status: MeasureStatus | null;
	progressMethod: ProgressMethod;
	progressManual: number | null;
	confidence: Confidence | null;
	confidenceExplanation: string | null;
	plannedStart: PreciseDate | null;
	plannedEnd: PreciseDate | null;
	description: string;
	subActions: string[];
	/** English version shown on `/en` pages; null: they show the French text. */
	titleEn: string | null;
	descriptionEn: string | null;
}

type EnglishField = 'titleEn' | 'descriptionEn';

export interface MeasureOwners {
	leadOwnerId: string;
	contributorOwnerIds: string[];
}

export interface MeasureEditModel {
	ref: MeasureRef;
	version: number;
	fields: MeasureFields;
	owners: MeasureOwners;
	allOwners: readonly { id: string; code: string; name: string }[];
	/** The proofs that count for « Réalisée » and « Abandonnée », shown next to the status field. */
	evidence: DoneEvidence;
}

/** The columns the form edits, with the version and the owners. */
export interface MeasureRow {
	version: number;
	leadOwnerId: string;
	contributorOwnerIds: string[];
	status: MeasureStatus | null;
	progressMethod: ProgressMethod;
	progressManual: number | null;
	confidence: Confidence | null;
	confidenceExplanation: string | null;
	plannedStart: Date | null;
	plannedStartPrecision: DatePrecision | null;
	plannedEnd: Date | null;
	plannedEndPrecision: DatePrecision | null;
	description: string;
	subActions: string[];
	titleEn: string | null;
	descriptionEn: string | null;
}

/** One round trip (Prisma's include would send two); inside a save's transaction too. A NULL list reads as empty, as Prisma reads it. */
export async function loadRow(db: DbOrTx, id: string): Promise<MeasureRow | null> {
	const [row] = await db.$queryRaw<MeasureRow[]>`
		SELECT m."version", m."leadOwnerId",
			coalesce((SELECT array_agg(c."ownerId" ORDER BY c."ownerId") FROM "MeasureContributor" c WHERE c."measureId" = m."id"), '{}'::text[]) AS "contributorOwnerIds",
			m."status"::text AS "status", m."progressMethod"::text AS "progressMethod", m."progressManual",
			m."confidence"::text AS "confidence", m."confidenceExplanation",
			m."plannedStart", m."plannedStartPrecision"::text AS "plannedStartPrecision",
			m."plannedEnd", m."plannedEndPrecision"::text AS "plannedEndPrecision",
			m."description", coalesce(m."subActions", '{}'::text[]) AS "subActions", m."titleEn", m."descriptionEn"
		FROM "Measure" m WHERE m."id" = ${id}`;
	return row ?? null;
}

function fieldsOf(m: MeasureRow): MeasureFields {
	return {
		status: m.status,
		progressMethod: m.progressMethod,
		progressManual: m.progressManual,
		confidence: m.confidence,
		confidenceExplanation: m.confidenceExplanation,
		plannedStart: preciseOf(m.plannedStart, m.plannedStartPrecision),
		plannedEnd: preciseOf(m.plannedEnd, m.plannedEndPrecision),
		description: m.description,
		subActions: m.subActions,
		titleEn: m.titleEn,
		descriptionEn: m.descriptionEn
	};
}

/** The audit snapshot uses the column layout, like the seed's events, so the history reads both alike. */
function auditSnapshot(f: MeasureFields) {
	const start = columnsOf(f.plannedStart);
	const end = columnsOf(f.plannedEnd);
	return {
		status: f.status,
		progressMethod: f.progressMethod,
		progressManual: f.progressManual,
		confidence: f.confidence,
		confidenceExplanation: f.confidenceExplanation,
		plannedStart: day(start.date),
		plannedStartPrecision: start.precision,
		plannedEnd: day(end.date),
		plannedEndPrecision: end.precision,
		description: f.description,
		subActions: f.subActions,
		titleEn: f.titleEn,
		descriptionEn: f.descriptionEn
	};
}

export const ownersOf = (m: MeasureRow): MeasureOwners => ({
	leadOwnerId: m.leadOwnerId,
	contributorOwnerIds: [...m.contributorOwnerIds].sort()
});

type OwnerChoice = MeasureEditModel['allOwners'][number];

/** Every team, for the owners form: public, the same for everyone (the route takes it from the read models). */
export function ownerChoices(db: Db): Promise<OwnerChoice[]> {
	return db.owner.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } });
}

/**
 * `known`: the measure as the page's guard has just read it in this request (forms/editing.ts
 * editGuard), checked again here rather than read a second time. The measure's own values, version
 * and proofs are read as they are now, never from a shared model: the form posts that version back.
 */
export async function getMeasureForEdit(
	db: Db,
	actor: Viewer,
	measureId: string,
	known?: MeasureRef,
	owners: (db: Db) => Promise<readonly OwnerChoice[]> = ownerChoices
): Promise<MeasureEditModel> {
	const ref = known && known.id === measureId && canEditMeasure(actor, known) ? known : await editableMeasure(db, actor, measureId);
	const [row, allOwners, facts] = await Promise.all([loadRow(db, measureId), owners(db), proofFacts(db, measureId)]);
	if (!row) throw new NotFoundError();
	return { ref, version: row.version, fields: fieldsOf(row), owners: ownersOf(row), allOwners, evidence: doneEvidence(facts) };
}

export async function updateMeasure(
	db: Db,
	actor: Viewer,
	// The English fields are optional here: not given (a caller that only knows the French fields) leaves them as they are.
	input: Omit<MeasureFields, EnglishField> & Partial<Pick<MeasureFields, EnglishField>> & { measureId: string; version: number; reason: string | null },
	today = todayIso()
): Promise<{ changed: boolean }> {
	return db.$transaction(async (tx) => {
		const ref = await writableMeasure(tx, actor, input.measureId);
		const row = await loadRow(tx, input.measureId);
		if (!row) throw new NotFoundError();
		const before = fieldsOf(row);
		if (row.version !== input.version) throw new ConflictError({ version: row.version, ...before });
		const after: MeasureFields = {
			status: input.status,
			progressMethod: input.progressMethod,
			progressManual: input.progressManual,
			confidence: input.confidence,
			confidenceExplanation: input.confidenceExplanation,
			plannedStart: input.plannedStart,
			plannedEnd: input.plannedEnd,
			description: input.description,
			subActions: input.subActions,
			titleEn: input.titleEn === undefined ? before.titleEn : input.titleEn,
			descriptionEn: input.descriptionEn === undefined ? before.descriptionEn : input.descriptionEn
		};
		if (sameJson(auditSnapshot(before), auditSnapshot(after))) return { changed: false };
		if (after.status !== before.status && isClosing(after.status)) {
			// Locked first: a proof removed meanwhile is seen, or waits for this save (editing.ts).
			await lockMeasure(tx, ref.id);
			if (refusesStatus(before.status, after.status, doneEvidence(await proofFacts(tx, ref.id)))) throw new RuleError('editing.errors.proofRequired', 'status');
		}
		const asOf = new Date(`${today}T00:00:00.000Z`);
		const start = columnsOf(after.plannedStart);
		const end = columnsOf(after.plannedEnd);
		const { count } = await tx.measure.updateMany({
			where: { id: ref.id, version: input.version },
			data: {
				status: after.status,
				progressMethod: after.progressMethod,
				progressManual: after.progressManual,
				confidence: after.confidence,
				confidenceExplanation: after.confidenceExplanation,
				plannedStart: start.date,
				plannedStartPrecision: start.precision,
				plannedEnd: end.date,
				plannedEndPrecision: end.precision,
				description: after.description,
				subActions: after.subActions,
				titleEn: after.titleEn,
				descriptionEn: after.descriptionEn,
				...(after.status !== before.status ? { statusAsOf: asOf } : {}),
				...(after.progressMethod !== before.progressMethod || after.progressManual !== before.progressManual ? { progressAsOf: asOf } : {}),
				...(after.confidence !== before.confidence || after.confidenceExplanation !== before.confidenceExplanation ? { confidenceAsOf: asOf } : {}),
				version: { increment: 1 }
			}
		});
		if (count === 0) throw new ConflictError({ version: row.version, ...before });
		await recordAudit(tx, auditActor(ref.actor, ref), {
			action: 'update',
			entityType: 'Measure',
			entityId: ref.id,
			planId: ref.planId,
			measureId: ref.id,
			before: auditSnapshot(before),
			after: auditSnapshot(after),
			reason: input.reason
		});
		return { changed: true };
	});
}

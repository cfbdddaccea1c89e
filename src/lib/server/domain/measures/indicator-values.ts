// Dated, sourced values of a measure's indicators. Values are facts from a source: they are added,
// never edited in place, so nothing can silently rewrite a published figure. The one exception is the
// address of the source, when the link watch finds it dead or moved (replaceValueSourceUrl).
import type { Db } from '../../db';
import type { IndicatorValue } from '../../db/generated/client';
import { auditActor, recordAudit, type AuditActor } from '../../audit';
import type { Viewer } from '../../policies';
import { ConflictError, NotFoundError } from '../errors';
import { columnsOf, day, editableMeasure, writableMeasure, type Tx } from './editing';
import { todayIso, toIsoDay, type DatePrecision, type PreciseDate } from '../../../domain/dates';
import { claimFormToken, type OneTimeForm } from '../submissions';

export interface IndicatorValueFields {
	/** Never "continuous": a value is measured at a date. */
	date: PreciseDate & { start: string };
	value: number;
	qualifier: string | null;
	sourceUrl: string;
	note: string | null;
}

export interface IndicatorEditView {
	id: string;
	name: string;
	unit: string;
	values: {
		id: string;
		version: number;
		date: string;
		precision: DatePrecision;
		value: number;
		qualifier: string | null;
		sourceUrl: string;
		note: string | null;
		automatic: boolean;
	}[];
}

export async function listIndicatorsForEdit(db: Db, actor: Viewer, measureId: string): Promise<IndicatorEditView[]> {
	await editableMeasure(db, actor, measureId);
	const indicators = await db.indicator.findMany({
		where: { measureId },
		orderBy: { position: 'asc' },
		include: { values: { orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] } }
	});
	return indicators.map((i) => ({
		id: i.id,
		name: i.name,
		unit: i.unit,
		values: i.values.map((v) => ({
			id: v.id,
			version: v.version,
			date: toIsoDay(v.date),
			precision: v.datePrecision,
			value: v.value,
			qualifier: v.qualifier,
			sourceUrl: v.sourceUrl,
			note: v.note,
			automatic: v.automatic
		}))
	}));
}

export async function addIndicatorValue(
	db: Db,
	actor: Viewer,
	input: IndicatorValueFields & OneTimeForm & { measureId: string; indicatorId: string },
	today = todayIso()
): Promise<{ id: string }> {
	return db.$transaction(async (tx) => {
		const ref = await writableMeasure(tx, actor, input.measureId);
		await claimFormToken(tx, actor, input);
		const indicator = await tx.indicator.findUnique({ where: { id: input.indicatorId }, select: { measureId: true, position: true } });
		if (!indicator || indicator.measureId !== ref.id) throw new NotFoundError();
		return insertIndicatorValue(tx, ref, auditActor(ref.actor, ref), { ...input, automatic: false }, today);
	});
}

/**
 * Stores a value with its audit event, in the caller's transaction: an editor's typed value, or one
 * collected by the indicator's feed (`automatic`, attributed to FEED_ACTOR).
 */
export async function insertIndicatorValue(
	tx: Tx,
	measure: { id: string; planId: string },
	actor: AuditActor,
	input: IndicatorValueFields & { indicatorId: string; automatic: boolean },
	today: string
): Promise<{ id: string }> {
	const created = await tx.indicatorValue.create({
		data: {
			indicatorId: input.indicatorId,
			date: columnsOf(input.date).date!,
			datePrecision: input.date.precision,
			value: input.value,
			qualifier: input.qualifier,
			sourceUrl: input.sourceUrl,
			note: input.note,
			automatic: input.automatic
		}
	});
	// The progress figure of the "indicator" method reads the measure's first indicator.
	const first = await tx.indicator.findFirst({ where: { measureId: measure.id }, orderBy: { position: 'asc' }, select: { id: true } });
	if (first?.id === input.indicatorId) {
		await tx.measure.updateMany({
			where: { id: measure.id, progressMethod: 'INDICATOR' },
			data: { progressAsOf: new Date(`${today}T00:00:00.000Z`) }
		});
	}
	await recordAudit(tx, actor, {
		action: 'create',
		entityType: 'IndicatorValue',
		entityId: created.id,
		planId: measure.planId,
		measureId: measure.id,
		after: valueSnapshot(created)
	});
	return { id: created.id };
}

function valueSnapshot(v: IndicatorValue) {
	return {
		indicatorId: v.indicatorId,
		date: day(v.date),
		datePrecision: v.datePrecision,
		value: v.value,
		qualifier: v.qualifier,
		sourceUrl: v.sourceUrl,
		note: v.note,
		// Only when true, so that the events of typed values keep their shape.
		...(v.automatic ? { automatic: true } : {})
	};
}

/**
 * The link watch's one-click fix of a value's dead or moved source: only `sourceUrl` changes, the
 * figure stays as it was. Versioned like any edit; a public change (the measure's history shows it).
 */
export async function replaceValueSourceUrl(db: Db, actor: Viewer, input: { measureId: string; valueId: string; version: number; url: string }): Promise<{ changed: boolean }> {
	return db.$transaction(async (tx) => {
		const ref = await writableMeasure(tx, actor, input.measureId);
		const row = await tx.indicatorValue.findUnique({ where: { id: input.valueId }, include: { indicator: { select: { measureId: true } } } });
		if (!row || row.indicator.measureId !== ref.id) throw new NotFoundError();
		const current = (v: IndicatorValue) => ({ version: v.version, url: v.sourceUrl });
		if (row.version !== input.version) throw new ConflictError(current(row));
		if (row.sourceUrl === input.url) return { changed: false };
		const { count } = await tx.indicatorValue.updateMany({ where: { id: row.id, version: row.version }, data: { sourceUrl: input.url, version: { increment: 1 } } });
		if (count === 0) throw new ConflictError(current(await tx.indicatorValue.findUniqueOrThrow({ where: { id: row.id } })));
		const saved = await tx.indicatorValue.findUniqueOrThrow({ where: { id: row.id } });
		await recordAudit(tx, auditActor(ref.actor, ref), {
			action: 'update',
			entityType: 'IndicatorValue',
			entityId: row.id,
			planId: ref.planId,
			measureId: ref.id,
			before: valueSnapshot(row),
			after: valueSnapshot(saved)
		});
		return { changed: true };
	});
}

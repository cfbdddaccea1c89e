// Dated, sourced values of a measure's indicators. Values are facts from a source: they are added,
// never edited in place, so nothing can silently rewrite a published figure.
import type { Db } from '../../db';
import { auditActor, recordAudit } from '../../audit';
import type { Viewer } from '../../policies';
import { NotFoundError } from '../errors';
import { columnsOf, day, editableMeasure, writableMeasure } from './editing';
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
	values: { id: string; date: string; precision: DatePrecision; value: number; qualifier: string | null; sourceUrl: string; note: string | null }[];
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
			date: toIsoDay(v.date),
			precision: v.datePrecision,
			value: v.value,
			qualifier: v.qualifier,
			sourceUrl: v.sourceUrl,
			note: v.note
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
		const created = await tx.indicatorValue.create({
			data: {
				indicatorId: input.indicatorId,
				date: columnsOf(input.date).date!,
				datePrecision: input.date.precision,
				value: input.value,
				qualifier: input.qualifier,
				sourceUrl: input.sourceUrl,
				note: input.note
			}
		});
		// The progress figure of the "indicator" method reads the measure's first indicator.
		const first = await tx.indicator.findFirst({ where: { measureId: ref.id }, orderBy: { position: 'asc' }, select: { id: true } });
		if (first?.id === input.indicatorId) {
			await tx.measure.updateMany({
				where: { id: ref.id, progressMethod: 'INDICATOR' },
				data: { progressAsOf: new Date(`${today}T00:00:00.000Z`) }
			});
		}
		await recordAudit(tx, auditActor(ref.actor, ref), {
			action: 'create',
			entityType: 'IndicatorValue',
			entityId: created.id,
			planId: ref.planId,
			measureId: ref.id,
			after: {
				indicatorId: created.indicatorId,
				date: day(created.date),
				datePrecision: created.datePrecision,
				value: created.value,
				qualifier: created.qualifier,
				sourceUrl: created.sourceUrl,
				note: created.note
			}
		});
		return { id: created.id };
	});
}

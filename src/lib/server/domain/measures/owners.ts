// Changing who carries a measure (lead team and contributing teams): this moves the right to edit
// it, so only admins may.
import type { Db } from '../../db';
import { auditActor, recordAudit } from '../../audit';
import { canChangeMeasureOwners, type Viewer } from '../../policies';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors';
import { sameJson, writableMeasure } from './editing';
import { loadRow, ownersOf, type MeasureOwners } from './edit';

export async function updateMeasureOwners(
	db: Db,
	actor: Viewer,
	input: MeasureOwners & { measureId: string; version: number; reason: string | null }
): Promise<{ changed: boolean }> {
	if (!canChangeMeasureOwners(actor)) throw new ForbiddenError();
	return db.$transaction(async (tx) => {
		const ref = await writableMeasure(tx, actor, input.measureId);
		const row = await loadRow(tx, input.measureId);
		if (!row) throw new NotFoundError();
		const before = ownersOf(row);
		if (row.version !== input.version) throw new ConflictError({ version: row.version, ...before });
		const contributorOwnerIds = [...new Set(input.contributorOwnerIds)].filter((id) => id !== input.leadOwnerId).sort();
		const after: MeasureOwners = { leadOwnerId: input.leadOwnerId, contributorOwnerIds };
		if (sameJson(before, after)) return { changed: false };
		const known = await tx.owner.count({ where: { id: { in: [after.leadOwnerId, ...contributorOwnerIds] } } });
		if (known !== contributorOwnerIds.length + 1) throw new RuleError('editing.errors.unknownOwner', 'leadOwnerId');
		const { count } = await tx.measure.updateMany({
			where: { id: ref.id, version: input.version },
			data: { leadOwnerId: after.leadOwnerId, version: { increment: 1 } }
		});
		if (count === 0) throw new ConflictError({ version: row.version, ...before });
		await tx.measureContributor.deleteMany({ where: { measureId: ref.id } });
		await tx.measureContributor.createMany({ data: contributorOwnerIds.map((ownerId) => ({ measureId: ref.id, ownerId })) });
		await recordAudit(tx, auditActor(ref.actor, ref), {
			action: 'update',
			entityType: 'Measure',
			entityId: ref.id,
			planId: ref.planId,
			measureId: ref.id,
			before,
			after,
			reason: input.reason
		});
		return { changed: true };
	});
}

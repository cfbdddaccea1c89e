// The editors' one-click replacement of a dead or moved evidence link: the same versioned, audited,
// authorized write as editing the link (updateEvidence), with only its address changed.
import type { Db } from '../../db';
import type { Viewer } from '../../policies';
import { NotFoundError } from '../errors';
import { updateEvidence } from '../measures/evidence';
import { toIsoDayOrNull } from '../../../domain/dates';

export async function replaceEvidenceUrl(db: Db, actor: Viewer, input: { measureId: string; evidenceId: string; version: number; url: string }): Promise<{ changed: boolean }> {
	const row = await db.evidenceLink.findUnique({ where: { id: input.evidenceId } });
	if (!row || row.measureId !== input.measureId) throw new NotFoundError();
	// The other fields as read; if the link changed meanwhile, its version did too and the write is a conflict.
	return updateEvidence(db, actor, {
		measureId: input.measureId,
		evidenceId: row.id,
		version: input.version,
		title: row.title,
		url: input.url,
		kind: row.kind,
		date: toIsoDayOrNull(row.date),
		milestoneId: row.milestoneId
	});
}

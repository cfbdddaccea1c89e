// Forms of the evidence page. Only http(s) addresses are accepted; a title is required.
import { z } from 'zod';
import { formToken, httpUrl, text, type FormValues } from '../forms/form';
import { id, optionalDay, optionalId, orEmpty, version } from './editing-fields';
import { EvidenceKind } from '../db/generated/enums';
import type { EvidenceFields } from '../domain/measures/evidence';

const fields = {
	title: text(500),
	url: httpUrl,
	kind: z.enum(Object.values(EvidenceKind)),
	date: optionalDay,
	milestoneId: optionalId
};
const target = { evidenceId: id, version };

export const addEvidenceForm = z.strictObject({ ...fields, formToken });
export const updateEvidenceForm = z.strictObject({ ...target, ...fields });
export const removeEvidenceForm = z.strictObject(target);

/** The removal being confirmed (`?supprimer=<id>`, the second step, without JavaScript too); anything else: none. */
export function removalParam(url: URL): string | null {
	const parsed = id.safeParse(url.searchParams.get('supprimer'));
	return parsed.success ? parsed.data : null;
}

export const newEvidenceValues = (): FormValues => ({ title: '', url: '', kind: 'WEBSITE', date: '', milestoneId: '' });

export function evidenceValues(e: EvidenceFields & { version: number }): FormValues {
	return { version: String(e.version), title: e.title, url: e.url, kind: e.kind, date: orEmpty(e.date), milestoneId: orEmpty(e.milestoneId) };
}

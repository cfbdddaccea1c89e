// The editors' one-click replacement of a dead or moved link (evidence, an update's source, a value's
// source): the record's id, its version and the new address.
import { z } from 'zod';
import { httpUrl, type FormValues } from '../forms/form';
import { id, version } from './editing-fields';

export const replaceEvidenceUrlForm = z.strictObject({ evidenceId: id, version, url: httpUrl });
/** `oldUrl`: which of the update's sources is replaced. */
export const replaceUpdateSourceForm = z.strictObject({ updateId: id, version, oldUrl: httpUrl, url: httpUrl });
export const replaceValueSourceForm = z.strictObject({ valueId: id, version, url: httpUrl });

/** The form's first values: the redirect's target when there is one (sent only if the editor submits). */
export function replaceUrlValues(record: { version: number }, suggestedUrl: string | null): FormValues {
	return { version: String(record.version), url: suggestedUrl ?? '' };
}

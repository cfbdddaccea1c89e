// The editors' one-click replacement of a dead or moved evidence link: its id, version and new address.
import { z } from 'zod';
import { httpUrl, type FormValues } from '../forms/form';
import { id, version } from './editing-fields';

export const replaceEvidenceUrlForm = z.strictObject({ evidenceId: id, version, url: httpUrl });

/** The form's first values: the redirect's target when there is one (sent only if the editor submits). */
export function replaceEvidenceUrlValues(link: { version: number }, suggestedUrl: string | null): FormValues {
	return { version: String(link.version), url: suggestedUrl ?? '' };
}

// Forms of a measure's successions (admins, on the measure's editing page).
import { z } from 'zod';
import { formToken, optionalText, type FormValues } from '../forms/form';
import { id } from './editing-fields';
import { SUCCESSION_KINDS } from '../../domain/succession';

export const addSuccessionForm = z.strictObject({
	kind: z.enum(SUCCESSION_KINDS),
	// Empty for an abandonment.
	successorId: z.union([z.literal('').transform(() => null), id]),
	reason: optionalText(2000),
	formToken
});
export const removeSuccessionForm = z.strictObject({ successionId: id, formToken });

export const newSuccessionValues = (): FormValues => ({ kind: 'CONTINUED_BY', successorId: '', reason: '' });

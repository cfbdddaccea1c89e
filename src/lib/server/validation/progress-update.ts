// Forms of the updates page: write or edit a draft, publish it, delete it.
import { z } from 'zod';
import { formToken, optionalText, text, type FormValues } from '../forms/form';
import { factDate, id, optionalId, orEmpty, preciseDateInput, urlLines, version } from './editing-fields';
import type { UpdateEditView } from '../domain/measures/progress-updates';

export const saveDraftForm = z.strictObject({
	// Empty or absent for a new draft.
	updateId: optionalId,
	version: z.union([z.literal('').transform(() => null), version]).default(null),
	date: factDate,
	text: text(5000),
	blockers: optionalText(2000),
	nextSteps: optionalText(2000),
	sourceUrls: urlLines,
	// Only the form of a new draft carries one.
	formToken
});

const target = { updateId: id, version };
export const publishUpdateForm = z.strictObject(target);
export const removeDraftForm = z.strictObject(target);

// No version: the form of a new draft creates one (it carries a one-time token and is emptied once saved).
export const newDraftValues = (today: string): FormValues => ({ updateId: '', date: today, text: '', blockers: '', nextSteps: '', sourceUrls: '' });

export function draftValues(u: Pick<UpdateEditView, 'id' | 'version' | 'date' | 'precision' | 'text' | 'blockers' | 'nextSteps' | 'sourceUrls'>): FormValues {
	return {
		updateId: u.id,
		version: String(u.version),
		date: preciseDateInput({ start: u.date, precision: u.precision }),
		text: u.text,
		blockers: orEmpty(u.blockers),
		nextSteps: orEmpty(u.nextSteps),
		sourceUrls: u.sourceUrls.join('\n')
	};
}

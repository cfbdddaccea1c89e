// Forms of the updates page: write or edit a draft, publish it, delete it.
import { z } from 'zod';
import { optionalText, text, type FormValues } from '../forms/form';
import { factDate, id, optionalId, orEmpty, preciseDateInput, urlLines, version } from './editing-fields';
import type { UpdateEditView } from '../domain/measures/progress-updates';

export const saveDraftForm = z.strictObject({
	// Empty for a new draft.
	updateId: optionalId,
	version: z.union([z.literal('').transform(() => null), version]),
	date: factDate,
	text: text(5000),
	blockers: optionalText(2000),
	nextSteps: optionalText(2000),
	sourceUrls: urlLines
});

const target = { updateId: id, version };
export const publishUpdateForm = z.strictObject(target);
export const removeDraftForm = z.strictObject(target);

export const newDraftValues = (today: string): FormValues => ({ updateId: '', version: '', date: today, text: '', blockers: '', nextSteps: '', sourceUrls: '' });

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

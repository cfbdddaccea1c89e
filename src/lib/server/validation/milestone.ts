// Forms of the milestones page. Every form on an existing milestone carries its id and version.
import { z } from 'zod';
import { formToken, isoDay, optionalText, text, type FormValues } from '../forms/form';
import { id, optionalPreciseDate, orEmpty, preciseDate, preciseDateInput, version, weight } from './editing-fields';
import type { MilestoneEditView } from '../domain/measures/milestones';

// titleEn: the English version; empty means the English pages show the French title, absent leaves it as it is.
const fields = { title: text(300), titleEn: optionalText(300).optional(), description: optionalText(2000), weight };
const target = { milestoneId: id, version };

export const addMilestoneForm = z.strictObject({ ...fields, planned: optionalPreciseDate, formToken });
export const updateMilestoneForm = z.strictObject({ ...target, ...fields });
export const moveMilestoneForm = z.strictObject({ ...target, direction: z.enum(['up', 'down']) });
export const completeMilestoneForm = z.strictObject({ ...target, doneOn: isoDay });
export const reopenMilestoneForm = z.strictObject(target);
export const replanMilestoneForm = z.strictObject({ ...target, planned: preciseDate, reason: text(1000) });

export const newMilestoneValues = (): FormValues => ({ title: '', titleEn: '', description: '', planned: '', weight: '1' });

export function milestoneValues(m: Pick<MilestoneEditView, 'title' | 'titleEn' | 'description' | 'weight' | 'version'> & { planned?: MilestoneEditView['planned'] }): FormValues {
	return {
		version: String(m.version),
		title: m.title,
		titleEn: orEmpty(m.titleEn),
		description: orEmpty(m.description),
		weight: String(m.weight),
		...(m.planned !== undefined ? { planned: preciseDateInput(m.planned) } : {})
	};
}

// Forms of the measure page: its fields, and its owners (admins only).
import { z } from 'zod';
import { optionalText, text, type FormValues } from '../forms/form';
import { id, lines, optionalPercent, optionalPreciseDate, orEmpty, preciseDateInput, version } from './editing-fields';
import { Confidence, MeasureStatus, ProgressMethod } from '../db/generated/enums';
import type { MeasureFields, MeasureOwners } from '../domain/measures/edit';

const STATUSES = Object.values(MeasureStatus);
const CONFIDENCES = Object.values(Confidence);

export const measureForm = z.strictObject({
	version,
	// "" is "statut non renseigné": a measure may go back to having no sourced status.
	status: z.enum(['', ...STATUSES]).transform((v) => (v === '' ? null : v)),
	progressMethod: z.enum(Object.values(ProgressMethod)),
	progressManual: optionalPercent,
	confidence: z.enum(['', ...CONFIDENCES]).transform((v) => (v === '' ? null : v)),
	confidenceExplanation: optionalText(2000),
	plannedStart: optionalPreciseDate,
	plannedEnd: optionalPreciseDate,
	description: text(10_000),
	subActions: lines(50, 1000),
	// English version: empty means the English pages show the French text; a post without these
	// fields (an older form) leaves them as they are.
	titleEn: optionalText(300).optional(),
	descriptionEn: optionalText(10_000).optional(),
	reason: optionalText(1000)
});

export const ownersForm = z.strictObject({
	version,
	leadOwnerId: id,
	// Unchecked boxes are not sent at all; one checked box arrives as a string.
	contributorOwnerIds: z
		.union([id, z.array(id).max(50)])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
	reason: optionalText(1000)
});

export function measureValues(f: MeasureFields & { version: number }): FormValues {
	return {
		version: String(f.version),
		status: f.status ?? '',
		progressMethod: f.progressMethod,
		progressManual: orEmpty(f.progressManual),
		confidence: f.confidence ?? '',
		confidenceExplanation: orEmpty(f.confidenceExplanation),
		plannedStart: preciseDateInput(f.plannedStart),
		plannedEnd: preciseDateInput(f.plannedEnd),
		description: f.description,
		subActions: f.subActions.join('\n'),
		titleEn: orEmpty(f.titleEn),
		descriptionEn: orEmpty(f.descriptionEn),
		reason: ''
	};
}

export function ownersValues(o: MeasureOwners & { version: number }): FormValues {
	return { version: String(o.version), leadOwnerId: o.leadOwnerId, contributorOwnerIds: o.contributorOwnerIds, reason: '' };
}

// Forms of the plans admin: create a plan, edit its settings, archive it, reopen it. Strict: an
// unknown field is refused.
import { z } from 'zod';
import { formToken, httpUrl, isoDay, optionalText, text, type FormValues } from '../forms/form';
import { optionalDay, urlLines, version } from './editing-fields';
import type { PlanSettings } from '../domain/plans/settings';

/** Lower-case words joined by single hyphens, as the real plan's is (plan-logiciels-libres…). */
const slug = z
	.string()
	.trim()
	.transform((v) => v.toLowerCase())
	.pipe(z.string().regex(/^(?=.{3,80}$)[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'plans.errors.slugFormat' }));

/** A checkbox: "on" when ticked, absent when not ("" as a merged form posts it again). */
const checkbox = z
	.enum(['on', ''])
	.optional()
	.transform((v) => v === 'on');

const fields = {
	title: text(300),
	titleEn: optionalText(300),
	summary: optionalText(4000),
	summaryEn: optionalText(4000),
	adoptedOn: optionalDay,
	sourceUrls: urlLines,
	contentLicence: text(200),
	contentLicenceUrl: z.union([z.literal('').transform(() => null), httpUrl]),
	status: z.enum(['DRAFT', 'ACTIVE'], { error: 'plans.errors.statusChoice' }),
	showStaffNames: checkbox
};

export const createPlanForm = z.strictObject({ ...fields, slug, formToken });
export const planSettingsForm = z.strictObject({ ...fields, version });
export const archivePlanForm = z.strictObject({
	version,
	archivedOn: isoDay,
	note: optionalText(2000),
	noteEn: optionalText(2000),
	successor: z
		.string()
		.trim()
		.max(120)
		.transform((v) => (v === '' ? null : v))
});
export const reopenPlanForm = z.strictObject({ version });

export const newPlanValues = (): FormValues => ({
	slug: '',
	title: '',
	titleEn: '',
	summary: '',
	summaryEn: '',
	adoptedOn: '',
	sourceUrls: '',
	contentLicence: 'Licence Ouverte / Open Licence 2.0',
	contentLicenceUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
	// A new plan starts as a draft: nothing is public until an admin says so.
	status: 'DRAFT',
	showStaffNames: ''
});

export function planValues(plan: Omit<PlanSettings, 'id' | 'slug' | 'stored' | 'archivedOn' | 'archiveNote' | 'archiveNoteEn' | 'successor' | 'measures'>): FormValues {
	const values: FormValues = {
		version: String(plan.version),
		title: plan.title,
		titleEn: plan.titleEn ?? '',
		summary: plan.summary ?? '',
		summaryEn: plan.summaryEn ?? '',
		adoptedOn: plan.adoptedOn ?? '',
		sourceUrls: plan.sourceUrls.join('\n'),
		contentLicence: plan.contentLicence,
		contentLicenceUrl: plan.contentLicenceUrl ?? '',
		status: plan.status,
		// As the browser posts it: a ticked box sends "on".
		showStaffNames: plan.showStaffNames ? 'on' : ''
	};
	return values;
}

export const archiveValues = (plan: { version: number }, today: string): FormValues => ({ version: String(plan.version), archivedOn: today, note: '', noteEn: '', successor: '' });

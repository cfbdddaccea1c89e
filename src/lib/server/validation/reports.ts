// Forms of the report workspace. Strict: an unknown field (a forged `status=PUBLISHED`) is refused.
import { z } from 'zod';
import { formToken, isoDay, text, type FormValues } from '../forms/form';
import { id, version } from './editing-fields';
import { COMPLETION_GRADES, REPORT_SECTION_KEYS, type ReportSections } from '../../domain/report-snapshot';

const section = z
	.string()
	.max(20_000)
	.transform((v) => v.replace(/\r\n/g, '\n').trim());
const sectionFields = Object.fromEntries(REPORT_SECTION_KEYS.map((k) => [k, section])) as Record<(typeof REPORT_SECTION_KEYS)[number], typeof section>;

const roundFields = { title: text(200), periodStart: isoDay, periodEnd: isoDay, ...sectionFields };

function withSections<T extends Record<string, unknown>>(data: T) {
	const sections = Object.fromEntries(REPORT_SECTION_KEYS.map((k) => [k, data[k] as string])) as ReportSections;
	const rest = Object.fromEntries(Object.entries(data).filter(([k]) => !(REPORT_SECTION_KEYS as readonly string[]).includes(k)));
	return { ...rest, sections } as Omit<T, (typeof REPORT_SECTION_KEYS)[number]> & { sections: ReportSections };
}

export const createRoundForm = z.strictObject({ ...roundFields, formToken }).transform(withSections);
export const updateRoundForm = z.strictObject({ ...roundFields, version }).transform(withSections);
export const roundVersionForm = z.strictObject({ version });

const opinionFields = { title: text(300), text: text(20_000), date: isoDay };
export const createOpinionForm = z.strictObject({ ...opinionFields, formToken });
export const updateOpinionForm = z.strictObject({ ...opinionFields, opinionId: id, version });
export const voteForm = z.strictObject({ opinionId: id, choice: z.enum(['FOR', 'AGAINST', 'ABSTAIN']) });
export const respondForm = z.strictObject({ opinionId: id, version, response: text(20_000) });
export const decideForm = z.strictObject({ opinionId: id, version, publish: z.enum(['true', 'false']).transform((v) => v === 'true') });

const GRADE_FIELD = /^grade-[a-z0-9]{1,40}$/;
const gradeValue = z.union([z.literal(''), z.enum(COMPLETION_GRADES)]);

/**
 * One select per measure, named `grade-<measureId>`; "" clears the grade. `version` is the round's
 * grades version when the form was loaded (a stale save is a conflict). Any other field is refused.
 */
export const gradesForm = z
	.object({ version })
	.catchall(gradeValue)
	.superRefine((form, ctx) => {
		const fields = Object.keys(form).filter((k) => k !== 'version');
		if (fields.length === 0 || fields.length > 500 || fields.some((k) => !GRADE_FIELD.test(k))) ctx.addIssue({ code: 'custom', message: 'form.errorSummary' });
	})
	.transform(({ version: v, ...fields }) => ({
		version: v,
		grades: Object.fromEntries(Object.entries(fields).map(([k, g]) => [k.slice('grade-'.length), g === '' ? null : g]))
	}));

/** The grades form's values: one `grade-<measureId>` per measure ("" when ungraded) and the version. */
export function gradeValues(version: number, measureIds: readonly string[], grades: Readonly<Record<string, string>> | null): FormValues {
	return { version: String(version), ...Object.fromEntries(measureIds.map((id) => [`grade-${id}`, grades?.[id] ?? ''])) };
}

export function roundValues(round: { title: string; periodStart: string; periodEnd: string; sections: ReportSections; version?: number }): FormValues {
	return {
		...(round.version !== undefined ? { version: String(round.version) } : {}),
		title: round.title,
		periodStart: round.periodStart,
		periodEnd: round.periodEnd,
		...round.sections
	};
}

/** Checkboxes: present ("on") when ticked. */
const tick = z
	.literal('on')
	.optional()
	.transform((v) => v === 'on');
export const councilFlagsForm = z.strictObject({ councilEcosystem: tick, councilSecretariat: tick });

/** Empty: the default (half of the ecosystem members, rounded up). */
export const quorumForm = z.strictObject({
	version,
	quorum: z
		.string()
		.trim()
		.refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) >= 1), { error: 'reports.errors.quorum' })
		.transform((v) => (v === '' ? null : Number(v)))
});

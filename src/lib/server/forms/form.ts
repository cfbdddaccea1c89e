// Parsing of form posts: one strict zod schema per form (unknown fields are refused, so a forged
// `role=admin` changes nothing), errors translated into the visitor's language, and the values
// sent back to re-fill the form — never a password.
import { z } from 'zod';
import { format, formatDay, messages, type Locale, type Messages } from '$lib/i18n';
import type { RuleParams } from '../domain/errors';
import { isMessageKey, translate, type MessageKey } from '$lib/i18n/keys';

type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export interface FormFailure {
	values: FormValues;
	errors: FieldErrors;
	/** An error about the whole form (unknown field, conflict…), shown at the top. */
	formError?: string;
}

export type ParseResult<T> = { ok: true; data: T } | ({ ok: false } & FormFailure);

const SECRET_FIELD = /password|token|secret/i;

/** One text field, '' when absent or a file. */
export function formText(formData: FormData, name: string): string {
	const value = formData.get(name);
	return typeof value === 'string' ? value : '';
}

/** Form fields as strings; a field sent several times (checkboxes) becomes an array. */
export function formValues(formData: FormData): FormValues {
	const values: FormValues = {};
	for (const [key, raw] of formData.entries()) {
		if (typeof raw !== 'string') continue;
		const previous = values[key];
		// PostgreSQL text cannot hold NUL: such a byte would turn a form post into a 500. It carries
		// no meaning in a form, so it is dropped (found by tests/integration/fuzz-editing.test.ts).
		const value = raw.replaceAll('\u0000', '');
		if (previous === undefined) values[key] = value;
		else values[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
	}
	return values;
}

function withoutSecrets(values: FormValues): FormValues {
	return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELD.test(key)));
}

/**
 * How a domain rule's refusal (RuleError) shows on its form: next to the field it names, with the
 * summary above the form, or above the form alone.
 */
export function ruleFeedback(
	t: Messages,
	rule: { messageKey: MessageKey; field?: string; params?: RuleParams },
	locale: Locale = 'fr'
): Pick<FormFailure, 'errors'> & { formError: string } {
	const params = Object.entries(rule.params ?? {}).map(([name, value]) => [name, typeof value === 'string' ? value : formatDay(value.day, locale)]);
	const message = format(translate(t, rule.messageKey), Object.fromEntries(params));
	return rule.field ? { errors: { [rule.field]: message }, formError: t.form.errorSummary } : { errors: {}, formError: message };
}

function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
	const t = messages(locale);
	const custom = isMessageKey(t, issue.message) ? translate(t, issue.message) : null;
	if (custom) return 'maximum' in issue ? format(custom, { max: String(issue.maximum) }) : custom;
	switch (issue.code) {
		case 'too_small':
			return t.form.required;
		case 'too_big':
			return format(t.form.tooLong, { max: String(issue.maximum) });
		case 'invalid_format':
			return issue.format === 'email' ? t.form.invalidEmail : issue.format === 'url' ? t.form.invalidUrl : t.form.invalidDate;
		case 'invalid_value':
			return t.form.invalidChoice;
		case 'invalid_type':
			return issue.expected === 'number' ? t.form.invalidNumber : t.form.required;
		default:
			return t.form.errorSummary;
	}
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, locale: Locale): ParseResult<z.output<S>> {
	const values = formValues(formData);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	let formError: string | undefined;
	for (const issue of result.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			formError = messages(locale).form.errorSummary;
			continue;
		}
		const field = String(issue.path[0] ?? '');
		if (!field) formError ??= issueMessage(issue, locale);
		else errors[field] ??= issueMessage(issue, locale);
	}
	return { ok: false, values: withoutSecrets(values), errors, formError: formError ?? messages(locale).form.errorSummary };
}

// Building blocks for form schemas. Empty inputs arrive as "" and mean "nothing".
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.transform((v) => (v === '' ? null : v));
export const httpUrl = z
	.string()
	.trim()
	.max(2000)
	.pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'form.invalidUrl' }));
export const isoDay = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'form.invalidDate' })
	.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
		error: 'form.invalidDate'
	});
export const version = z.coerce.number().int().min(1);
/** The one-time token of a create form (auth/tokens.ts generateToken, given by the root layout); optional, so that a script can post without one. */
export const formToken = z
	.string()
	.regex(/^[A-Za-z0-9_-]{20,64}$/, { error: 'form.invalidChoice' })
	.optional();

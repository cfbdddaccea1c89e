// Reading a form's values (what was typed, or what is stored) in components.
import type { FormValues } from '$lib/server/forms/form';

export interface Failure {
	formId: string;
	/** Absent when the post had been saved already (sent twice): the form shows as first loaded. */
	values?: FormValues;
	errors: Record<string, string>;
	formError?: string;
	conflict?: FormValues;
	base?: FormValues;
}

/** The failure of this form, if the last post was this form's and failed. */
export function failureOf(form: unknown, formId: string): Failure | null {
	const candidate = form as Partial<Failure> | null | undefined;
	return candidate && candidate.formId === formId && candidate.errors ? (candidate as Failure) : null;
}

export function text(values: FormValues, key: string): string {
	const value = values[key];
	return Array.isArray(value) ? value.join('\n') : (value ?? '');
}

export function list(values: FormValues, key: string): string[] {
	const value = values[key];
	return Array.isArray(value) ? value : value ? [value] : [];
}

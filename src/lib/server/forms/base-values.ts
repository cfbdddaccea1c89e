// The values a versioned form was loaded with travel with it as hidden `base_<field>` inputs (no
// JavaScript needed), so that a save over a newer version can be merged three ways
// ($lib/domain/three-way-merge). They are not the form's own fields: split off before parsing.
import type { FormValues } from './form';
import { formValues } from './form';

const BASE_PREFIX = 'base_';

export function splitBase(formData: FormData): { fields: FormData; base: FormValues | null } {
	const fields = new FormData();
	const entries: [string, FormDataEntryValue][] = [];
	for (const [key, value] of formData.entries()) {
		if (key.startsWith(BASE_PREFIX)) entries.push([key.slice(BASE_PREFIX.length), value]);
		else fields.append(key, value);
	}
	if (entries.length === 0) return { fields, base: null };
	const baseData = new FormData();
	for (const [key, value] of entries) baseData.append(key, value);
	// A field that is present but empty in the base is sent as one empty input.
	return { fields, base: formValues(baseData) };
}

export function withValues(values: FormValues): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(values)) {
		for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
	}
	return data;
}

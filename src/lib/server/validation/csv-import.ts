// Form inputs of the CSV import pages (the file itself is read from the multipart body by the route).
import { z } from 'zod';
import { PARAM_PATTERNS } from '$lib/route-params';
import { IMPORT_FIELDS, type ImportField } from '../import/mapping';

export const uploadForm = z
	.strictObject({
		target: z.enum(['existing', 'new']),
		plan: z.string().trim().max(120).default(''),
		title: z.string().trim().max(300).default(''),
		slug: z.string().trim().max(120).default('')
	})
	.superRefine((value, ctx) => {
		if (value.target === 'existing' && !PARAM_PATTERNS.slug.test(value.plan)) ctx.addIssue({ code: 'custom', path: ['plan'], message: 'form.required' });
		if (value.target === 'new' && value.title === '') ctx.addIssue({ code: 'custom', path: ['title'], message: 'csvImport.blockers.titleMissing' });
		if (value.target === 'new' && !PARAM_PATTERNS.slug.test(value.slug)) ctx.addIssue({ code: 'custom', path: ['slug'], message: 'csvImport.blockers.slugInvalid' });
	});

/** One select per field; an empty value leaves the field without a column. */
export const mappingForm = z.strictObject(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.string().max(300).default('')])) as Record<ImportField, z.ZodDefault<z.ZodString>>);

const lines = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().min(1).max(1_000_000)).max(100_000));
export const confirmForm = z.strictObject({ exclude: lines, createOwners: z.literal('on').optional() });

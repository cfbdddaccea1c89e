// Just enough JSON Schema (the subset openapi.ts uses) to check real API responses against the
// OpenAPI document: $ref, type (or list of types), enum, properties, required,
// additionalProperties, items, anyOf, format date / date-time / uri.
import type { JsonSchema } from '../../src/lib/server/api/openapi';

const FORMATS: Record<string, (v: string) => boolean> = {
	date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
	'date-time': (v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v),
	uri: (v) => URL.canParse(v)
};

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

/** Returns the list of problems, empty when the value conforms. */
export function validate(value: unknown, schema: JsonSchema, schemas: Record<string, JsonSchema>, path = '$'): string[] {
	if (schema.$ref) {
		const target = schemas[schema.$ref.replace('#/components/schemas/', '')];
		return target ? validate(value, target, schemas, path) : [`${path}: unresolved ${schema.$ref}`];
	}
	if (schema.anyOf) {
		return schema.anyOf.some((s) => validate(value, s, schemas, path).length === 0) ? [] : [`${path}: matches no anyOf branch`];
	}
	const problems: string[] = [];
	if (schema.type) {
		const types = Array.isArray(schema.type) ? schema.type : [schema.type];
		const actual = typeOf(value);
		if (!types.includes(actual as never) && !(actual === 'integer' && types.includes('number'))) return [`${path}: ${actual} is not ${types.join('|')}`];
	}
	if (schema.enum && !schema.enum.includes(value as string | null)) problems.push(`${path}: ${JSON.stringify(value)} not in enum`);
	if (schema.format && typeof value === 'string' && !FORMATS[schema.format]!(value)) problems.push(`${path}: not a ${schema.format}`);
	if (Array.isArray(value) && schema.items) value.forEach((item, i) => problems.push(...validate(item, schema.items!, schemas, `${path}[${i}]`)));
	if (typeOf(value) === 'object') {
		const record = value as Record<string, unknown>;
		for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${path}: missing ${key}`);
		for (const [key, item] of Object.entries(record)) {
			const property = schema.properties?.[key];
			if (property) problems.push(...validate(item, property, schemas, `${path}.${key}`));
			else if (schema.additionalProperties === false) problems.push(`${path}: unexpected ${key}`);
			else if (typeof schema.additionalProperties === 'object') problems.push(...validate(item, schema.additionalProperties, schemas, `${path}.${key}`));
		}
	}
	return problems;
}

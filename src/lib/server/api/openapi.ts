// The OpenAPI 3.1 description of /api/v1, as a typed object. Its schemas are strict (every property
// listed and required, no extras) and a test validates real responses against them, so the
// document cannot drift from what the API sends.
import { DATE_PRECISIONS } from '../../domain/dates';
import { STATUS_KEYS } from '../../domain/status';
import { Confidence, EvidenceKind, IndicatorDirection, ProgressMethod } from '../db/generated/enums';
import { PUBLIC_PLAN_STATUSES } from '../../domain/plan-status';
import { messages, type Locale } from '../../i18n';
import { SUCCESSION_KINDS } from '../../domain/succession';
import { PER_PAGE_DEFAULT, PER_PAGE_MAX } from './pagination';

interface JsonSchema {
	$ref?: string;
	type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null' | ('string' | 'integer' | 'number' | 'boolean' | 'null')[];
	format?: 'date' | 'date-time' | 'uri';
	enum?: readonly (string | null)[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean | JsonSchema;
	items?: JsonSchema;
	anyOf?: JsonSchema[];
	minimum?: number;
	maximum?: number;
	default?: number;
	description?: string;
}

interface Parameter {
	name: string;
	in: 'path' | 'query';
	required: boolean;
	description: string;
	schema: JsonSchema;
}

interface Response {
	description: string;
	headers?: Record<string, { description: string; schema: JsonSchema }>;
	content?: Record<string, { schema: JsonSchema }>;
}

interface Operation {
	operationId: string;
	summary: string;
	tags: string[];
	parameters?: Parameter[];
	responses: Record<string, Response>;
}

export interface OpenApiDocument {
	openapi: '3.1.0';
	info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
	servers: { url: string }[];
	tags: { name: string; description: string }[];
	paths: Record<string, { get: Operation }>;
	components: { schemas: Record<string, JsonSchema> };
}

const str: JsonSchema = { type: 'string' };
const int: JsonSchema = { type: 'integer' };
const num: JsonSchema = { type: 'number' };
const bool: JsonSchema = { type: 'boolean' };
const day: JsonSchema = { type: 'string', format: 'date' };
const uri: JsonSchema = { type: 'string', format: 'uri' };
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
const nullable = (schema: JsonSchema): JsonSchema =>
	schema.$ref || schema.type === 'object' || schema.type === 'array'
		? { anyOf: [schema, { type: 'null' }] }
		: { ...schema, type: [schema.type as 'string', 'null'], ...(schema.enum ? { enum: [...schema.enum, null] } : {}) };
const oneOf = (values: readonly string[]): JsonSchema => ({ type: 'string', enum: values });
/** Every property is always sent (null when unknown): all are required, none other allowed. */
const obj = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
	type: 'object',
	...(description ? { description } : {}),
	properties,
	required: Object.keys(properties),
	additionalProperties: false
});
const links: JsonSchema = { type: 'object', additionalProperties: uri };

function schemas(t: ReturnType<typeof messages>['opendata']['openapi']): Record<string, JsonSchema> {
	const status = { ...oneOf(STATUS_KEYS), description: t.status };
	const progress = obj({ value: { ...nullable(num), description: t.progress }, method: oneOf(Object.values(ProgressMethod)), asOf: nullable(day) });
	const rollUp = obj({ value: nullable(num), known: int, unknown: int }, t.rollUp);
	const statusCounts = obj(Object.fromEntries(STATUS_KEYS.map((k) => [k, int])));
	const owner = obj({ code: str, name: str });
	return {
		Error: obj({ error: { ...str, description: t.error } }),
		PreciseDate: obj({ start: nullable(day), precision: oneOf(DATE_PRECISIONS) }, t.preciseDate),
		Owner: owner,
		PlanSummary: obj({
			id: str,
			slug: str,
			title: str,
			titleEn: nullable(str),
			summary: nullable(str),
			adoptedOn: nullable(day),
			status: oneOf(PUBLIC_PLAN_STATUSES),
			archivedOn: nullable(day),
			isDefault: bool,
			contentLicence: str,
			contentLicenceUrl: uri,
			measureCount: int,
			links
		}),
		Axis: obj({
			number: int,
			title: str,
			leadOwner: nullable(ref('Owner')),
			progress: rollUp,
			statusCounts,
			measureNumbers: arr(str),
			links
		}),
		Plan: obj({
			id: str,
			slug: str,
			title: str,
			summary: nullable(str),
			adoptedOn: nullable(day),
			status: oneOf(PUBLIC_PLAN_STATUSES),
			archivedOn: nullable(day),
			archiveNote: nullable(str),
			contentLicence: str,
			contentLicenceUrl: uri,
			sourceUrls: arr(uri),
			progress: rollUp,
			statusCounts,
			measureCount: int,
			lastChangeAt: nullable({ type: 'string', format: 'date-time' }),
			computedOn: day,
			axes: arr(ref('Axis')),
			links
		}),
		MeasureSummary: obj({
			id: str,
			number: str,
			axis: int,
			title: str,
			status,
			statusAsOf: nullable(day),
			progress,
			confidence: nullable(oneOf(Object.values(Confidence))),
			leadOwner: ref('Owner'),
			nextMilestone: nullable(obj({ title: str, due: ref('PreciseDate'), late: bool, daysLeft: nullable(int) })),
			lateMilestones: int,
			latestUpdate: nullable(obj({ date: day, precision: oneOf(DATE_PRECISIONS), text: str })),
			links
		}),
		Milestone: obj({
			id: str,
			title: str,
			description: nullable(str),
			planned: nullable(ref('PreciseDate')),
			forecast: nullable(day),
			doneOn: nullable(day),
			weight: int,
			late: bool,
			replans: arr(obj({ previous: nullable(ref('PreciseDate')), at: { type: 'string', format: 'date-time' }, reason: str }))
		}),
		Evidence: obj({ id: str, title: str, url: str, kind: oneOf(Object.values(EvidenceKind)), date: nullable(day), milestoneTitle: nullable(str) }),
		Indicator: obj({
			id: str,
			name: str,
			description: nullable(str),
			unit: str,
			baseline: num,
			baselineDate: nullable(day),
			target: nullable(num),
			targetDate: nullable(day),
			direction: oneOf(Object.values(IndicatorDirection)),
			progress: nullable(num),
			values: arr(obj({ date: day, precision: oneOf(DATE_PRECISIONS), value: num, qualifier: nullable(str), sourceUrl: str, note: nullable(str), automatic: bool }))
		}),
		Succession: obj({
			kind: oneOf(SUCCESSION_KINDS),
			reason: nullable(str),
			measure: nullable(obj({ plan: str, number: str, title: str, links }))
		}),
		Update: obj({ id: str, date: day, precision: oneOf(DATE_PRECISIONS), text: str, blockers: nullable(str), nextSteps: nullable(str), sourceUrls: arr(str) }),
		Measure: obj({
			id: str,
			number: str,
			title: str,
			description: str,
			subActions: arr(str),
			plan: obj({ slug: str, title: str, status: oneOf(PUBLIC_PLAN_STATUSES), archivedOn: nullable(day), archiveNote: nullable(str) }),
			axis: obj({ number: int, title: str }),
			status,
			statusAsOf: nullable(day),
			progress,
			confidence: nullable(oneOf(Object.values(Confidence))),
			confidenceExplanation: nullable(str),
			confidenceAsOf: nullable(day),
			plannedStart: nullable(ref('PreciseDate')),
			plannedEnd: nullable(ref('PreciseDate')),
			endLate: bool,
			retiredOn: nullable(day),
			retirementReason: nullable(str),
			leadOwner: obj({ code: str, name: str, description: nullable(str) }),
			contributors: arr(ref('Owner')),
			milestones: arr(ref('Milestone')),
			evidence: arr(ref('Evidence')),
			indicators: arr(ref('Indicator')),
			updates: arr(ref('Update')),
			successors: arr(ref('Succession')),
			predecessors: arr(ref('Succession')),
			lastChangeAt: nullable({ type: 'string', format: 'date-time' }),
			computedOn: day,
			links
		}),
		OwnerWithMeasures: obj({
			code: str,
			name: str,
			description: nullable(str),
			measures: arr(obj({ plan: str, number: str, role: oneOf(['lead', 'contributor']) }))
		}),
		PageMeta: obj({ page: int, perPage: int, total: int, totalPages: int })
	};
}

function operation(
	t: ReturnType<typeof messages>['opendata']['openapi'],
	spec: { id: string; summary: string; tag: string; body: JsonSchema; parameters?: Parameter[]; paged?: boolean; notFound?: boolean }
): Operation {
	const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
	const headers: NonNullable<Response['headers']> = { ETag: { description: t.etag, schema: str } };
	if (spec.paged) {
		headers['Link'] = { description: t.link, schema: str };
		headers['X-Total-Count'] = { description: t.totalCount, schema: int };
	}
	return {
		operationId: spec.id,
		summary: spec.summary,
		tags: [spec.tag],
		...(spec.parameters ? { parameters: spec.parameters } : {}),
		responses: {
			'200': { description: t.ok, headers, content: json(spec.body) },
			'304': { description: t.notModified },
			...(spec.paged ? { '400': { description: t.badRequest, content: json(ref('Error')) } } : {}),
			...(spec.notFound ? { '404': { description: t.notFound, content: json(ref('Error')) } } : {}),
			'503': { description: t.unavailable, content: json(ref('Error')) }
		}
	};
}

export function openApiDocument(origin: string, locale: Locale = 'fr'): OpenApiDocument {
	const t = messages(locale).opendata.openapi;
	const data = (schema: JsonSchema, extra: Record<string, JsonSchema> = {}) => obj({ data: schema, ...extra });
	const slug: Parameter = { name: 'slug', in: 'path', required: true, description: t.slug, schema: str };
	const number: Parameter = { name: 'number', in: 'path', required: true, description: t.number, schema: str };
	const page: Parameter = { name: 'page', in: 'query', required: false, description: t.page, schema: { type: 'integer', minimum: 1, default: 1 } };
	const perPage: Parameter = {
		name: 'per_page',
		in: 'query',
		required: false,
		description: t.perPage,
		schema: { type: 'integer', minimum: 1, maximum: PER_PAGE_MAX, default: PER_PAGE_DEFAULT }
	};
	const op = (spec: Parameters<typeof operation>[1]) => ({ get: operation(t, spec) });
	return {
		openapi: '3.1.0',
		info: { title: t.title, version: '1.0.0', description: t.description, license: { name: 'Licence Ouverte 2.0', identifier: 'etalab-2.0' } },
		servers: [{ url: new URL('/api/v1', origin).href }],
		tags: [
			{ name: 'plans', description: t.tags.plans },
			{ name: 'mesures', description: t.tags.measures },
			{ name: 'porteurs', description: t.tags.owners },
			{ name: 'description', description: t.tags.meta }
		],
		paths: {
			'/': op({ id: 'getRoot', summary: t.root, tag: 'description', body: data(obj({ links })) }),
			'/openapi.json': op({ id: 'getOpenApi', summary: t.openapi, tag: 'description', body: { type: 'object' } }),
			'/plans': op({ id: 'listPlans', summary: t.plans, tag: 'plans', body: data(arr(ref('PlanSummary'))) }),
			'/plans/{slug}': op({ id: 'getPlan', summary: t.plan, tag: 'plans', parameters: [slug], notFound: true, body: data(ref('Plan')) }),
			'/plans/{slug}/measures': op({
				id: 'listMeasures',
				summary: t.measures,
				tag: 'mesures',
				parameters: [slug, page, perPage],
				paged: true,
				notFound: true,
				body: data(arr(ref('MeasureSummary')), { meta: ref('PageMeta') })
			}),
			'/plans/{slug}/measures/{number}': op({
				id: 'getMeasure',
				summary: t.measure,
				tag: 'mesures',
				parameters: [slug, number],
				notFound: true,
				body: data(ref('Measure'))
			}),
			'/owners': op({ id: 'listOwners', summary: t.owners, tag: 'porteurs', body: data(arr(ref('OwnerWithMeasures'))) })
		},
		components: { schemas: schemas(t) }
	};
}

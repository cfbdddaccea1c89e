// The read-only API, called through its route handlers against a real database: shapes checked
// against the OpenAPI document, pagination, errors as JSON, CORS, ETag/304, drafts kept out.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { error } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { requestEvent } from '../helpers/request-event';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { openApiDocument } from '../../src/lib/server/api/openapi';
import { GET as root } from '../../src/routes/api/v1/+server';
import { GET as openapi } from '../../src/routes/api/v1/openapi.json/+server';
import { GET as plans } from '../../src/routes/api/v1/plans/+server';
import { GET as plan } from '../../src/routes/api/v1/plans/[slug]/+server';
import { GET as measures } from '../../src/routes/api/v1/plans/[slug]/measures/+server';
import { GET as measure } from '../../src/routes/api/v1/plans/[slug]/measures/[number]/+server';
import { GET as owners } from '../../src/routes/api/v1/owners/+server';
import { fallback } from '../../src/routes/api/[...rest]/+server';

const db = vi.hoisted((): { current: unknown; down: boolean } => ({ current: null, down: false }));
vi.mock('../../src/lib/server/db/request', () => ({
	requestDb: async () => {
		if (db.down) error(503, 'Service momentanément indisponible');
		return db.current;
	}
}));

type Handler = (event: never) => Response | Promise<Response>;
let database: TestDatabase;
const SLUG = DEFAULT_PLAN_SLUG;
const DRAFT_TEXT = 'BROUILLON-API-SECRET';

async function call(handler: Handler, url: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
	const response = await handler(requestEvent<never>(url, params, headers));
	const text = await response.text();
	return { response, status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const doc = openApiDocument('http://jalons.test');
// Responses are checked by ajv against the document's own schemas (JSON Schema 2020-12, the dialect
// of OpenAPI 3.1), reached by JSON pointer so that their `#/components/schemas/…` references resolve.
const DOC_ID = 'https://jalons.test/openapi.json';
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addKeyword('components').addKeyword('paths');
ajv.addSchema({ $id: DOC_ID, components: doc.components, paths: doc.paths });
const pointer = (...parts: string[]) => parts.map((part) => encodeURIComponent(part.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');
const okSchema = (p: string) => `${DOC_ID}#/${pointer('paths', p, 'get', 'responses', '200', 'content', 'application/json', 'schema')}`;
/** The problems ajv finds in `value` against the schema at `ref`, as "path keyword" strings. */
function problems(value: unknown, ref: string): string[] {
	const check = ajv.getSchema(ref);
	if (!check) throw new Error(`no schema at ${ref}`);
	return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '$'} ${e.keyword} ${JSON.stringify(e.params)}`);
}
function conforms(body: unknown, ref: string) {
	expect(problems(body, ref)).toEqual([]);
}

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
	db.current = database.prisma;
	const m = await database.prisma.measure.findFirstOrThrow({ where: { number: '2.2' } });
	await database.prisma.progressUpdate.create({ data: { planId: m.planId, measureId: m.id, date: new Date('2030-01-01'), text: DRAFT_TEXT, sourceUrls: [] } });
});
afterAll(async () => {
	await database?.close();
});

describe('API v1', () => {
	it('lists the plans, described by the OpenAPI document', async () => {
		const { status, body, headers } = await call(plans, '/api/v1/plans');
		expect(status).toBe(200);
		expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
		conforms(body, okSchema('/plans'));
		const [first] = body!.data as { slug: string; measureCount: number; links: Record<string, string> }[];
		expect(first).toMatchObject({ slug: SLUG, measureCount: 10 });
		expect(first!.links.feed).toBe(`http://jalons.test/flux/${SLUG}.atom`);
		conforms((await call(root, '/api/v1')).body, okSchema('/'));
	});

	it('gives a plan with its axes', async () => {
		const { status, body } = await call(plan, `/api/v1/plans/${SLUG}`, { slug: SLUG });
		expect(status).toBe(200);
		conforms(body, okSchema('/plans/{slug}'));
		const data = body!.data as { axes: { number: number; measureNumbers: string[] }[]; progress: unknown };
		expect(data.axes.map((a) => a.measureNumbers.length)).toEqual([4, 3, 3]);
		expect(data.progress).toEqual({ value: null, known: 0, unknown: 10 });
	});

	it('pages the measures with a total and Link headers', async () => {
		const all = await call(measures, `/api/v1/plans/${SLUG}/measures`, { slug: SLUG });
		conforms(all.body, okSchema('/plans/{slug}/measures'));
		expect((all.body!.data as unknown[]).length).toBe(10);
		expect(all.body!.meta).toEqual({ page: 1, perPage: 20, total: 10, totalPages: 1 });
		expect(all.headers.get('x-total-count')).toBe('10');

		const page = await call(measures, `/api/v1/plans/${SLUG}/measures?page=2&per_page=3`, { slug: SLUG });
		expect((page.body!.data as { number: string }[]).map((m) => m.number)).toEqual(['1.4', '2.1', '2.2']);
		expect(page.headers.get('link')).toContain(`<http://jalons.test/api/v1/plans/${SLUG}/measures?page=3&per_page=3>; rel="next"`);
		expect(page.headers.get('link')).toContain('rel="prev"');
		expect(page.headers.get('access-control-expose-headers')).toContain('Link');

		const beyond = await call(measures, `/api/v1/plans/${SLUG}/measures?page=9`, { slug: SLUG });
		expect(beyond.status).toBe(200);
		expect(beyond.body!.data).toEqual([]);
	});

	it('gives a measure with milestones, evidence, indicators and published updates only', async () => {
		const { status, body } = await call(measure, `/api/v1/plans/${SLUG}/measures/2.2`, { slug: SLUG, number: '2.2' });
		expect(status).toBe(200);
		conforms(body, okSchema('/plans/{slug}/measures/{number}'));
		const data = body!.data as { evidence: unknown[]; indicators: { values: unknown[] }[]; updates: { text: string }[] };
		expect(data.evidence).toHaveLength(6);
		expect(data.indicators[0]!.values).toHaveLength(6);
		expect(data.updates.length).toBeGreaterThan(0);
		expect(JSON.stringify(body)).not.toContain(DRAFT_TEXT);
		expect(JSON.stringify(body)).not.toContain('leadOwnerId');
	});

	it('lists the owners and their measures', async () => {
		const { body } = await call(owners, '/api/v1/owners');
		conforms(body, okSchema('/owners'));
		const list = body!.data as { code: string; measures: { role: string }[] }[];
		expect(list.find((o) => o.code === 'POLE_LL')?.measures.some((m) => m.role === 'contributor')).toBe(true);
	});

	it('answers unknown things with a JSON 404', async () => {
		const cases: [Handler, string, Record<string, string>][] = [
			[plan, '/api/v1/plans/inconnu', { slug: 'inconnu' }],
			[plan, '/api/v1/plans/%3Cscript%3E', { slug: '<script>' }],
			[measures, '/api/v1/plans/inconnu/measures', { slug: 'inconnu' }],
			[measure, `/api/v1/plans/${SLUG}/measures/9.9`, { slug: SLUG, number: '9.9' }],
			[measure, `/api/v1/plans/${SLUG}/measures/abc`, { slug: SLUG, number: 'abc' }],
			[fallback, '/api/v1/nexiste/pas', { rest: 'v1/nexiste/pas' }]
		];
		for (const [handler, url, params] of cases) {
			const { status, body, headers } = await call(handler, url, params);
			expect(status, url).toBe(404);
			expect(typeof body!.error, url).toBe('string');
			expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
			expect(headers.get('access-control-allow-origin')).toBe('*');
		}
		expect((await call(measure, `/api/v1/plans/${SLUG}/measures/9.9`, { slug: SLUG, number: '9.9' })).body!.error).toBe(
			`Le plan «\u202f${SLUG}\u202f» n’a pas de mesure numéro «\u202f9.9\u202f».`
		);
	});

	it('answers bad query parameters with a JSON 400 in French', async () => {
		for (const query of ['per_page=101', 'per_page=0', 'page=abc', 'page=-2']) {
			const { status, body } = await call(measures, `/api/v1/plans/${SLUG}/measures?${query}`, { slug: SLUG });
			expect(status, query).toBe(400);
			expect(body!.error).toMatch(/^Le paramètre «\s(page|per_page)\s» doit être un nombre entier/);
		}
	});

	it('answers 503 in JSON when the database is down', async () => {
		db.down = true;
		try {
			const { status, body } = await call(plans, '/api/v1/plans');
			expect(status).toBe(503);
			expect(body!.error).toMatch(/indisponible/);
		} finally {
			db.down = false;
		}
	});

	it('opens CORS to every site without reflecting the origin', async () => {
		const { headers } = await call(plans, '/api/v1/plans', {}, { Origin: 'https://evil.example' });
		expect(headers.get('access-control-allow-origin')).toBe('*');
		expect(headers.get('access-control-allow-credentials')).toBeNull();
	});

	it('answers 304 when the client already has the current version', async () => {
		const first = await call(plan, `/api/v1/plans/${SLUG}`, { slug: SLUG });
		const etag = first.headers.get('etag')!;
		expect(first.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
		const again = await call(plan, `/api/v1/plans/${SLUG}`, { slug: SLUG }, { 'If-None-Match': etag });
		expect(again.status).toBe(304);
		expect(again.body).toBeNull();
		expect(again.headers.get('etag')).toBe(etag);
	});
});

describe('OpenAPI document', () => {
	it('is OpenAPI 3.1 and resolves every reference', async () => {
		const { body } = await call(openapi, '/api/v1/openapi.json');
		expect(body!.openapi).toBe('3.1.0');
		expect((body!.servers as { url: string }[])[0]!.url).toBe('http://jalons.test/api/v1');
		const refs = JSON.stringify(body).match(/#\/components\/schemas\/\w+/g) ?? [];
		for (const ref of new Set(refs)) expect(doc.components.schemas[ref.split('/').at(-1)!], ref).toBeDefined();
	});

	it('has strict schemas: a response with a wrong, missing or extra field does not conform', () => {
		expect(problems({ data: [{ slug: 1 }] }, okSchema('/plans')).length).toBeGreaterThan(1);
		expect(problems({ data: { links: {} }, extra: true }, okSchema('/'))).toEqual(['$ additionalProperties {"additionalProperty":"extra"}']);
		expect(problems({ error: 'x' }, `${DOC_ID}#/components/schemas/Error`)).toEqual([]);
		expect(problems({ error: 1 }, `${DOC_ID}#/components/schemas/Error`)).toEqual(['/error type {"type":"string"}']);
		for (const p of Object.keys(doc.paths)) expect(ajv.getSchema(okSchema(p)), p).toBeDefined();
	});

	it('describes every route under src/routes/api/v1', () => {
		const base = path.resolve('src/routes/api/v1');
		const routes = (readdirSync(base, { recursive: true }) as string[])
			.filter((file) => path.basename(file) === '+server.ts')
			.map(
				(file) =>
					'/' +
					path
						.dirname(file)
						.split(path.sep)
						.filter((s) => s !== '.')
						.join('/')
			)
			.map((route) => route.replace(/\[(\w+)\]/g, '{$1}'));
		expect(routes.length).toBeGreaterThanOrEqual(7);
		for (const route of routes) expect(Object.keys(doc.paths), route).toContain(route);
		expect(Object.keys(doc.paths).sort()).toEqual([...routes].sort());
	});
});

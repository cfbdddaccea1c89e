// Every published descriptor is checked by a published validator, as a reuser's tools would:
// datapackage.json and each <dataset>.schema.json by Frictionless's libraries against the official
// Data Package and Table Schema profiles, each CSV against its schema, and the OpenAPI document by
// an OpenAPI schema validator. The files are taken from the routes that serve them.
import { error } from '@sveltejs/kit';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { requestEvent } from '../helpers/request-event';
import { csvProblems, dataPackageProblems, tableSchemaProblems } from '../helpers/frictionless';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { DATASETS } from '../../src/lib/server/opendata/datasets';
import { createLargePlan } from '../helpers/large-plan';
import { GET as file } from '../../src/routes/(public)/donnees/[slug=slug]/[file]/+server';
import { GET as openapi } from '../../src/routes/api/v1/openapi.json/+server';

const db = vi.hoisted((): { current: unknown } => ({ current: null }));
vi.mock('../../src/lib/server/db/request', () => ({ requestDb: async () => db.current ?? error(503, 'down') }));

const SLUG = DEFAULT_PLAN_SLUG;
let database: TestDatabase;

async function serve(name: string, slug = SLUG): Promise<Response> {
	const response = await file(requestEvent(`/donnees/${slug}/${name}`, { slug, file: name }));
	expect(response.status, name).toBe(200);
	return response;
}
const served = async (name: string, slug = SLUG) => (await serve(name, slug)).text();

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
	db.current = database.prisma;
});
afterAll(async () => {
	await database?.close();
});

describe('published descriptors', () => {
	it('each <dataset>.schema.json is a valid Table Schema', async () => {
		for (const dataset of DATASETS) {
			const name = `${dataset.name}.schema.json`;
			expect(await tableSchemaProblems(JSON.parse(await served(name)) as object), name).toEqual([]);
		}
	});

	it('each <dataset>.csv conforms to its served Table Schema', async () => {
		for (const dataset of DATASETS) {
			const schema = JSON.parse(await served(`${dataset.name}.schema.json`)) as object;
			expect(await csvProblems(schema, await served(`${dataset.name}.csv`)), dataset.name).toEqual([]);
		}
	});

	it('datapackage.json is a valid Tabular Data Package whose files read with their foreign keys resolved', async () => {
		const descriptor = JSON.parse(await served('datapackage.json')) as object;
		const files: Record<string, string> = {};
		for (const dataset of DATASETS) files[`${dataset.name}.csv`] = await served(`${dataset.name}.csv`);
		expect(await dataPackageProblems(descriptor, files)).toEqual([]);
	});

	it('a plan of more than 1,000 measures: its files are streamed (no ETag, not kept), still valid, and its package lists them without sizes', async () => {
		const slug = 'plan-streame';
		await createLargePlan(database.prisma, { slug, measures: 1001, milestonesPerMeasure: 1, updatesPerMeasure: 1 });
		const measures = await serve('mesures.csv', slug);
		expect(measures.headers.get('etag')).toBeNull();
		expect(measures.headers.get('cache-control')).toBe('public, no-cache');
		expect(measures.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const small = await serve('mesures.csv');
		expect(small.headers.get('etag')).toMatch(/^"/);
		expect(small.headers.get('cache-control')).toMatch(/max-age=60/);

		const descriptor = JSON.parse(await served('datapackage.json', slug)) as { resources: Record<string, unknown>[] };
		expect(descriptor.resources.map((r) => [r.bytes, r.hash])).toEqual(DATASETS.map(() => [undefined, undefined]));
		const files: Record<string, string> = { 'mesures.csv': await measures.text() };
		for (const dataset of DATASETS.slice(1)) files[`${dataset.name}.csv`] = await served(`${dataset.name}.csv`, slug);
		expect(files['mesures.csv']!.trim().split('\r\n')).toHaveLength(1002);
		expect(await dataPackageProblems(descriptor, files)).toEqual([]);
		expect((JSON.parse(await served('jalons.json', slug)) as unknown[]).length).toBe(1001);
	}, 120_000);

	it('/api/v1/openapi.json is a valid OpenAPI 3.1 document', async () => {
		const response = await openapi(requestEvent('/api/v1/openapi.json', {}));
		const result = await new Validator().validate((await response.json()) as Record<string, unknown>);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
	});
});

describe('the validators used above', () => {
	// A validator that accepts everything would make the tests above pass vacuously.
	it('refuse an empty foreignKeys list, a bad cell and a dangling foreign key', async () => {
		const schema = {
			fields: [
				{ name: 'id', type: 'string', constraints: { required: true, unique: true } },
				{ name: 'url', type: 'string', format: 'uri' }
			],
			primaryKey: ['id']
		};
		expect(await tableSchemaProblems({ ...schema, foreignKeys: [] })).not.toEqual([]);
		const problems = await csvProblems(schema, 'id,url\r\na,https://april.org/\r\na,https://april.org/b\r\n,\r\n');
		expect(problems).toEqual([expect.stringMatching(/^row 3: .*unique/), expect.stringMatching(/^row 4: .*required/)]);
		expect((await csvProblems(schema, 'id,url\r\na,https://april.org./x\r\n'))[0]).toMatch(/"https:\/\/april\.org\.\/x" .* format "uri"/);
		expect(await csvProblems(schema, 'url,id\r\nhttps://april.org/,a\r\n')).toContainEqual(expect.stringMatching(/^header/));
		const child = {
			fields: [
				{ name: 'id', type: 'string' },
				{ name: 'parent', type: 'string' }
			],
			foreignKeys: [{ fields: 'parent', reference: { resource: 'parents', fields: 'id' } }]
		};
		const pkg = {
			profile: 'tabular-data-package',
			name: 'p',
			resources: [
				{ profile: 'tabular-data-resource', name: 'parents', path: 'parents.csv', schema },
				{ profile: 'tabular-data-resource', name: 'children', path: 'children.csv', schema: child }
			]
		};
		expect(await dataPackageProblems(pkg, { 'parents.csv': 'id,url\r\na,\r\n', 'children.csv': 'id,parent\r\nc1,a\r\nc2,b\r\n' })).toHaveLength(1);
		expect(await dataPackageProblems(pkg, { 'parents.csv': 'id,url\r\na,\r\n', 'children.csv': 'id,parent\r\nc1,a\r\n' })).toEqual([]);
		expect((await new Validator().validate({ openapi: '3.1.0', info: { title: 'x' }, paths: {} })).valid).toBe(false);
	});
});

// The download routes and the open data page load, through their handlers.
import { error } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { requestEvent } from '../helpers/request-event';
import { parse } from 'csv-parse/sync';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { GET as file } from '../../src/routes/(public)/donnees/[slug=slug]/[file]/+server';
import { load } from '../../src/routes/(public)/donnees/[slug=slug]/+page.server';

const db = vi.hoisted((): { current: unknown } => ({ current: null }));
vi.mock('../../src/lib/server/db/request', () => ({ requestDb: async () => db.current ?? error(503, 'down') }));

const SLUG = DEFAULT_PLAN_SLUG;
let database: TestDatabase;
const get = (name: string, headers: Record<string, string> = {}, slug = SLUG) => file(requestEvent(`/donnees/${slug}/${name}`, { slug, file: name }, headers));

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
	db.current = database.prisma;
});
afterAll(async () => {
	await database?.close();
});

describe('open data downloads', () => {
	it('serve CSV as an attachment, without BOM, with an ETag and open CORS', async () => {
		const response = await get('mesures.csv');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${SLUG}-mesures.csv"`);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
		const bytes = new Uint8Array(await response.clone().arrayBuffer());
		expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
		expect(parse(await response.text(), { bom: true })).toHaveLength(11);
		const again = await get('mesures.csv', { 'If-None-Match': response.headers.get('etag')! });
		expect(again.status).toBe(304);
	});

	it('serve JSON, the Table Schema and the Data Package', async () => {
		const rows = (await (await get('mises-a-jour.json')).json()) as unknown[];
		expect(rows).toHaveLength(99);
		const schema = (await (await get('preuves.schema.json')).json()) as { fields: unknown[]; primaryKey: string[] };
		expect(schema.primaryKey).toEqual(['id']);
		const pkg = (await (await get('datapackage.json')).json()) as { resources: unknown[]; homepage: string };
		expect(pkg.resources).toHaveLength(7);
		expect(pkg.homepage).toBe(`http://jalons.test/donnees/${SLUG}`);
	});

	it('answer 404 for an unknown file or plan', async () => {
		for (const run of [() => get('inconnu.csv'), () => get('mesures.xlsx'), () => get('mesures.csv', {}, 'inconnu'), () => get('mesures.schema.json', {}, 'inconnu')]) {
			await expect(Promise.resolve().then(run)).rejects.toMatchObject({ status: 404 });
		}
	});
});

describe('open data page', () => {
	it('loads the datasets, the API addresses and the feeds of the plan', async () => {
		const data = (await load(requestEvent<never>(`/donnees/${SLUG}`, { slug: SLUG }))) as { overview: { datasets: { rows: number }[]; api: unknown[] } };
		expect(data.overview.datasets).toHaveLength(7);
		expect(data.overview.datasets[0]!.rows).toBe(10);
		expect(data.overview.api).toHaveLength(6);
		await expect(Promise.resolve().then(() => load(requestEvent<never>('/donnees/inconnu', { slug: 'inconnu' })))).rejects.toMatchObject({ status: 404 });
	});
});

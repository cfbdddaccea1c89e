// The public read models (src/lib/server/read-models) against a real database: a second reader of
// today's pages sends no query, a public write is seen at once on the instance that made it and
// within the version check on the others, what only signed-in readers may see is never served to an
// anonymous one, and a kept model cannot be altered by the request that received it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase, type CountingDatabase } from '../helpers/database';
import { comment, smallPlan, user } from '../factories';
import { ReadModelCache } from '../../src/lib/server/read-models/cache';
import { publicReadModels } from '../../src/lib/server/read-models/public';
import { readContentVersion } from '../../src/lib/server/public-changes';
import { recordAudit, SEED_ACTOR } from '../../src/lib/server/audit';
import { addSuccession } from '../../src/lib/server/domain/measures/successions';
import { NO_FILTERS } from '../../src/lib/server/domain/measures/list';
import type { Db } from '../../src/lib/server/db';

let database: CountingDatabase;
let db: Db;
let active: Awaited<ReturnType<typeof smallPlan>>;
let draft: Awaited<ReturnType<typeof smallPlan>>;

beforeAll(async () => {
	database = await countingDatabase();
	db = database.prisma;
	active = await smallPlan(db, { axes: 1, measures: 3, plan: { status: 'ACTIVE' } });
	draft = await smallPlan(db, { axes: 1, measures: 1, plan: { status: 'DRAFT' } });
	const admin = await user(db, { roles: ['ADMIN'] });
	await addSuccession(
		db,
		{ id: admin.id, displayName: admin.displayName, roles: ['ADMIN'], teamIds: [] },
		{
			measureId: active.measures[0]!.id,
			kind: 'CONTINUED_BY',
			successorId: draft.measures[0]!.id,
			reason: null
		}
	);
}, 120_000);
afterAll(async () => {
	await database?.close();
});

/** One instance's read models, on a clock the test moves (the version is re-read after 1 s). */
function instance(fresh?: () => boolean) {
	const clock = { now: 0 };
	const cache = new ReadModelCache({ maxEntries: 100, maxAgeMs: 3_600_000, versionCheckMs: 1_000, readVersion: () => readContentVersion(db), now: () => clock.now });
	return { clock, cache, models: publicReadModels(cache, fresh) };
}

const slug = () => active.plan.slug;
const number = () => active.measures[0]!.number;

/** A public write, as any editing command makes it: the row and its audit event in one transaction. */
async function renameMeasure(title: string) {
	const measure = active.measures[0]!;
	await db.$transaction(async (tx) => {
		const before = await tx.measure.findUniqueOrThrow({ where: { id: measure.id }, select: { title: true } });
		await tx.measure.update({ where: { id: measure.id }, data: { title } });
		await recordAudit(tx, SEED_ACTOR, { action: 'update', entityType: 'Measure', entityId: measure.id, planId: active.plan.id, measureId: measure.id, before, after: { title } });
	});
}

async function measureTitle(models: ReturnType<typeof instance>['models']): Promise<string> {
	const found = await models.measure(db, slug(), number(), null);
	if (!found || found.measure === 'absent') throw new Error('measure not found');
	return found.measure.title;
}

describe('public read models', () => {
	it('a second reader of today’s dashboard, measure page, list page and plan life cycle sends no query', async () => {
		const { models } = instance();
		const reads = [
			() => models.dashboard(db, slug(), null),
			() => models.measure(db, slug(), number(), null),
			() => models.list(db, slug(), NO_FILTERS, { page: 1, perPage: 50 }, null),
			() => models.lifecycle(db, slug()),
			() => models.plans(db)
		];
		for (const read of reads) {
			expect(await database.queriesFor(read)).toBeGreaterThan(0);
			expect(await database.queriesFor(read)).toBe(0);
		}
		// The same objects, shared: the second reader did not rebuild them.
		expect(await models.dashboard(db, slug(), null)).toBe(await models.dashboard(db, slug(), null));
	});

	it('a past date is read for its request, never kept', async () => {
		const { models } = instance();
		const date = '2024-01-15';
		await models.dashboard(db, slug(), date);
		expect(await database.queriesFor(() => models.dashboard(db, slug(), date))).toBeGreaterThan(0);
	});

	it('a public write is seen at once by the instance that made it, and by another one at its next version check', async () => {
		const writer = instance();
		const other = instance();
		const before = await measureTitle(writer.models);
		expect(await measureTitle(other.models)).toBe(before);
		await renameMeasure(`${before} (renommée)`);
		// The writing instance is told (the hook calls invalidate() after any request that may write).
		writer.cache.invalidate();
		expect(await measureTitle(writer.models)).toBe(`${before} (renommée)`);
		// Another instance keeps its model until its next version check, a second later at most…
		other.clock.now += 500;
		expect(await measureTitle(other.models)).toBe(before);
		// …then drops every model built under the older version.
		other.clock.now += 1_000;
		expect(await measureTitle(other.models)).toBe(`${before} (renommée)`);
		await renameMeasure(before);
	});

	it('a newer version seen by the page cache drops the older models at once (a page it keeps is never built from them)', async () => {
		const { cache, models } = instance();
		const before = await measureTitle(models);
		await renameMeasure(`${before} (vue par le cache de pages)`);
		// Within the version check the models would still be the old ones…
		expect(await measureTitle(models)).toBe(before);
		// …until the page cache, which has just read the new version to render a page, says so.
		cache.observe(await readContentVersion(db));
		expect(await measureTitle(models)).toBe(`${before} (vue par le cache de pages)`);
		// An older version (a read that started before the write) changes nothing.
		cache.observe('0');
		expect(await database.queriesFor(() => measureTitle(models))).toBe(0);
		await renameMeasure(before);
	});

	it('a writing request reads around the shared models: it sees what it has just committed', async () => {
		const { models } = instance(() => true);
		await models.measure(db, slug(), number(), null);
		expect(await database.queriesFor(() => models.measure(db, slug(), number(), null))).toBeGreaterThan(0);
	});

	it('successions towards a draft plan, read for a signed-in reader first, are never served to an anonymous one', async () => {
		const { models } = instance();
		const measureId = active.measures[0]!.id;
		const signedIn = await models.successions(db, measureId, true);
		expect(signedIn.successors.map((s) => s.measure?.plan.slug)).toEqual([draft.plan.slug]);
		const anonymous = await models.successions(db, measureId, false);
		expect(anonymous.successors).toEqual([]);
		// The measure itself carries no viewer-specific part: the same model for everyone.
		const found = await models.measure(db, slug(), number(), null);
		expect(JSON.stringify(found)).not.toContain(draft.plan.slug);
	});

	it('the comments kept for anonymous readers are the public ones only', async () => {
		const { models } = instance();
		const author = await user(db, { roles: ['ADMIN'] });
		const measureId = active.measures[1]!.id;
		const shown = await comment(db, author.id, { measureId, body: 'Un avis public' });
		await comment(db, author.id, { measureId, body: 'Une note interne', visibility: 'INTERNAL' });
		await comment(db, author.id, { measureId, body: 'Une note du groupe', visibility: 'WORKING_GROUP' });
		const kept = await models.anonymousComments(db, measureId);
		expect(kept.map((c) => c.id)).toEqual([shown.id]);
		expect(JSON.stringify(kept)).not.toMatch(/interne|groupe/);
	});

	it('a kept model cannot be changed by the request that received it', async () => {
		const { models } = instance();
		const found = await models.measure(db, slug(), number(), null);
		if (!found || found.measure === 'absent') throw new Error('measure not found');
		const detail = found.measure;
		expect(() => {
			(detail as { title: string }).title = 'changée';
		}).toThrow(TypeError);
		expect(() => (detail.milestones as unknown[]).push({})).toThrow(TypeError);
		expect(await measureTitle(models)).not.toBe('changée');
	});

	it('with the version unreadable, nothing is kept and every reader loads for itself', async () => {
		const cache = new ReadModelCache({ maxEntries: 100, maxAgeMs: 3_600_000, versionCheckMs: 1_000, readVersion: () => Promise.reject(new Error('down')) });
		const models = publicReadModels(cache);
		await models.lifecycle(db, slug());
		expect(await database.queriesFor(() => models.lifecycle(db, slug()))).toBeGreaterThan(0);
		expect(cache.size).toBe(0);
	});
});

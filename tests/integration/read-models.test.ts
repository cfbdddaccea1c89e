// The public read models (src/lib/server/read-models) against a real database: a second reader of
// today's pages sends no query, a public write is seen at once on the instance that made it and
// within the version check on the others, only the models a write touched are dropped (its measure's,
// its plan's), what only signed-in readers may see is never served to an anonymous one, and a kept
// model cannot be altered by the request that received it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase, type CountingDatabase } from '../helpers/database';
import { heldRename } from '../helpers/held-write';
import { comment, smallPlan, user } from '../factories';
import { ReadModelCache } from '../../src/lib/server/read-models/cache';
import { publicReadModels } from '../../src/lib/server/read-models/public';
import { readContentChanges, readContentVersion } from '../../src/lib/server/public-changes';
import { recordAudit, SEED_ACTOR } from '../../src/lib/server/audit';
import { addSuccession } from '../../src/lib/server/domain/measures/successions';
import { NO_FILTERS } from '../../src/lib/server/domain/measures/list';
import type { Db } from '../../src/lib/server/db';

let database: CountingDatabase;
let db: Db;
let active: Awaited<ReturnType<typeof smallPlan>>;
let draft: Awaited<ReturnType<typeof smallPlan>>;
let other: Awaited<ReturnType<typeof smallPlan>>;

beforeAll(async () => {
	database = await countingDatabase();
	db = database.prisma;
	active = await smallPlan(db, { axes: 1, measures: 3, plan: { status: 'ACTIVE' } });
	draft = await smallPlan(db, { axes: 1, measures: 1, plan: { status: 'DRAFT' } });
	other = await smallPlan(db, { axes: 1, measures: 2, plan: { status: 'ACTIVE' } });
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
	const cache = new ReadModelCache({ maxEntries: 100, maxAgeMs: 3_600_000, versionCheckMs: 1_000, readChanges: (known) => readContentChanges(db, known), now: () => clock.now });
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

	/** Every kind of model, of both plans, read once so that they are kept. */
	async function readEverything(models: ReturnType<typeof instance>['models']) {
		const reads = {
			saved: () => models.measure(db, slug(), number(), null),
			sibling: () => models.measure(db, slug(), active.measures[1]!.number, null),
			siblingComments: () => models.anonymousComments(db, active.measures[1]!.id),
			siblingSuccessions: () => models.successions(db, active.measures[1]!.id, true),
			siblingDeadLinks: () => models.deadLinks(db, active.measures[1]!.id, ['https://example.org/preuve']),
			linkedSuccessions: () => models.successions(db, active.measures[0]!.id, true),
			dashboard: () => models.dashboard(db, slug(), null),
			list: () => models.list(db, slug(), NO_FILTERS, { page: 1, perPage: 50 }, null),
			otherDashboard: () => models.dashboard(db, other.plan.slug, null),
			otherList: () => models.list(db, other.plan.slug, NO_FILTERS, { page: 1, perPage: 50 }, null),
			otherMeasure: () => models.measure(db, other.plan.slug, other.measures[0]!.number, null),
			otherLifecycle: () => models.lifecycle(db, other.plan.slug),
			owners: () => models.owners(db),
			plans: () => models.plans(db)
		};
		for (const read of Object.values(reads)) await read();
		return reads;
	}

	/** The queries each read sends now (0: kept). The first read also learns what changed (1 query): done before. */
	async function queriesOf(cache: ReadModelCache, reads: Record<string, () => Promise<unknown>>) {
		await cache.get('learn what changed', [], async () => null);
		const counts: Record<string, number> = {};
		for (const [name, read] of Object.entries(reads)) counts[name] = await database.queriesFor(read);
		return counts;
	}

	it('a save of one measure drops its page and its plan’s pages, and keeps the other measures’ pages and the other plan’s models', async () => {
		const { cache, models } = instance();
		const reads = await readEverything(models);
		const before = await measureTitle(models);
		await renameMeasure(`${before} (seule touchée)`);
		cache.invalidate();
		const counts = await queriesOf(cache, reads);
		expect(counts).toEqual({
			...counts,
			sibling: 0,
			siblingComments: 0,
			siblingSuccessions: 0,
			siblingDeadLinks: 0,
			otherDashboard: 0,
			otherList: 0,
			otherMeasure: 0,
			otherLifecycle: 0,
			owners: 0,
			// The home's list of plans shows plan rows and measure counts: a save of a measure's content changes neither.
			plans: 0
		});
		// Successions that show other measures go with any change (their titles may be what changed).
		for (const dropped of ['saved', 'dashboard', 'list', 'linkedSuccessions'] as const) expect(counts[dropped], dropped).toBeGreaterThan(0);
		expect(await measureTitle(models)).toBe(`${before} (seule touchée)`);
		await renameMeasure(before);
	});

	it('another instance learns at its version check what changed, and drops only that', async () => {
		const { cache, clock, models } = instance();
		const reads = await readEverything(models);
		const before = await measureTitle(models);
		await renameMeasure(`${before} (vue ailleurs)`);
		clock.now += 1_500;
		const counts = await queriesOf(cache, reads);
		expect(counts.saved).toBeGreaterThan(0);
		expect(counts.sibling).toBe(0);
		expect(counts.otherDashboard).toBe(0);
		expect(await measureTitle(models)).toBe(`${before} (vue ailleurs)`);
		await renameMeasure(before);
	});

	it('a model loaded while a save is open (inserted, not committed) is dropped once it commits', async () => {
		const { clock, models } = instance();
		const before = await measureTitle(models);
		const measure = active.measures[0]!;
		const title = `${before} (pendant la transaction)`;
		const write = heldRename(db, { id: measure.id, planId: active.plan.id, title: before }, title);
		await write.inserted;
		clock.now += 1_500;
		const during = measureTitle(models);
		// Another connection reads while the save is open: the old title, kept under the old version.
		// (PGlite has one connection: the read waits for the commit, so the race cannot happen there.)
		if (database.kind === 'postgres') expect(await during).toBe(before);
		write.release();
		await write.done;
		await during;
		clock.now += 1_500;
		expect(await measureTitle(models)).toBe(title);
		await renameMeasure(before);
	});

	it('a change to a plan as a whole drops every page of that plan, not the other plan’s', async () => {
		const { cache, models } = instance();
		const reads = await readEverything(models);
		const axis = await db.axis.findFirstOrThrow({ where: { planId: active.plan.id } });
		await db.$transaction((tx) => recordAudit(tx, SEED_ACTOR, { action: 'update', entityType: 'Axis', entityId: axis.id, planId: active.plan.id, before: {}, after: {} }));
		cache.invalidate();
		const counts = await queriesOf(cache, reads);
		// The plans list too: a measure created or deleted is such a change, and it shows their count.
		for (const dropped of ['saved', 'sibling', 'siblingComments', 'siblingSuccessions', 'dashboard', 'list', 'plans'] as const) expect(counts[dropped], dropped).toBeGreaterThan(0);
		expect(counts).toEqual({ ...counts, otherDashboard: 0, otherList: 0, otherMeasure: 0, otherLifecycle: 0, owners: 0 });
	});

	it('an instance-wide change, or a version moved with nothing recorded (an older release), drops everything', async () => {
		for (const change of [
			() => db.$transaction((tx) => recordAudit(tx, SEED_ACTOR, { action: 'update', entityType: 'Owner', entityId: 'o', before: {}, after: {} })),
			() => db.$executeRaw`UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1`
		]) {
			const { cache, models } = instance();
			const reads = await readEverything(models);
			await change();
			cache.invalidate();
			const counts = await queriesOf(cache, reads);
			for (const [name, count] of Object.entries(counts)) expect(count, name).toBeGreaterThan(0);
		}
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
		const cache = new ReadModelCache({ maxEntries: 100, maxAgeMs: 3_600_000, versionCheckMs: 1_000, readChanges: () => Promise.reject(new Error('down')) });
		const models = publicReadModels(cache);
		await models.lifecycle(db, slug());
		expect(await database.queriesFor(() => models.lifecycle(db, slug()))).toBeGreaterThan(0);
		expect(cache.size).toBe(0);
	});
});

// The page cache's content version against a real database: it moves when a public write COMMITS
// (a page rendered while the write is still open is never served after the commit), and only
// public writes move it (following a measure, reading notifications, internal comments do not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { measureId } from '../helpers/editing';
import { heldRename } from '../helpers/held-write';
import { makeUser } from './auth-fixtures';
import { PageCache } from '../../src/lib/server/http/page-cache';
import { recordAudit, SEED_ACTOR } from '../../src/lib/server/audit';
import { readContentVersion } from '../../src/lib/server/public-changes';
import { postComment } from '../../src/lib/server/domain/comments/comments';
import { markAllRead, setFollowing } from '../../src/lib/server/domain/notifications/notifications';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/policies';

let database: TestDatabase;
let db: Db;
let m11: string;
let reader: Actor;
let admin: Actor;

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
	db = database.prisma;
	m11 = await measureId(db, '1.1');
	reader = await makeUser(db, ['AMDAC']);
	admin = await makeUser(db, ['ADMIN']);
}, 120_000);
afterAll(async () => {
	await database?.close();
});

/** A cache that re-reads the version on every request once the clock moves, as another instance would. */
function cacheOverDatabase() {
	const clock = { now: 0 };
	const cache = new PageCache({
		maxBytes: 1_000_000,
		maxEntryBytes: 100_000,
		// Long enough that only the content version can expire an entry here.
		maxAgeMs: 3_600_000,
		versionCheckMs: 1_000,
		readVersion: () => readContentVersion(db),
		now: () => clock.now
	});
	const url = new URL('http://jalons.test/plans/p/mesures/1.1');
	/** One anonymous GET through the cache; the page shows the measure's title as committed. */
	async function read(): Promise<string> {
		clock.now += 2_000;
		const request = new Request(url);
		const key = cache.keyOf(request, url, '/(public)/plans/[slug]/mesures/[numero]', ['jalons_session']);
		expect(key).not.toBeNull();
		const render = async () => {
			const measure = await db.measure.findUniqueOrThrow({ where: { id: m11 }, select: { title: true } });
			return new Response(measure.title, { headers: { 'content-type': 'text/plain', 'cache-control': 'public, max-age=0' } });
		};
		const response = (await cache.lookup(key!, request)) ?? (await cache.store(key!, request, render));
		return response.text();
	}
	return { cache, read };
}

describe('content version', () => {
	it('a page rendered between a public write’s insert and its commit is not served after the commit', async () => {
		const { read } = cacheOverDatabase();
		const before = await db.measure.findUniqueOrThrow({ where: { id: m11 }, select: { title: true, planId: true } });
		const title = `${before.title} (renommée)`;
		const write = heldRename(db, { id: m11, planId: before.planId, title: before.title }, title);
		await write.inserted;
		const during = read();
		if (database.kind === 'postgres') {
			// Another connection renders while the write is inserted but not committed: it sees the old title.
			expect(await during).toBe(before.title);
		}
		// (PGlite has one connection: the render waits for the commit, so the race cannot happen there.)
		write.release();
		await write.done;
		await during;
		expect(await read()).toBe(title);
	});

	it('moves with a public write and with a public comment, not with follows, notifications or internal comments', async () => {
		const version = () => readContentVersion(db);
		const start = await version();
		await setFollowing(db, reader, { measureId: m11, follow: true });
		await markAllRead(db, reader);
		await postComment(db, admin, { target: { type: 'MEASURE', measureId: m11 }, body: 'Remarque interne', visibility: 'INTERNAL' });
		expect(await version()).toBe(start);
		await postComment(db, admin, { target: { type: 'MEASURE', measureId: m11 }, body: 'Remarque publique', visibility: 'PUBLIC' });
		const afterComment = await version();
		expect(afterComment).not.toBe(start);
		await db.$transaction((tx) => recordAudit(tx, SEED_ACTOR, { action: 'create', entityType: 'EvidenceLink', entityId: 'e', measureId: m11 }));
		expect(await version()).not.toBe(afterComment);
	});

	it('a public change’s audit event, written in the statement that moves the version, holds what was given', async () => {
		const { planId } = await db.measure.findUniqueOrThrow({ where: { id: m11 }, select: { planId: true } });
		const start = await readContentVersion(db);
		const from = Date.now();
		await db.$transaction((tx) =>
			recordAudit(
				tx,
				{ id: admin.id, label: 'Admin (essai)', role: 'ADMIN' },
				{
					action: 'update',
					entityType: 'Measure',
					entityId: m11,
					planId,
					measureId: m11,
					before: { title: 'Avant', on: new Date('2024-01-02T03:04:05.006Z') },
					after: { title: 'Après « é »' },
					reason: 'Parce que'
				}
			)
		);
		const to = Date.now();
		expect(await readContentVersion(db)).not.toBe(start);
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: m11 }, orderBy: { id: 'desc' } });
		expect(event).toMatchObject({
			actorId: admin.id,
			actorLabel: 'Admin (essai)',
			actorRole: 'ADMIN',
			action: 'update',
			entityType: 'Measure',
			planId,
			measureId: m11,
			before: { title: 'Avant', on: '2024-01-02T03:04:05.006Z' },
			after: { title: 'Après « é »' },
			reason: 'Parce que'
		});
		// The application's clock, in UTC, to the millisecond (as Prisma's default wrote it).
		expect(event.at.getTime()).toBeGreaterThanOrEqual(from);
		expect(event.at.getTime()).toBeLessThanOrEqual(to);
	});
});

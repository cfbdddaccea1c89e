// The link watch end to end on the real database, against a local HTTP server: what a round stores
// per URL, when a link becomes possibly dead (and what that changes for public pages and the page
// cache), the editors' view and their one-click replacement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { startHttpTarget, closedPort, type HttpTarget, ANSWER_TIMEOUT_MS } from '../helpers/http-target';
import { evidenceLink, progressUpdate, smallPlan } from '../factories';
import { createOutbound } from '../../src/lib/server/net/outbound';
import { checkLinks, watchedUrls } from '../../src/lib/server/domain/links/check';
import { countPossiblyDeadLinks, deadLinkNotices, evidenceLinkHealth } from '../../src/lib/server/domain/links/read';
import { replaceEvidenceUrl } from '../../src/lib/server/domain/links/replace';
import { readContentVersion } from '../../src/lib/server/public-changes';
import { getMeasureDetail } from '../../src/lib/server/domain/measures/view';
import { ConflictError, ForbiddenError } from '../../src/lib/server/domain/errors';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/policies';

let database: TestDatabase;
let db: Db;
let target: HttpTarget;
let arranged: Awaited<ReturnType<typeof smallPlan>>;
let editor: Actor;
let outsider: Actor;
let refusedUrl: string;

const at = (day: number) => new Date(Date.UTC(2026, 2, 1 + day, 3));
const fetch = () => createOutbound({ allowHosts: ['127.0.0.1'], timeoutMs: ANSWER_TIMEOUT_MS, hostPauseMs: 0 });
const round = (day: number) => checkLinks(db, { fetch: fetch(), now: () => at(day), minAgeMs: 3_600_000 });
const url = (path: string) => `${target.origin}${path}`;
const record = (u: string) => db.linkCheck.findUniqueOrThrow({ where: { url: u } });

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	target = await startHttpTarget();
	refusedUrl = `http://127.0.0.1:${await closedPort()}/disparu`;
	arranged = await smallPlan(db, { axes: 1, measures: 2 });
	const m1 = arranged.measures[0]!;
	const m2 = arranged.measures[1]!;
	editor = { id: 'user-editor', displayName: 'Éva Éditrice', roles: ['EDITOR'], teamIds: [arranged.team.id] };
	outsider = { id: 'user-outsider', displayName: 'Omar', roles: ['EDITOR'], teamIds: [] };
	await evidenceLink(db, m1.id, { url: url('/status/200'), title: 'Vivant' });
	await evidenceLink(db, m1.id, { url: url('/status/404'), title: 'Disparu' });
	await evidenceLink(db, m1.id, { url: url('/chain/2/301'), title: 'Déménagé' });
	await evidenceLink(db, m1.id, { url: url('/head-refused'), title: 'Refuse HEAD' });
	await evidenceLink(db, m2.id, { url: url('/status/410'), title: 'Retiré' });
	// The same URL in two places is checked once.
	await progressUpdate(db, m2.id, { sourceUrls: [url('/status/500'), url('/status/404')], publishedAt: at(0) });
	await db.indicator.create({
		data: {
			measureId: m2.id,
			name: 'Indicateur',
			unit: 'u',
			baseline: 0,
			position: 0,
			values: {
				create: [
					{ date: at(0), value: 1, sourceUrl: url('/never') },
					{ date: at(1), value: 2, sourceUrl: refusedUrl }
				]
			}
		}
	});
});
afterAll(async () => {
	await target?.close();
	await database?.close();
});

describe('checkLinks', () => {
	it('collects evidence links and the sources of updates and indicator values, each URL once', async () => {
		expect((await watchedUrls(db)).sort()).toEqual(
			[url('/status/200'), url('/status/404'), url('/chain/2/301'), url('/head-refused'), url('/status/410'), url('/status/500'), url('/never'), refusedUrl].sort()
		);
	});

	it('stores what each URL answered, without a public change', async () => {
		const version = await readContentVersion(db);
		const m1 = arranged.measures[0]!;
		const before = await getMeasureDetail(db, arranged.plan.slug, m1.number);
		const summary = await round(0);
		expect(summary).toMatchObject({ checked: 8, failed: 5, possiblyDead: 0, skipped: 0 });
		expect(await record(url('/status/200'))).toMatchObject({ lastStatus: '200', consecutiveFailures: 0, lastSuccessAt: at(0), suggestedUrl: null });
		expect(await record(url('/status/404'))).toMatchObject({ lastStatus: '404', consecutiveFailures: 1, firstFailureAt: at(0), lastSuccessAt: null });
		expect(await record(url('/status/410'))).toMatchObject({ lastStatus: '410', consecutiveFailures: 1 });
		expect(await record(url('/status/500'))).toMatchObject({ lastStatus: '500', consecutiveFailures: 1 });
		expect(await record(url('/never'))).toMatchObject({ lastStatus: 'timeout', consecutiveFailures: 1 });
		expect(await record(refusedUrl)).toMatchObject({ lastStatus: 'refused', consecutiveFailures: 1 });
		// HEAD refused with 405: checked again with GET, which works.
		expect(await record(url('/head-refused'))).toMatchObject({ lastStatus: '200', consecutiveFailures: 0 });
		expect(await record(url('/chain/2/301'))).toMatchObject({
			lastStatus: '200',
			finalUrl: url('/chain/0/301'),
			redirects: [
				{ url: url('/chain/2/301'), status: 301 },
				{ url: url('/chain/1/301'), status: 301 }
			],
			suggestedUrl: url('/chain/0/301')
		});
		// Observations are not content: the measure's last change and the cache's version stay.
		expect((await getMeasureDetail(db, arranged.plan.slug, m1.number))?.lastChangeAt).toBe(before?.lastChangeAt);
		expect(await readContentVersion(db)).toBe(version);
		expect(await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({ entityType: 'LinkCheck', actorLabel: 'vérification des liens', after: summary });
	});

	it('leaves recently checked links for the next round', async () => {
		expect(await checkLinks(db, { fetch: fetch(), now: () => at(0.01), minAgeMs: 3_600_000 })).toMatchObject({ checked: 0, skipped: 8 });
	});

	it('calls a link possibly dead after 3 failed checks over 7 days, and only then moves the page cache version', async () => {
		await round(3);
		const version = await readContentVersion(db);
		expect(await deadLinkNotices(db, [url('/status/404')])).toEqual({});
		const summary = await round(7);
		expect(summary.possiblyDead).toBe(5);
		expect(await readContentVersion(db)).not.toBe(version);
		const notices = await deadLinkNotices(db, [url('/status/404'), url('/status/200')]);
		expect(notices).toEqual({ [url('/status/404')]: { since: '2026-03-01', archiveUrl: `https://web.archive.org/web/*/${url('/status/404')}` } });
		expect(await countPossiblyDeadLinks(db, arranged.plan.slug)).toBe(5);
		// A past view (?date=) shows no notice: the records say what is dead today, not then.
		expect(await deadLinkNotices(db, [url('/status/404')], '2026-03-09')).toEqual({});
		// Another round that changes nothing about who is dead leaves the version alone.
		const after = await readContentVersion(db);
		await round(8);
		expect(await readContentVersion(db)).toBe(after);
	});

	it('shows editors the dead and moved links of their measure, and no one else', async () => {
		const m1 = arranged.measures[0]!;
		const links = await db.evidenceLink.findMany({ where: { measureId: m1.id } });
		const byTitle = Object.fromEntries(links.map((l) => [l.title, l]));
		const health = await evidenceLinkHealth(db, editor, m1.id);
		expect(Object.keys(health).sort()).toEqual([byTitle['Disparu']!.id, byTitle['Déménagé']!.id].sort());
		expect(health[byTitle['Disparu']!.id]).toMatchObject({ deadSince: '2026-03-01', lastStatus: '404', suggestedUrl: null });
		expect(health[byTitle['Déménagé']!.id]).toMatchObject({ deadSince: null, suggestedUrl: url('/chain/0/301') });
		await expect(evidenceLinkHealth(db, outsider, m1.id)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('replaces a dead link in one versioned, audited write, refused to others and to a stale version', async () => {
		const m1 = arranged.measures[0]!;
		const dead = await db.evidenceLink.findFirstOrThrow({ where: { measureId: m1.id, title: 'Disparu' } });
		await expect(replaceEvidenceUrl(db, outsider, { measureId: m1.id, evidenceId: dead.id, version: dead.version, url: url('/status/200') })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await replaceEvidenceUrl(db, editor, { measureId: m1.id, evidenceId: dead.id, version: dead.version, url: url('/status/201') })).toEqual({ changed: true });
		expect(await db.evidenceLink.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ url: url('/status/201'), title: 'Disparu', version: dead.version + 1 });
		expect(await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({
			entityType: 'EvidenceLink',
			action: 'update',
			actorId: editor.id,
			before: { url: url('/status/404') },
			after: { url: url('/status/201') }
		});
		await expect(replaceEvidenceUrl(db, editor, { measureId: m1.id, evidenceId: dead.id, version: dead.version, url: url('/status/202') })).rejects.toBeInstanceOf(ConflictError);
		// The old URL is no longer used by the measure: no notice for its links, and the next round forgets it… unless an update still cites it.
		expect(Object.keys(await evidenceLinkHealth(db, editor, m1.id))).not.toContain(dead.id);
	});

	it('forgets URLs nothing uses any more', async () => {
		await db.indicatorValue.deleteMany({ where: { sourceUrl: refusedUrl } });
		const summary = await round(9);
		expect(summary.forgotten).toBe(1);
		expect(await db.linkCheck.findUnique({ where: { url: refusedUrl } })).toBeNull();
	});
});

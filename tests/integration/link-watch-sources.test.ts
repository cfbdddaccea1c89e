// The link watch on the sources of published updates and of indicator values: the public notice
// beside them (none on a past view), the editors' list, and their one-click replacement (versioned,
// audited, a public change, refused to others and on an archived plan). Check records are written
// through recordCheck as three failed rounds over ten days would leave them: no network here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { progressUpdate, smallPlan } from '../factories';
import { recordCheck } from '../../src/lib/server/domain/links/check';
import { deadLinkNotices, sourceLinkHealth } from '../../src/lib/server/domain/links/read';
import { replaceUpdateSourceUrl } from '../../src/lib/server/domain/measures/progress-updates';
import { replaceValueSourceUrl } from '../../src/lib/server/domain/measures/indicator-values';
import { getMeasureDetail } from '../../src/lib/server/domain/measures/view';
import { getMeasureHistory } from '../../src/lib/server/domain/measures/history';
import { readContentVersion } from '../../src/lib/server/public-changes';
import { ArchivedPlanError } from '../../src/lib/server/domain/plans/writable';
import { ConflictError, ForbiddenError } from '../../src/lib/server/domain/errors';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/policies';

let database: TestDatabase;
let db: Db;
let arranged: Awaited<ReturnType<typeof smallPlan>>;
let editor: Actor;
let outsider: Actor;
let updateId: string;
let valueId: string;

const DAY = 86_400_000;
const now = Date.UTC(2026, 2, 20, 3);
const DEAD_UPDATE_SOURCE = 'https://www.example.org/source-disparue';
const LIVE_UPDATE_SOURCE = 'https://www.example.org/source-vivante';
const MOVED_VALUE_SOURCE = 'https://www.example.org/valeur-ancienne';
const MOVED_TO = 'https://www.example.org/valeur-nouvelle';
const DEAD_VALUE_SOURCE = 'https://www.example.org/valeur-disparue';

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	arranged = await smallPlan(db, { axes: 1, measures: 1 });
	const m = arranged.measures[0]!;
	editor = { id: 'user-editor', displayName: 'Éva Éditrice', roles: ['EDITOR'], teamIds: [arranged.team.id] };
	outsider = { id: 'user-outsider', displayName: 'Omar', roles: ['EDITOR'], teamIds: [] };
	updateId = (await progressUpdate(db, m.id, { sourceUrls: [LIVE_UPDATE_SOURCE, DEAD_UPDATE_SOURCE], publishedAt: new Date(now - 30 * DAY) })).id;
	// A draft's sources are not public: not shown to editors as dead either.
	await progressUpdate(db, m.id, { sourceUrls: [DEAD_VALUE_SOURCE], publishedAt: null });
	const indicator = await db.indicator.create({
		data: {
			measureId: m.id,
			name: 'Indicateur',
			unit: 'u',
			baseline: 0,
			position: 0,
			values: {
				create: [
					{ date: new Date(now - 60 * DAY), value: 1, sourceUrl: DEAD_VALUE_SOURCE },
					{ date: new Date(now - 40 * DAY), value: 2, sourceUrl: MOVED_VALUE_SOURCE }
				]
			}
		},
		include: { values: { orderBy: { date: 'asc' } } }
	});
	valueId = indicator.values[0]!.id;
	for (const daysAgo of [10, 5, 1]) {
		for (const url of [DEAD_UPDATE_SOURCE, DEAD_VALUE_SOURCE]) await recordCheck(db, url, { status: 404, finalUrl: url, redirects: [] }, new Date(now - daysAgo * DAY));
	}
	await recordCheck(db, LIVE_UPDATE_SOURCE, { status: 200, finalUrl: LIVE_UPDATE_SOURCE, redirects: [] }, new Date(now - DAY));
	await recordCheck(db, MOVED_VALUE_SOURCE, { status: 200, finalUrl: MOVED_TO, redirects: [{ url: MOVED_VALUE_SOURCE, status: 301 }] }, new Date(now - DAY));
});
afterAll(async () => {
	await database?.close();
});

/** The URLs the public measure page asks notices for (its +page.server.ts gathers the same). */
async function pageUrls(): Promise<string[]> {
	const detail = (await getMeasureDetail(db, arranged.plan.slug, arranged.measures[0]!.number))!;
	return [...detail.updates.flatMap((u) => u.sourceUrls), ...detail.indicators.flatMap((i) => i.values.map((v) => v.sourceUrl))];
}

describe('public notices beside sources', () => {
	it('are given for the dead source of a published update and of an indicator value, not for live or moved ones', async () => {
		const notices = await deadLinkNotices(db, await pageUrls());
		expect(Object.keys(notices).sort()).toEqual([DEAD_UPDATE_SOURCE, DEAD_VALUE_SOURCE].sort());
		expect(notices[DEAD_UPDATE_SOURCE]).toEqual({ since: new Date(now - 10 * DAY).toISOString().slice(0, 10), archiveUrl: `https://web.archive.org/web/*/${DEAD_UPDATE_SOURCE}` });
	});

	it('are not given on a past view', async () => {
		expect(await deadLinkNotices(db, await pageUrls(), '2026-01-01')).toEqual({});
	});
});

describe('editors’ view of sources', () => {
	it('lists the dead or moved sources of published updates and of values, with the redirect’s target; no one else sees it', async () => {
		const m = arranged.measures[0]!;
		const health = await sourceLinkHealth(db, editor, m.id);
		expect(Object.keys(health.updates)).toEqual([updateId]);
		expect(Object.keys(health.updates[updateId]!)).toEqual([DEAD_UPDATE_SOURCE]);
		expect(health.updates[updateId]![DEAD_UPDATE_SOURCE]).toMatchObject({ deadSince: new Date(now - 10 * DAY).toISOString().slice(0, 10), lastStatus: '404', suggestedUrl: null });
		expect(health.values[valueId]).toMatchObject({ lastStatus: '404', suggestedUrl: null });
		const moved = Object.values(health.values).find((h) => h.suggestedUrl !== null);
		expect(moved).toMatchObject({ deadSince: null, suggestedUrl: MOVED_TO });
		expect(Object.keys(health.values)).toHaveLength(2);
		await expect(sourceLinkHealth(db, outsider, m.id)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('replacing a source', () => {
	it('replaces one source of a published update: versioned, audited as a public change, shown in the history', async () => {
		const m = arranged.measures[0]!;
		const row = await db.progressUpdate.findUniqueOrThrow({ where: { id: updateId } });
		const replacement = 'https://www.example.org/source-remplacee';
		await expect(replaceUpdateSourceUrl(db, outsider, { measureId: m.id, updateId, version: row.version, oldUrl: DEAD_UPDATE_SOURCE, url: replacement })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const contentVersion = await readContentVersion(db);
		expect(await replaceUpdateSourceUrl(db, editor, { measureId: m.id, updateId, version: row.version, oldUrl: DEAD_UPDATE_SOURCE, url: replacement })).toEqual({ changed: true });
		const saved = await db.progressUpdate.findUniqueOrThrow({ where: { id: updateId } });
		expect(saved.sourceUrls).toEqual([LIVE_UPDATE_SOURCE, replacement]);
		expect(saved.version).toBe(row.version + 1);
		expect(saved.text).toBe(row.text);
		expect(saved.publishedAt).toEqual(row.publishedAt);
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: updateId }, orderBy: { id: 'desc' } });
		expect(event).toMatchObject({ action: 'update', entityType: 'ProgressUpdate', actorId: editor.id, measureId: m.id });
		expect(event.before).toMatchObject({ sourceUrls: [LIVE_UPDATE_SOURCE, DEAD_UPDATE_SOURCE] });
		expect(event.after).toMatchObject({ sourceUrls: [LIVE_UPDATE_SOURCE, replacement] });
		expect(await readContentVersion(db)).not.toEqual(contentVersion);
		const history = await getMeasureHistory(db, null, arranged.plan.slug, m.number);
		expect(history?.entries.some((e) => e.kind === 'updateSourceReplaced')).toBe(true);
		// The dead one is gone from the page, and from the editors' list.
		expect(Object.keys(await deadLinkNotices(db, await pageUrls()))).toEqual([DEAD_VALUE_SOURCE]);
		expect((await sourceLinkHealth(db, editor, m.id)).updates).toEqual({});
		// The form read before this write is stale now.
		await expect(
			replaceUpdateSourceUrl(db, editor, { measureId: m.id, updateId, version: row.version, oldUrl: LIVE_UPDATE_SOURCE, url: 'https://www.example.org/autre' })
		).rejects.toBeInstanceOf(ConflictError);
	});

	it('replaces a value’s source and nothing else: versioned, audited as a public change, shown in the history', async () => {
		const m = arranged.measures[0]!;
		const row = await db.indicatorValue.findUniqueOrThrow({ where: { id: valueId } });
		const replacement = 'https://www.example.org/valeur-remplacee';
		await expect(replaceValueSourceUrl(db, outsider, { measureId: m.id, valueId, version: row.version, url: replacement })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await replaceValueSourceUrl(db, editor, { measureId: m.id, valueId, version: row.version, url: replacement })).toEqual({ changed: true });
		const saved = await db.indicatorValue.findUniqueOrThrow({ where: { id: valueId } });
		expect(saved).toMatchObject({ sourceUrl: replacement, version: row.version + 1, value: row.value, date: row.date });
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: valueId }, orderBy: { id: 'desc' } });
		expect(event).toMatchObject({ action: 'update', entityType: 'IndicatorValue', actorId: editor.id, measureId: m.id });
		expect(event.before).toMatchObject({ sourceUrl: DEAD_VALUE_SOURCE });
		expect(event.after).toMatchObject({ sourceUrl: replacement, value: row.value });
		const history = await getMeasureHistory(db, null, arranged.plan.slug, m.number);
		expect(history?.entries.some((e) => e.kind === 'valueSourceReplaced')).toBe(true);
		expect(await deadLinkNotices(db, await pageUrls())).toEqual({});
		await expect(replaceValueSourceUrl(db, editor, { measureId: m.id, valueId, version: row.version, url: 'https://www.example.org/autre' })).rejects.toBeInstanceOf(ConflictError);
		// The same address again: nothing to write.
		expect(await replaceValueSourceUrl(db, editor, { measureId: m.id, valueId, version: saved.version, url: replacement })).toEqual({ changed: false });
	});

	it('is refused on an archived plan', async () => {
		const m = arranged.measures[0]!;
		const update = await db.progressUpdate.findUniqueOrThrow({ where: { id: updateId } });
		const value = await db.indicatorValue.findUniqueOrThrow({ where: { id: valueId } });
		await db.plan.update({ where: { id: arranged.plan.id }, data: { status: 'ARCHIVED', archivedOn: new Date(now) } });
		try {
			await expect(
				replaceUpdateSourceUrl(db, editor, { measureId: m.id, updateId, version: update.version, oldUrl: update.sourceUrls[0]!, url: 'https://www.example.org/archive' })
			).rejects.toBeInstanceOf(ArchivedPlanError);
			await expect(replaceValueSourceUrl(db, editor, { measureId: m.id, valueId, version: value.version, url: 'https://www.example.org/archive' })).rejects.toBeInstanceOf(
				ArchivedPlanError
			);
		} finally {
			await db.plan.update({ where: { id: arranged.plan.id }, data: { status: arranged.plan.status, archivedOn: null } });
		}
		expect((await db.progressUpdate.findUniqueOrThrow({ where: { id: updateId } })).version).toBe(update.version);
		expect((await db.indicatorValue.findUniqueOrThrow({ where: { id: valueId } })).version).toBe(value.version);
	});
});

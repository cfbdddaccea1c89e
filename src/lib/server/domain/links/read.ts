// What the link watch's records mean for pages: the public notice, the editors' list, the plan's count.
import type { Db } from '../../db';
import type { Viewer } from '../../policies';
import { DEAD_AFTER_FAILURES, possiblyDeadSince, webArchiveUrl } from '../../../domain/link-health';
import { toIsoDay } from '../../../domain/dates';
import { editableMeasure } from '../measures/editing';

export interface DeadLinkNotice {
	/** Day of the first failed check of the current streak (YYYY-MM-DD). */
	since: string;
	archiveUrl: string;
}

/**
 * The possibly dead ones among `urls`, by URL. With `travelDate` (a past view, `?date=`): none. The
 * records are today's observations and no history of checks is kept, so a past page cannot know what
 * was dead on its day; it shows the content as it was, without notices, rather than today's state
 * under an old date.
 */
export async function deadLinkNotices(db: Db, urls: string[], travelDate: string | null = null): Promise<Record<string, DeadLinkNotice>> {
	if (urls.length === 0 || travelDate !== null) return {};
	const rows = await db.linkCheck.findMany({
		where: { url: { in: [...new Set(urls)] }, consecutiveFailures: { gte: DEAD_AFTER_FAILURES } },
		select: { url: true, consecutiveFailures: true, firstFailureAt: true, lastCheckedAt: true }
	});
	const notices: Record<string, DeadLinkNotice> = {};
	for (const row of rows) {
		const since = possiblyDeadSince(row);
		if (since) notices[row.url] = { since: toIsoDay(since), archiveUrl: webArchiveUrl(row.url) };
	}
	return notices;
}

/** What the link watch says about one link, for the measure's editors. */
export interface LinkHealth {
	/** Set when the link is possibly dead. */
	deadSince: string | null;
	lastStatus: string;
	lastCheckedAt: string;
	/** Where a permanent redirect leads, when it is not the link's URL already. */
	suggestedUrl: string | null;
	archiveUrl: string;
}

export interface EvidenceLinkHealth extends LinkHealth {
	evidenceId: string;
}

/** The possibly dead or moved ones among `urls`, by URL (the others are fine or not checked yet). */
async function healthByUrl(db: Db, urls: string[]): Promise<Map<string, LinkHealth>> {
	const health = new Map<string, LinkHealth>();
	if (urls.length === 0) return health;
	const rows = await db.linkCheck.findMany({ where: { url: { in: [...new Set(urls)] } } });
	for (const row of rows) {
		const since = possiblyDeadSince(row);
		const suggestedUrl = row.suggestedUrl && row.suggestedUrl !== row.url ? row.suggestedUrl : null;
		if (!since && !suggestedUrl) continue;
		health.set(row.url, {
			deadSince: since ? toIsoDay(since) : null,
			lastStatus: row.lastStatus,
			lastCheckedAt: toIsoDay(row.lastCheckedAt),
			suggestedUrl,
			archiveUrl: webArchiveUrl(row.url)
		});
	}
	return health;
}

/** For the measure's editors (checked here too): its evidence links that are possibly dead or moved. */
export async function evidenceLinkHealth(db: Db, actor: Viewer, measureId: string): Promise<Record<string, EvidenceLinkHealth>> {
	await editableMeasure(db, actor, measureId);
	const links = await db.evidenceLink.findMany({ where: { measureId }, select: { id: true, url: true } });
	const byUrl = await healthByUrl(
		db,
		links.map((l) => l.url)
	);
	const health: Record<string, EvidenceLinkHealth> = {};
	for (const link of links) {
		const found = byUrl.get(link.url);
		if (found) health[link.id] = { evidenceId: link.id, ...found };
	}
	return health;
}

/**
 * For the measure's editors (checked here too): the possibly dead or moved sources of its published
 * updates (by update id, then by URL; drafts are not checked) and of its indicator values (by value id).
 */
export async function sourceLinkHealth(
	db: Db,
	actor: Viewer,
	measureId: string
): Promise<{ updates: Record<string, Record<string, LinkHealth>>; values: Record<string, LinkHealth> }> {
	await editableMeasure(db, actor, measureId);
	const [updates, values] = await Promise.all([
		db.progressUpdate.findMany({ where: { measureId, publishedAt: { not: null } }, select: { id: true, sourceUrls: true } }),
		db.indicatorValue.findMany({ where: { indicator: { measureId } }, select: { id: true, sourceUrl: true } })
	]);
	const byUrl = await healthByUrl(db, [...updates.flatMap((u) => u.sourceUrls), ...values.map((v) => v.sourceUrl)]);
	const result: { updates: Record<string, Record<string, LinkHealth>>; values: Record<string, LinkHealth> } = { updates: {}, values: {} };
	for (const update of updates) {
		for (const url of update.sourceUrls) {
			const found = byUrl.get(url);
			if (found) (result.updates[update.id] ??= {})[url] = found;
		}
	}
	for (const value of values) {
		const found = byUrl.get(value.sourceUrl);
		if (found) result.values[value.id] = found;
	}
	return result;
}

/**
 * How many distinct outside URLs the plan shows (evidence, sources of its published updates and of its
 * indicator values) are possibly dead, for its open-data page.
 */
export async function countPossiblyDeadLinks(db: Db, planSlug: string): Promise<number> {
	const urls = await db.$queryRaw<{ url: string }[]>`
		WITH p AS (SELECT "id" FROM "Plan" WHERE "slug" = ${planSlug})
		SELECT e."url" FROM "EvidenceLink" e JOIN "Measure" m ON m."id" = e."measureId" WHERE m."planId" IN (SELECT "id" FROM p)
		UNION SELECT v."sourceUrl" FROM "IndicatorValue" v JOIN "Indicator" i ON i."id" = v."indicatorId" JOIN "Measure" m ON m."id" = i."measureId" WHERE m."planId" IN (SELECT "id" FROM p)
		UNION SELECT unnest(u."sourceUrls") FROM "ProgressUpdate" u WHERE u."planId" IN (SELECT "id" FROM p) AND u."publishedAt" IS NOT NULL`;
	return Object.keys(
		await deadLinkNotices(
			db,
			urls.map((r) => r.url)
		)
	).length;
}

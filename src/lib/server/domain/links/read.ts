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

export interface EvidenceLinkHealth {
	evidenceId: string;
	/** Set when the link is possibly dead. */
	deadSince: string | null;
	lastStatus: string;
	lastCheckedAt: string;
	/** Where a permanent redirect leads, when it is not the link's URL already. */
	suggestedUrl: string | null;
	archiveUrl: string;
}

/** For the measure's editors (checked here too): its evidence links that are possibly dead or moved. */
export async function evidenceLinkHealth(db: Db, actor: Viewer, measureId: string): Promise<Record<string, EvidenceLinkHealth>> {
	await editableMeasure(db, actor, measureId);
	const links = await db.evidenceLink.findMany({ where: { measureId }, select: { id: true, url: true } });
	const rows = await db.linkCheck.findMany({ where: { url: { in: [...new Set(links.map((l) => l.url))] } } });
	const byUrl = new Map(rows.map((r) => [r.url, r]));
	const health: Record<string, EvidenceLinkHealth> = {};
	for (const link of links) {
		const row = byUrl.get(link.url);
		if (!row) continue;
		const since = possiblyDeadSince(row);
		const suggestedUrl = row.suggestedUrl && row.suggestedUrl !== link.url ? row.suggestedUrl : null;
		if (!since && !suggestedUrl) continue;
		health[link.id] = {
			evidenceId: link.id,
			deadSince: since ? toIsoDay(since) : null,
			lastStatus: row.lastStatus,
			lastCheckedAt: toIsoDay(row.lastCheckedAt),
			suggestedUrl,
			archiveUrl: webArchiveUrl(link.url)
		};
	}
	return health;
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

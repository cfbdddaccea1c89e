// Collecting: fetch a feed's file, read its figure, store it as an automatic indicator value
// attributed to FEED_ACTOR ("collecte automatique"). The network is asked outside any transaction;
// what is stored is decided inside one that locks the feed's row, so that two collectors (the
// in-process schedule and `npm run indicators:fetch`) cannot add the same value twice.
import type { Db } from '../../db';
import { FEED_ACTOR } from '../../audit';
import { insertIndicatorValue } from '../measures/indicator-values';
import { dueBefore, extractFeedValue, type Extracted, type FeedErrorCode } from '../../../domain/indicator-feed';
import { todayIso } from '../../../domain/dates';

/** What a fetch gave: the body as text, or why there is none. */
export type FeedBody = { ok: true; body: string } | { ok: false; error: FeedErrorCode; detail: string };
export type FetchFeedBody = (url: string) => Promise<FeedBody>;

export type CollectOutcome = 'added' | 'unchanged' | 'failed' | 'skipped';

export interface CollectCounts {
	feeds: number;
	added: number;
	unchanged: number;
	failed: number;
	skipped: number;
}

const dayOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * One feed, now. "Unchanged" when the indicator already has this value at this date; when the file
 * gives no date (the value is dated the day of the fetch), when its latest value is this one, so
 * that an unchanged figure is not added again every day.
 */
export async function collectFeed(db: Db, feedId: string, fetchBody: FetchFeedBody, now = new Date()): Promise<CollectOutcome> {
	const feed = await db.indicatorFeed.findUnique({ where: { id: feedId } });
	if (!feed) return 'skipped';
	// An unexpected throw is one more failure of this feed, not the end of the round for the others.
	const fetched = await fetchBody(feed.url).catch((error: unknown): FeedBody => ({ ok: false, error: 'network', detail: error instanceof Error ? error.message : String(error) }));
	const extracted: Extracted = fetched.ok ? extractFeedValue(fetched.body, feed) : fetched;
	const today = todayIso(now);
	return db.$transaction(async (tx) => {
		await tx.$queryRaw`SELECT id FROM "IndicatorFeed" WHERE id = ${feed.id} FOR UPDATE`;
		const current = await tx.indicatorFeed.findUnique({
			where: { id: feed.id },
			include: { indicator: { select: { id: true, measure: { select: { id: true, planId: true, retiredOn: true, plan: { select: { status: true } } } } } } }
		});
		// Removed or reconfigured while the file was downloading: that answer was for another question.
		if (!current || current.version !== feed.version || current.url !== feed.url) return 'skipped';
		const measure = current.indicator.measure;
		// Archived plans and retired measures are read-only for everyone, the collector included.
		if (measure.retiredOn !== null || measure.plan.status === 'ARCHIVED') return 'skipped';
		if (!extracted.ok) {
			await tx.indicatorFeed.update({
				where: { id: feed.id },
				data: { lastFetchAt: now, lastError: extracted.error, lastErrorDetail: extracted.detail.slice(0, 500), consecutiveFailures: { increment: 1 } }
			});
			return 'failed';
		}
		const date = extracted.date ?? today;
		const latest = await tx.indicatorValue.findFirst({
			where: { indicatorId: current.indicatorId, ...(extracted.date ? { date: dayOf(date) } : {}) },
			orderBy: [{ date: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
			select: { value: true }
		});
		const unchanged = latest !== null && latest.value === extracted.value;
		if (!unchanged) {
			await insertIndicatorValue(
				tx,
				{ id: measure.id, planId: measure.planId },
				FEED_ACTOR,
				{
					indicatorId: current.indicatorId,
					date: { start: date, precision: 'DAY' },
					value: extracted.value,
					qualifier: null,
					sourceUrl: current.url,
					note: null,
					automatic: true
				},
				today
			);
		}
		await tx.indicatorFeed.update({
			where: { id: feed.id },
			data: { lastFetchAt: now, lastSuccessAt: now, lastError: null, lastErrorDetail: null, consecutiveFailures: 0 }
		});
		return unchanged ? 'unchanged' : 'added';
	});
}

/** The feeds due now (never fetched, or a day / a week ago), on measures and plans that can still change. */
export async function dueFeedIds(db: Db, now = new Date()): Promise<string[]> {
	const feeds = await db.indicatorFeed.findMany({
		where: {
			indicator: { measure: { retiredOn: null, plan: { status: { not: 'ARCHIVED' } } } },
			OR: [{ lastFetchAt: null }, { schedule: 'DAILY', lastFetchAt: { lte: dueBefore('DAILY', now) } }, { schedule: 'WEEKLY', lastFetchAt: { lte: dueBefore('WEEKLY', now) } }]
		},
		orderBy: [{ lastFetchAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
		select: { id: true }
	});
	return feeds.map((f) => f.id);
}

/** Every due feed, one after the other (the outbound module spaces requests to one host). */
export async function collectDueFeeds(db: Db, fetchBody: FetchFeedBody, now = new Date()): Promise<CollectCounts> {
	const counts: CollectCounts = { feeds: 0, added: 0, unchanged: 0, failed: 0, skipped: 0 };
	for (const id of await dueFeedIds(db, now)) {
		counts.feeds++;
		counts[await collectFeed(db, id, fetchBody, now)]++;
	}
	return counts;
}

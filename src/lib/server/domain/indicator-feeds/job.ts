// The "indicator feeds" job: every hour, collect the feeds that are due by their schedule (daily or
// weekly). Run by the in-process schedule (src/lib/server/jobs, one instance at a time) and by
// `npm run indicators:fetch` from cron; both take the same lock, so they never collect together.
import type { JobDefinition } from '../../jobs';
import { collectDueFeeds, type FetchFeedBody } from './collect';
import { feedFetcher } from './fetch';

const INDICATOR_FEEDS_JOB = 'indicator feeds';

/** Hourly: a feed is fetched once its day or week has passed, not on every round. */
const HOURLY = 60 * 60 * 1000;

export function indicatorFeedsJob(fetchBody: FetchFeedBody = feedFetcher()): JobDefinition {
	return {
		name: INDICATOR_FEEDS_JOB,
		intervalMs: HOURLY,
		run: async (database) => ({ ...(await collectDueFeeds(database.prisma, fetchBody)) })
	};
}

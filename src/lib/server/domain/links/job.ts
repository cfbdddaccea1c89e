// The link watch as a periodic job: the same name for the schedule and `npm run links:check`, so that
// they never run at the same time (src/lib/server/jobs).
import type { JobDefinition } from '../../jobs';
import { config, type Config } from '../../config';
import { fetchOutbound } from '../../net/outbound';
import { checkLinks } from './check';

export const LINK_CHECK_JOB = 'links:check';

export function linkCheckJob(settings: Config = config()): JobDefinition {
	const intervalMs = settings.linkCheckIntervalHours * 3_600_000;
	return {
		name: LINK_CHECK_JOB,
		intervalMs,
		// A round leaves links checked recently for the next one: restarts and several instances do not check twice a day.
		run: (database) => checkLinks(database.prisma, { fetch: fetchOutbound, minAgeMs: intervalMs * 0.8 })
	};
}

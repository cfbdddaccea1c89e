// `npm run indicators:fetch` (in the production image: `node build/ops/indicators-fetch.js`): collects
// the indicator feeds that are due, once, for cron. It takes the same lock as the in-process
// schedule (src/lib/server/jobs): when a round is already running elsewhere, it says so and stops.
import { openMigratedDatabase, optionsFromEnv } from '../src/lib/server/db';
import { runJobOnce } from '../src/lib/server/jobs';
import { indicatorFeedsJob } from '../src/lib/server/domain/indicator-feeds/job';

const database = await openMigratedDatabase(optionsFromEnv());
try {
	const outcome = await runJobOnce(database, indicatorFeedsJob());
	if ('error' in outcome) process.exitCode = 1;
} finally {
	await database.close();
}

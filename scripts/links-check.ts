// `npm run links:check` (production image: `node build/ops/links-check.js`): one round of the link
// watch, for cron, e.g. `0 3 * * * cd /srv/jalons && npm run links:check`, with
// JALONS_LINK_CHECK_INTERVAL_HOURS=0 on the servers (or keep their schedule: the two never run at the
// same time, one skips). Checks the links not checked in the last 20 hours; `--all` checks every one.
// On the embedded database, stop the server first: it accepts a single process at a time.
import { parseArgs } from 'node:util';
import { openMigratedDatabase, optionsFromEnv } from '../src/lib/server/db';
import { runExclusive } from '../src/lib/server/jobs';
import { checkLinks } from '../src/lib/server/domain/links/check';
import { LINK_CHECK_JOB } from '../src/lib/server/domain/links/job';
import { fetchOutbound } from '../src/lib/server/net/outbound';

const { values } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
const database = await openMigratedDatabase(optionsFromEnv());
try {
	const outcome = await runExclusive(database, LINK_CHECK_JOB, () => checkLinks(database.prisma, { fetch: fetchOutbound, minAgeMs: values.all ? 0 : undefined }));
	if (outcome.ran) console.log(JSON.stringify({ level: 'info', msg: 'links check', ...outcome.result }));
	else console.log(JSON.stringify({ level: 'info', msg: 'links check skipped: another one is running' }));
} finally {
	await database.close();
}

// `npm run digest`: mails each user the daily summary of their unread notifications not mailed yet.
// Run it once a day from cron, e.g. `0 7 * * * cd /srv/jalons && npm run digest`. Needs SMTP_URL (else
// nothing is sent and nothing is marked) and ORIGIN for the links. On the embedded database, stop the
// server first: it accepts a single process at a time.
import { openMigratedDatabase, optionsFromEnv } from '../src/lib/server/db';
import { sendDailyDigests } from '../src/lib/server/domain/notifications/digest';

const database = await openMigratedDatabase(optionsFromEnv());
try {
	const result = await sendDailyDigests(database.prisma, new Date());
	console.log(JSON.stringify({ level: 'info', msg: 'daily digest', ...result }));
	if (result.skipped) console.error('SMTP_URL is not set: no digest sent.');
	process.exitCode = result.failed > 0 ? 1 : 0;
} finally {
	await database.close();
}

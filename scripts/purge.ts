// `npm run db:purge`: deletes old login attempts, expired sessions and old single-use links (see
// src/lib/server/maintenance/purge.ts). The server also does it at start and every
// JALONS_PURGE_INTERVAL_HOURS (default 6; 0 turns it off). On the embedded database, stop the
// server first (a single process at a time).
import { openMigratedDatabase, optionsFromEnv } from '../src/lib/server/db';
import { purgeExpired } from '../src/lib/server/maintenance/purge';

const database = await openMigratedDatabase(optionsFromEnv());
try {
	const counts = await purgeExpired(database.prisma);
	console.log(JSON.stringify({ level: 'info', msg: 'purge', ...counts }));
} finally {
	await database.close();
}

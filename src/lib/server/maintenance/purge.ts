// Housekeeping: rows that only exist for a while. Login attempts are kept as long as throttling can
// look at them (failures: 1 day, longer than every window; successes: 30 days, the "usual address"
// memory), sessions until they expire, single-use links 30 days after they expired or were used,
// the one-time tokens of create forms 7 days (longer than a page is left open before a second post),
// CSV files uploaded for import 7 days (imported or not: the import itself is in the audit log).
// Nothing here is plan data, so no audit event: the counts go to the log.
import type { Db } from '../db';
import type { JobDefinition } from '../jobs';
import { config, type Config } from '../config';

const DAY = 24 * 60 * 60 * 1000;

/** How many days rows are kept; the personal-data page quotes these figures. */
export const RETENTION_DAYS = { failedLogin: 1, successfulLogin: 30, usedOrExpiredLink: 30, formToken: 7, csvImport: 7 } as const;

export interface PurgeCounts {
	loginAttempts: number;
	sessions: number;
	tokens: number;
	formTokens: number;
	csvImports: number;
}

export async function purgeExpired(db: Db, now = new Date()): Promise<PurgeCounts> {
	const ago = (days: number) => new Date(now.getTime() - days * DAY);
	return db.$transaction(async (tx) => {
		const attempts = await tx.loginAttempt.deleteMany({
			where: {
				OR: [
					{ success: false, at: { lt: ago(RETENTION_DAYS.failedLogin) } },
					{ success: true, at: { lt: ago(RETENTION_DAYS.successfulLogin) } }
				]
			}
		});
		const sessions = await tx.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] } });
		const tokens = await tx.userToken.deleteMany({
			where: { OR: [{ expiresAt: { lt: ago(RETENTION_DAYS.usedOrExpiredLink) } }, { usedAt: { lt: ago(RETENTION_DAYS.usedOrExpiredLink) } }] }
		});
		const formTokens = await tx.formSubmission.deleteMany({ where: { createdAt: { lt: ago(RETENTION_DAYS.formToken) } } });
		const csvImports = await tx.csvImport.deleteMany({ where: { createdAt: { lt: ago(RETENTION_DAYS.csvImport) } } });
		return { loginAttempts: attempts.count, sessions: sessions.count, tokens: tokens.count, formTokens: formTokens.count, csvImports: csvImports.count };
	});
}

/**
 * The purge as a periodic job, run at start and then every `JALONS_PURGE_INTERVAL_HOURS` (0: never;
 * `npm run db:purge` still works). Unlike the other jobs, `JALONS_JOBS=false` leaves it on.
 */
export function purgeJob(settings: Config = config()): JobDefinition {
	return {
		name: 'purge',
		intervalMs: settings.purgeIntervalHours * 3_600_000,
		firstDelayMs: 0,
		run: async (database) => ({ ...(await purgeExpired(database.prisma)) })
	};
}

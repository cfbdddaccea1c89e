// Housekeeping: rows that only exist for a while. Login attempts are kept as long as throttling can
// look at them (failures: 1 day, longer than every window; successes: 30 days, the "usual address"
// memory), sessions until they expire, single-use links 30 days after they expired or were used.
// Nothing here is plan data, so no audit event: the counts go to the log.
import type { Db } from '../db';

const DAY = 24 * 60 * 60 * 1000;

export interface PurgeCounts {
	loginAttempts: number;
	sessions: number;
	tokens: number;
}

export async function purgeExpired(db: Db, now = new Date()): Promise<PurgeCounts> {
	const ago = (days: number) => new Date(now.getTime() - days * DAY);
	return db.$transaction(async (tx) => {
		const attempts = await tx.loginAttempt.deleteMany({
			where: { OR: [{ success: false, at: { lt: ago(1) } }, { success: true, at: { lt: ago(30) } }] }
		});
		const sessions = await tx.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] } });
		const tokens = await tx.userToken.deleteMany({ where: { OR: [{ expiresAt: { lt: ago(30) } }, { usedAt: { lt: ago(30) } }] } });
		return { loginAttempts: attempts.count, sessions: sessions.count, tokens: tokens.count };
	});
}

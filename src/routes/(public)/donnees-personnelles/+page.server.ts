import type { PageServerLoad } from './$types';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '$lib/server/auth/session';
import { RETENTION_DAYS } from '$lib/server/maintenance/purge';

const DAY = 24 * 60 * 60 * 1000;

// The durations the page states come from the code that enforces them.
export const load: PageServerLoad = () => ({
	retention: {
		sessionIdleDays: SESSION_IDLE_MS / DAY,
		sessionMaxDays: SESSION_ABSOLUTE_MS / DAY,
		failedLoginDays: RETENTION_DAYS.failedLogin,
		successfulLoginDays: RETENTION_DAYS.successfulLogin
	}
});

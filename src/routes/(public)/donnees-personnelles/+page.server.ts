import type { PageServerLoad } from './$types';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '$lib/server/auth/session';
import { RETENTION_DAYS } from '$lib/server/maintenance/purge';
import { proConnectSettings } from '$lib/server/auth/proconnect';

const DAY = 24 * 60 * 60 * 1000;

// The durations the page states come from the code that enforces them.
export const load: PageServerLoad = () => ({
	retention: {
		sessionIdleDays: SESSION_IDLE_MS / DAY,
		sessionMaxDays: SESSION_ABSOLUTE_MS / DAY,
		failedLoginDays: RETENTION_DAYS.failedLogin,
		successfulLoginDays: RETENTION_DAYS.successfulLogin
	},
	// Without ProConnect configured, nothing of it is stored: no section to read.
	proConnect: proConnectSettings() !== null
});

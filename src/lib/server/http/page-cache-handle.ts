// The hook in front of the page cache (page-cache.ts): anonymous GETs may be answered from it, and any
// other method marks the content version for re-reading, since it may have written.
import type { Handle } from '@sveltejs/kit';
import { db } from '../db/instance';
import { SESSION_COOKIE } from '../auth/session';
import { PageCache } from './page-cache';

function megabytes(name: string, fallback: number): number {
	const value = Number(process.env[name] ?? fallback);
	return Number.isFinite(value) && value >= 0 ? value * 1024 * 1024 : fallback * 1024 * 1024;
}

const pageCache = new PageCache({
	maxBytes: megabytes('JALONS_PAGE_CACHE_MB', 64),
	// Large enough for the open-data CSV files of a 10,000-measure plan.
	maxEntryBytes: 8 * 1024 * 1024,
	maxAgeMs: 60_000,
	versionCheckMs: 1_000,
	// Every write records an audit event: the sequence moves with every change a page can show.
	readVersion: async () => {
		const [row] = await (await db()).$queryRaw<{ last_value: bigint }[]>`SELECT last_value FROM "AuditEvent_id_seq"`;
		return String(row?.last_value ?? '');
	}
});

export const pageCacheHandle: Handle = async ({ event, resolve }) => {
	const key = pageCache.keyOf(event.request, event.url, [SESSION_COOKIE]);
	if (key === null) {
		const response = await resolve(event);
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD') pageCache.invalidate();
		return response;
	}
	return (await pageCache.lookup(key, event.request)) ?? pageCache.store(key, event.request, async () => resolve(event));
};

// The hook in front of the page cache (page-cache.ts): anonymous GETs and HEADs of public routes may
// be answered from it, and any other method marks the content version for re-reading, since it may
// have written (the version only moves when a public write commits); the public read models
// (read-models/) are told the same.
import type { Handle } from '@sveltejs/kit';
import { db } from '../db/instance';
import { SESSION_COOKIE } from '../auth/session';
import { PageCache } from './page-cache';
import { config } from '../config';
import { readContentVersion } from '../public-changes';
import { readModels } from '../read-models/instance';

const pageCache = new PageCache({
	maxBytes: config().pageCacheBytes,
	// Large enough for the open-data CSV files of a 10,000-measure plan.
	maxEntryBytes: 8 * 1024 * 1024,
	maxAgeMs: 60_000,
	versionCheckMs: 1_000,
	readVersion: async () => {
		const version = await readContentVersion(await db());
		// A page rendered for this version must not be built from read models of an older one.
		readModels.observe(version);
		return version;
	}
});

export const pageCacheHandle: Handle = async ({ event, resolve }) => {
	const key = pageCache.keyOf(event.request, event.url, event.route.id, [SESSION_COOKIE]);
	if (key === null) {
		const response = await resolve(event);
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
			pageCache.invalidate();
			// The public read models follow the same version (read-models/instance.ts).
			readModels.invalidate();
		}
		return response;
	}
	return (await pageCache.lookup(key, event.request)) ?? pageCache.store(key, event.request, async () => resolve(event));
};

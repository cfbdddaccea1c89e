// This instance's public read models (public.ts), over the app's database. A form action (any
// method but GET and HEAD) reads around them: it must see what it has just written. The hook in front
// of the page cache calls `readModels.invalidate()` after such a request, as it does for the page cache.
import { getRequestEvent } from '$app/server';
import { db } from '../db/instance';
import { config } from '../config';
import { readContentChanges } from '../public-changes';
import { ReadModelCache } from './cache';
import { publicReadModels } from './public';

export const readModels = new ReadModelCache({
	maxEntries: config().readModelEntries,
	// As the page cache: what the version does not track (the clock) is bounded by this.
	maxAgeMs: 60_000,
	versionCheckMs: 1_000,
	readChanges: async (known) => readContentChanges(await db(), known)
});

function inWritingRequest(): boolean {
	try {
		const method = getRequestEvent().request.method;
		return method !== 'GET' && method !== 'HEAD';
	} catch {
		// Outside a request (a job, a script): nothing to share with, read as it is.
		return true;
	}
}

export const publicModels = publicReadModels(readModels, inWritingRequest);

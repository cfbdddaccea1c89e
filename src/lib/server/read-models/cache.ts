// Read models held in memory per content version and shared by every reader of this instance: the
// public part of a page (a plan's dashboard, a measure, a page of the list, the plan's life cycle)
// is loaded once per version and reused by anonymous and signed-in readers alike, who then add only
// their own small part (permissions, drafts, notifications) per request. What is kept must be the
// same for every viewer: a loader never takes the viewer, and anything viewer-specific stays out.
//
// Freshness is the page cache's rule (http/page-cache.ts): the content version (public-changes.ts)
// moves when a public write commits; each instance reads it at most once per `versionCheckMs`, and a
// write handled by this instance (invalidate()) forces a re-read before the next read model is
// served. Other instances see a change within about a second; `maxAgeMs` bounds what the version
// does not track (the day used for lateness is part of the keys). Entries are frozen: a request that
// tried to change a shared model would throw rather than alter what the next reader sees.

import { VersionWatch } from '../version-watch';

export interface ReadModelCacheOptions {
	/** Entries kept (least recently used go first); 0 turns the cache off. */
	maxEntries: number;
	maxAgeMs: number;
	versionCheckMs: number;
	/** The committed content version. */
	readVersion: () => Promise<string>;
	now?: () => number;
}

interface Entry {
	version: string;
	storedAt: number;
	value: Promise<unknown>;
}

export class ReadModelCache {
	readonly #options: ReadModelCacheOptions;
	readonly #now: () => number;
	readonly #entries = new Map<string, Entry>();
	readonly #version: VersionWatch;

	constructor(options: ReadModelCacheOptions) {
		this.#options = options;
		this.#now = options.now ?? Date.now;
		this.#version = new VersionWatch({ read: options.readVersion, checkMs: options.versionCheckMs, now: this.#now, onChange: () => this.#entries.clear() });
	}

	get enabled(): boolean {
		return this.#options.maxEntries > 0;
	}

	get size(): number {
		return this.#entries.size;
	}

	/** A write went through this instance: the next read re-reads the version. */
	invalidate(): void {
		this.#version.invalidate();
	}

	/**
	 * A version read elsewhere on this instance (the page cache's check, http/page-cache-handle.ts):
	 * when newer, every model built under an older one is dropped at once. Without this, the page cache
	 * could see a new version, render, and keep a page built from models this cache still believed
	 * current for up to a second, until the next change. Never moves backwards (a read that started
	 * before a write may end after it), and leaves the next check as it was.
	 */
	observe(version: string): void {
		this.#version.advance(version);
	}

	/**
	 * The model under `key` for the current content version, loaded by `load` when missing or older.
	 * Concurrent readers of a missing model share one load. When the version cannot be read, `load`
	 * runs for this reader alone and nothing is kept.
	 */
	async get<T>(key: string, load: () => Promise<T>): Promise<T> {
		if (!this.enabled) return load();
		const version = await this.#version.current();
		if (version === null) return load();
		const entry = this.#entries.get(key);
		if (entry && entry.version === version && this.#now() - entry.storedAt <= this.#options.maxAgeMs) {
			// Least recently used goes first: re-insert on every hit.
			this.#entries.delete(key);
			this.#entries.set(key, entry);
			return entry.value as Promise<T>;
		}
		const value = load().then(deepFreeze);
		const fresh: Entry = { version, storedAt: this.#now(), value };
		this.#entries.delete(key);
		this.#entries.set(key, fresh);
		this.#evict();
		// A failed load is not kept: the next reader tries again.
		value.catch(() => {
			if (this.#entries.get(key) === fresh) this.#entries.delete(key);
		});
		return value;
	}

	#evict(): void {
		for (const [key] of this.#entries) {
			if (this.#entries.size <= this.#options.maxEntries) break;
			this.#entries.delete(key);
		}
	}
}

/** Freezes a loaded model all the way down (plain objects and arrays; dates and the like as they are). */
function deepFreeze<T>(value: T): T {
	if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
	if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
	Object.freeze(value);
	for (const item of Object.values(value)) deepFreeze(item);
	return value;
}

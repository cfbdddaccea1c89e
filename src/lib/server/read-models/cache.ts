// Read models held in memory per content version and shared by every reader of this instance: the
// public part of a page (a plan's dashboard, a measure, a page of the list, the plan's life cycle)
// is loaded once per version and reused by anonymous and signed-in readers alike, who then add only
// their own small part (permissions, drafts, notifications) per request. What is kept must be the
// same for every viewer: a loader never takes the viewer, and anything viewer-specific stays out.
//
// Freshness is the page cache's rule (http/page-cache.ts): the content version (public-changes.ts)
// moves when a public write commits; each instance reads it at most once per `versionCheckMs`, and a
// write handled by this instance (invalidate()) forces a re-read before the next read model is
// served. With the version comes what changed since the one this instance knew, and only the models
// tagged with what changed are dropped (tags.ts): a save of one measure keeps the other measures'
// pages and the other plans'. Other instances see a change within about a second; `maxAgeMs` bounds
// what the version does not track (the day used for lateness is part of the keys). Entries are
// frozen: a request that tried to change a shared model would throw rather than alter what the next
// reader sees.

import { VersionWatch } from '../version-watch';
import type { ContentChanges } from '../public-changes';
import { droppedTags, tags as dependencies } from './tags';

export interface ReadModelCacheOptions {
	/** Entries kept (least recently used go first); 0 turns the cache off. */
	maxEntries: number;
	maxAgeMs: number;
	versionCheckMs: number;
	/** The committed content version, and what changed after `known` (public-changes.ts). */
	readChanges: (known: string | null) => Promise<ContentChanges>;
	now?: () => number;
}

interface Entry {
	/** What the model shows (tags.ts): a change to any of these drops it. */
	tags: readonly string[];
	storedAt: number;
	value: Promise<unknown>;
}

export class ReadModelCache {
	readonly #options: ReadModelCacheOptions;
	readonly #now: () => number;
	readonly #entries = new Map<string, Entry>();
	readonly #version: VersionWatch<ContentChanges>;

	constructor(options: ReadModelCacheOptions) {
		this.#options = options;
		this.#now = options.now ?? Date.now;
		this.#version = new VersionWatch({ read: options.readChanges, checkMs: options.versionCheckMs, now: this.#now, onChange: (read) => this.#drop(read) });
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
	 * when newer, the next model served first reads what changed and drops it. Without this, the page
	 * cache could see a new version, render, and keep a page built from models this cache still
	 * believed current for up to a second, until the next change. Never moves backwards (a read that
	 * started before a write may end after it).
	 */
	observe(version: string): void {
		this.#version.observe(version);
	}

	/**
	 * The model under `key`, loaded by `load` when missing or dropped since by a change to one of its
	 * `tags` (or to the tags it gives once loaded, when what it shows depends on what it holds; any
	 * change drops it while it loads). Concurrent readers of a missing model share one load. When the
	 * version cannot be read, `load` runs for this reader alone and nothing is kept.
	 */
	async get<T>(key: string, tags: readonly string[] | ((value: T) => readonly string[]), load: () => Promise<T>): Promise<T> {
		if (!this.enabled) return load();
		const version = await this.#version.current();
		if (version === null) return load();
		const entry = this.#entries.get(key);
		if (entry && this.#now() - entry.storedAt <= this.#options.maxAgeMs) {
			// Least recently used goes first: re-insert on every hit.
			this.#entries.delete(key);
			this.#entries.set(key, entry);
			return entry.value as Promise<T>;
		}
		const value = load().then(deepFreeze);
		const fresh: Entry = { tags: typeof tags === 'function' ? [dependencies.any] : tags, storedAt: this.#now(), value };
		if (typeof tags === 'function')
			void value.then(
				(loaded) => (fresh.tags = tags(loaded)),
				() => {}
			);
		this.#entries.delete(key);
		this.#entries.set(key, fresh);
		this.#evict();
		// A failed load is not kept: the next reader tries again.
		value.catch(() => {
			if (this.#entries.get(key) === fresh) this.#entries.delete(key);
		});
		return value;
	}

	/** What a version read says changed goes; everything when it could not say (unreadable, instance-wide). */
	#drop(read: ContentChanges | null): void {
		if (read === null || read.touched === 'all') {
			this.#entries.clear();
			return;
		}
		const dropped = droppedTags(read.touched);
		for (const [key, entry] of this.#entries) if (entry.tags.some((tag) => dropped.has(tag))) this.#entries.delete(key);
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

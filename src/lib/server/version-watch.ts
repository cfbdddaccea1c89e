// The content version (public-changes.ts) as one instance follows it, for the caches that must drop
// what was built under an older one (the page cache, http/page-cache.ts, and the public read models,
// read-models/cache.ts): read at most once per `checkMs`, one read shared by concurrent callers, and
// read again at once after a write through this instance (invalidate()).

export interface VersionRead {
	version: string;
}

export interface VersionWatchOptions<R extends VersionRead> {
	/** The committed content version (and whatever the cache wants to know with it), given the one last seen. */
	read: (known: string | null) => Promise<R>;
	checkMs: number;
	now: () => number;
	/**
	 * Called with the read when the version moves, or with null when it cannot be read: whatever was
	 * built under the old version and touched by the change goes (everything, on null).
	 */
	onChange: (read: R | null) => void;
}

export class VersionWatch<R extends VersionRead = VersionRead> {
	readonly #options: VersionWatchOptions<R>;
	#version: string | null = null;
	#readAt = -Infinity;
	#reading: Promise<string | null> | null = null;
	/** Moves on every invalidate(), so that a version read started before a write is not trusted after it. */
	#generation = 0;

	constructor(options: VersionWatchOptions<R>) {
		this.#options = options;
	}

	/** A write went through this instance: the next call to current() reads the version again. */
	invalidate(): void {
		this.#readAt = -Infinity;
		this.#generation++;
		this.#reading = null;
	}

	/**
	 * A version read elsewhere on this instance: when newer, the next call to current() reads again
	 * (and so learns what changed); ignored when not, since a read that started before a write may end
	 * after it.
	 */
	observe(version: string): void {
		if (this.#version !== null && BigInt(version) <= BigInt(this.#version)) return;
		this.invalidate();
	}

	/** The current version; null when it cannot be read (then nothing should be served from a cache). */
	async current(): Promise<string | null> {
		if (this.#options.now() - this.#readAt < this.#options.checkMs) return this.#version;
		if (this.#reading) return this.#reading;
		const generation = this.#generation;
		const reading = this.#options.read(this.#version).then(
			(read) => {
				if (read.version !== this.#version) this.#options.onChange(read);
				this.#version = read.version;
				// A write went through meanwhile: this value may predate its commit, read again next time.
				if (generation === this.#generation) this.#readAt = this.#options.now();
				return read.version;
			},
			() => {
				this.#options.onChange(null);
				this.#version = null;
				return null;
			}
		);
		this.#reading = reading;
		void reading.finally(() => {
			if (this.#reading === reading) this.#reading = null;
		});
		return reading;
	}
}

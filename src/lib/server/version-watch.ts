// The content version (public-changes.ts) as one instance follows it, for the caches that must drop
// what was built under an older one (the page cache, http/page-cache.ts, and the public read models,
// read-models/cache.ts): read at most once per `checkMs`, one read shared by concurrent callers, and
// read again at once after a write through this instance (invalidate()).

export interface VersionWatchOptions {
	/** The committed content version. */
	read: () => Promise<string>;
	checkMs: number;
	now: () => number;
	/** Called when the version moves or cannot be read: whatever was built under the old one goes. */
	onChange: () => void;
}

export class VersionWatch {
	readonly #options: VersionWatchOptions;
	#version: string | null = null;
	#readAt = -Infinity;
	#reading: Promise<string | null> | null = null;
	/** Moves on every invalidate(), so that a version read started before a write is not trusted after it. */
	#generation = 0;

	constructor(options: VersionWatchOptions) {
		this.#options = options;
	}

	/** A write went through this instance: the next call to current() reads the version again. */
	invalidate(): void {
		this.#readAt = -Infinity;
		this.#generation++;
		this.#reading = null;
	}

	/**
	 * A version read elsewhere on this instance: taken when newer (onChange is called), ignored when
	 * not, since a read that started before a write may end after it. The next check stays as it was.
	 */
	advance(version: string): void {
		if (this.#version !== null && BigInt(version) <= BigInt(this.#version)) return;
		this.#options.onChange();
		this.#version = version;
	}

	/** The current version; null when it cannot be read (then nothing should be served from a cache). */
	async current(): Promise<string | null> {
		if (this.#options.now() - this.#readAt < this.#options.checkMs) return this.#version;
		if (this.#reading) return this.#reading;
		const generation = this.#generation;
		const reading = this.#options.read().then(
			(version) => {
				if (version !== this.#version) this.#options.onChange();
				this.#version = version;
				// A write went through meanwhile: this value may predate its commit, read again next time.
				if (generation === this.#generation) this.#readAt = this.#options.now();
				return version;
			},
			() => {
				this.#options.onChange();
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

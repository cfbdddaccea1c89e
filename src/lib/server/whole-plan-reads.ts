// Reads that hold a whole plan in memory (open-data files, the plan rebuilt from its history for a
// past date) run a few at a time. On a plan of thousands of measures each one holds tens of
// megabytes for seconds: a burst of them, or of URLs made up to miss the page cache, must queue
// rather than exhaust the server's memory. Past a bounded queue the answer is a 503 with a retry hint.
import { config } from './config';

/** Too many whole-plan reads are already waiting: try again shortly. */
export class BusyError extends Error {
	constructor() {
		super('too many whole-plan reads waiting');
		this.name = 'BusyError';
	}
}

export class Limiter {
	#running = 0;
	readonly #waiting: (() => void)[] = [];

	constructor(
		readonly concurrency: number,
		readonly maxWaiting: number
	) {}

	async run<T>(work: () => Promise<T>): Promise<T> {
		if (this.#running >= this.concurrency) {
			if (this.#waiting.length >= this.maxWaiting) throw new BusyError();
			await new Promise<void>((resolve) => this.#waiting.push(resolve));
		} else {
			this.#running++;
		}
		try {
			return await work();
		} finally {
			// Hand the slot straight to the next in line, or free it.
			const next = this.#waiting.shift();
			if (next) next();
			else this.#running--;
		}
	}
}

export const wholePlanReads = new Limiter(config().wholePlanReads, 50);

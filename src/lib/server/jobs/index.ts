// Periodic work that must run on one instance at a time (link checks, indicator feeds), whether it is
// started by the in-process schedule of any app server or by an operator's script from cron.
// Exclusivity is a PostgreSQL session-level advisory lock taken with pg_try_advisory_lock on a
// connection held for the whole run: a second runner (another instance, or cron while the schedule
// runs) does not wait, it skips that round; a crashed runner's lock goes with its connection. A
// session lock rather than a transaction-scoped one so that the job's own writes stay short
// transactions instead of sitting inside one held open for minutes. PGlite is a single process and a
// single session (where advisory locks are re-entrant): there the in-process guard alone applies.
import type { Database } from '../db';
import { log } from '../log';

/** The first key of the two-key advisory lock: "Jalons jobs", so that our locks do not meet anyone else's. */
const LOCK_NAMESPACE = 0x4a4c4e53;

export type ExclusiveRun<T> = { ran: true; result: T } | { ran: false };

// Per database handle: the app's schedule shares one handle, while a test opening two handles on the
// same database stands for two instances, which only the advisory lock keeps apart.
const runningHere = new WeakMap<Database, Set<string>>();

/**
 * Runs `work` unless a job of the same name is already running here or on any instance sharing the
 * database; then resolves `{ ran: false }` at once. A throw from `work` is passed on (lock released).
 */
export async function runExclusive<T>(database: Database, name: string, work: () => Promise<T>): Promise<ExclusiveRun<T>> {
	const names = runningHere.get(database) ?? new Set<string>();
	runningHere.set(database, names);
	if (names.has(name)) return { ran: false };
	names.add(name);
	try {
		if (database.kind === 'embedded') return { ran: true, result: await work() };
		return await database.runner.connection(async (connection) => {
			const [row] = await connection.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [LOCK_NAMESPACE, name]);
			if (!row?.locked) return { ran: false } as const;
			try {
				return { ran: true, result: await work() } as const;
			} finally {
				await connection.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, name]);
			}
		});
	} finally {
		names.delete(name);
	}
}

export interface JobDefinition {
	/** Also the lock's name: a script and the schedule running the same job exclude each other. */
	name: string;
	/** Time between two rounds; 0 or less: not scheduled (the script still works). */
	intervalMs: number;
	/** Delay before the first round after start (default one minute: the server answers requests first). */
	firstDelayMs?: number;
	/** One round; what it resolves is logged. */
	run(database: Database): Promise<Record<string, unknown> | void>;
}

/** One exclusive round of `job`, logged; never throws (a scheduled failure must not stop the server). */
export async function runJobOnce(
	database: Database,
	job: Pick<JobDefinition, 'name' | 'run'>
): Promise<ExclusiveRun<Record<string, unknown> | void> | { ran: false; error: string }> {
	const started = Date.now();
	try {
		const outcome = await runExclusive(database, job.name, () => job.run(database));
		if (outcome.ran) log('info', `job ${job.name}`, { ...(outcome.result ?? {}), ms: Date.now() - started });
		else log('info', `job ${job.name} skipped: running elsewhere`);
		return outcome;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		log('warn', `job ${job.name} failed`, { error: message });
		return { ran: false, error: message };
	}
}

export interface JobSchedule {
	stop(): void;
}

/**
 * Starts each job with a positive interval (the server's init does this). Timers are unref'd: they
 * never keep a process alive.
 */
export function startJobs(open: () => Promise<Database>, jobs: JobDefinition[]): JobSchedule {
	const timers: NodeJS.Timeout[] = [];
	let stopped = false;
	for (const job of jobs) {
		if (!(job.intervalMs > 0)) continue;
		const tick = () =>
			void open()
				.then((database) => runJobOnce(database, job))
				.catch((error: unknown) => log('warn', `job ${job.name}: database unavailable`, { error: error instanceof Error ? error.message : String(error) }));
		const first = setTimeout(() => {
			if (stopped) return;
			tick();
			const every = setInterval(tick, job.intervalMs);
			every.unref();
			timers.push(every);
		}, job.firstDelayMs ?? 60_000);
		first.unref();
		timers.push(first);
	}
	return {
		stop() {
			stopped = true;
			for (const timer of timers) clearTimeout(timer);
		}
	};
}

// Exclusive jobs: two runs of the same job at once, from two handles on the same database (two
// instances, or the schedule and `npm run links:check`), give one run and one skip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { openDatabase, type Database } from '../../src/lib/server/db';
import { withDatabase } from '../helpers/database-templates';
import { runExclusive, runJobOnce, startJobs } from '../../src/lib/server/jobs';

let database: TestDatabase;
let other: Database;
beforeAll(async () => {
	database = await freshDatabase();
	// On PostgreSQL a second pool on the same database stands for a second instance; PGlite is one
	// process and one session, where the in-process guard is what keeps runs apart.
	other = database.kind === 'postgres' ? await openDatabase({ url: withDatabase(process.env.DATABASE_URL!, database.name), poolSize: 2 }) : database;
});
afterAll(async () => {
	if (other && other !== database) await other.close();
	await database?.close();
});

function gate() {
	let open!: () => void;
	const opened = new Promise<void>((resolve) => (open = resolve));
	return { open, opened };
}

describe('runExclusive', () => {
	it('runs one of two simultaneous runs and skips the other, then runs again once the first is done', async () => {
		const release = gate();
		const started = gate();
		let runs = 0;
		const first = runExclusive(database, 'test-job', async () => {
			runs++;
			started.open();
			await release.opened;
			return 'first';
		});
		await started.opened;
		const second = await runExclusive(other, 'test-job', async () => {
			runs++;
			return 'second';
		});
		expect(second).toEqual({ ran: false });
		release.open();
		expect(await first).toEqual({ ran: true, result: 'first' });
		expect(await runExclusive(other, 'test-job', async () => 'again')).toEqual({ ran: true, result: 'again' });
		expect(runs).toBe(1);
	});

	it('keeps different jobs apart: another name runs meanwhile', async () => {
		const release = gate();
		const first = runExclusive(database, 'job-a', () => release.opened);
		expect(await runExclusive(other, 'job-b', async () => 'b')).toEqual({ ran: true, result: 'b' });
		release.open();
		await first;
	});

	it('releases the lock when the work throws', async () => {
		await expect(runExclusive(database, 'job-throws', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await runExclusive(other, 'job-throws', async () => 1)).toEqual({ ran: true, result: 1 });
	});

	it('holds a real advisory lock on PostgreSQL (seen from pg_locks), and none after', async () => {
		const release = gate();
		const started = gate();
		const run = runExclusive(database, 'visible-job', async () => {
			started.open();
			await release.opened;
		});
		await started.opened;
		const held = await other.runner.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted");
		release.open();
		await run;
		const after = await other.runner.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted");
		expect(held[0]!.n).toBe(database.kind === 'postgres' ? 1 : 0);
		expect(after[0]!.n).toBe(0);
	});
});

describe('runJobOnce and startJobs', () => {
	it('never throws: a failing job is logged and reported', async () => {
		expect(await runJobOnce(database, { name: 'failing', run: () => Promise.reject(new Error('down')) })).toEqual({ ran: false, error: 'down' });
	});

	it('runs a scheduled job after its first delay and again at each interval, until stopped', async () => {
		let rounds = 0;
		const schedule = startJobs(
			async () => database,
			[
				{
					name: 'ticking',
					intervalMs: 40,
					firstDelayMs: 10,
					run: async () => {
						rounds++;
					}
				},
				{ name: 'off', intervalMs: 0, run: async () => expect.unreachable('a job with interval 0 is not scheduled') }
			]
		);
		await new Promise((resolve) => setTimeout(resolve, 200));
		schedule.stop();
		const seen = rounds;
		expect(seen).toBeGreaterThanOrEqual(2);
		await new Promise((resolve) => setTimeout(resolve, 120));
		expect(rounds).toBe(seen);
	});
});

import { describe, expect, it } from 'vitest';
import { BusyError, Limiter } from '../../src/lib/server/whole-plan-reads';
import { isTemporarilyUnavailable } from '../../src/lib/server/db/outage';

function deferred() {
	let resolve: () => void = () => {};
	let reject: (error: Error) => void = () => {};
	const promise = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('whole-plan reads limiter', () => {
	it('runs at most `concurrency` reads at once, the others in arrival order', async () => {
		const limiter = new Limiter(2, 10);
		const gates = Array.from({ length: 5 }, deferred);
		const started: number[] = [];
		let running = 0;
		let most = 0;
		const runs = gates.map((gate, i) =>
			limiter.run(async () => {
				started.push(i);
				most = Math.max(most, ++running);
				await gate.promise;
				running--;
				return i;
			})
		);
		await tick();
		expect(started).toEqual([0, 1]);
		gates[1]!.resolve();
		await tick();
		expect(started).toEqual([0, 1, 2]);
		for (const gate of gates) gate.resolve();
		expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
		expect(most).toBe(2);
	});

	it('refuses with BusyError once the queue is full, and a failed read frees its slot', async () => {
		const limiter = new Limiter(1, 1);
		const first = deferred();
		const running = limiter.run(() => first.promise);
		const queued = limiter.run(async () => 'queued');
		const refused = limiter.run(async () => 'refused');
		await expect(refused).rejects.toBeInstanceOf(BusyError);
		expect(isTemporarilyUnavailable(new BusyError())).toBe(true);
		first.reject(new Error('read failed'));
		await expect(running).rejects.toThrow('read failed');
		expect(await queued).toBe('queued');
		expect(await limiter.run(async () => 'again')).toBe('again');
	});
});

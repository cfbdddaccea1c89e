import { describe, expect, it } from 'vitest';
import { combine, windowDecision } from '../../src/lib/server/auth/throttle';

const now = new Date('2026-01-10T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const window = { limit: 3, ms: 10 * 60 * 1000 };

describe('throttle windows', () => {
	it('allow while fewer failures than the limit are in the window', () => {
		expect(windowDecision([], window, now)).toEqual({ allowed: true });
		expect(windowDecision([ago(1), ago(2)], window, now)).toEqual({ allowed: true });
	});

	it('block at the limit until the oldest of the last `limit` failures leaves the window', () => {
		expect(windowDecision([ago(10), ago(20), ago(60)], window, now)).toEqual({ allowed: false, retryAfterSeconds: 540 });
		expect(windowDecision([ago(10), ago(20), ago(600)], window, now)).toEqual({ allowed: true });
		expect(windowDecision([ago(0), ago(0), ago(599.5)], window, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
	});

	it('combine to the strictest answer', () => {
		expect(combine([{ allowed: true }, { allowed: true }])).toEqual({ allowed: true });
		expect(combine([{ allowed: true }, { allowed: false, retryAfterSeconds: 30 }, { allowed: false, retryAfterSeconds: 90 }])).toEqual({
			allowed: false,
			retryAfterSeconds: 90
		});
	});
});

import { describe, expect, it } from 'vitest';
import { memoised } from './memo';

describe('memoised', () => {
	it('computes each input once and gives back the same string', () => {
		const seen: string[] = [];
		const shout = memoised((text) => (seen.push(text), text.toUpperCase()));
		expect([shout('a'), shout('b'), shout('a'), shout('a')]).toEqual(['A', 'B', 'A', 'A']);
		expect(seen).toEqual(['a', 'b']);
	});

	it('stays bounded: a full table starts again, and long inputs are not kept', () => {
		let calls = 0;
		const same = memoised((text) => (calls++, text), { maxEntries: 2, maxInputLength: 5 });
		same('a');
		same('b');
		same('c'); // the table was full: it now holds 'c' only
		same('a');
		expect(calls).toBe(4);
		same('c');
		expect(calls).toBe(4);
		same('long text');
		same('long text');
		expect(calls).toBe(6);
	});
});

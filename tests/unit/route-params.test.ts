// The route matchers (src/params/) decide which paths reach a page at all: what they refuse is a 404
// before any load runs, so their shapes must match what the app links to.
import { describe, expect, it } from 'vitest';
import { match as slug } from '../../src/params/slug';
import { match as numero } from '../../src/params/numero';
import { match as id } from '../../src/params/id';
import { match as code } from '../../src/params/code';

describe('route matchers', () => {
	it('accept the shapes the app links to', () => {
		expect(slug('plan-action-logiciels-libres-et-communs-numeriques')).toBe(true);
		for (const n of ['1', '3.2', '12.3.4']) expect(numero(n)).toBe(true);
		expect(id('cm1abc2def3ghi')).toBe(true);
		expect(code('DINUM_OPEN')).toBe(true);
	});

	it('refuse anything else', () => {
		for (const s of ['', 'Plan', 'a/b', '..', 'a.b', '<x>', 'x'.repeat(121)]) expect(slug(s)).toBe(false);
		for (const n of ['', 'x', '1.', '.1', '1.2.3.4', '1234', '1..2']) expect(numero(n)).toBe(false);
		for (const s of ['', 'ABC', 'a-b', 'x'.repeat(41)]) expect(id(s)).toBe(false);
		for (const s of ['', 'dinum', 'A-B', 'X'.repeat(61)]) expect(code(s)).toBe(false);
	});
});

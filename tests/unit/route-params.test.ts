// The route matchers (src/params/) decide which paths reach a page at all: what they refuse is a 404
// before any load runs, so their shapes must match what the app links to.
import { readdirSync } from 'node:fs';
import path from 'node:path';
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

describe('route trees sharing a path', () => {
	// SvelteKit ranks a parameter with a matcher above one without: if the public `/plans/[slug=slug]`
	// tree had a matcher and the staff `/plans/[slug]` tree did not, `/plans/x/rapports/travail` would
	// reach the public `rapports/[id=id]` page (a 404) instead of the staff page.
	it('give the plan segment the same matcher in every group', () => {
		const routes = path.resolve(import.meta.dirname, '../../src/routes');
		const planDirs = ['(public)', '(app)'].map((group) => readdirSync(path.join(routes, group, 'plans')).filter((name) => name.startsWith('[')));
		expect(planDirs).toEqual([['[slug=slug]'], ['[slug=slug]']]);
	});
});

// Unknown filter values are all treated alike: a malformed status and a well-formed axis number that
// names no axis of the plan are both dropped and reported as ignored.
import { describe, expect, it } from 'vitest';
import { dropUnknownChoices, parseMeasureFilters } from '../../src/lib/server/validation/measure-filters';

const known = { axes: [{ number: 1 }, { number: 2 }], owners: [{ code: 'LABEL' }, { code: 'POLE_LL' }] };
const parse = (query: string) => parseMeasureFilters(new URLSearchParams(query));

describe('dropUnknownChoices', () => {
	it('keeps filters that name an axis and a team of the plan (nothing to redo)', () => {
		expect(dropUnknownChoices(parse('axe=2&porteur=LABEL'), known)).toBeNull();
		expect(dropUnknownChoices(parse(''), known)).toBeNull();
	});

	it('drops an axis that does not exist and reports it like an unknown status', () => {
		const result = dropUnknownChoices(parse('axe=9&statut=NOPE&porteur=LABEL'), known);
		expect(result?.filters.axis).toBeNull();
		expect(result?.filters.owner).toBe('LABEL');
		expect(result?.ignored).toEqual(['axe', 'statut']);
	});

	it('drops an unknown team code and keeps the page asked for', () => {
		const result = dropUnknownChoices(parse('porteur=NOBODY&page=2'), known);
		expect(result?.filters.owner).toBeNull();
		expect(result?.ignored).toEqual(['porteur']);
		expect(result?.page).toBe(2);
	});
});

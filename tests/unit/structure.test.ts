// The pure rules of a plan's structure (numbers, order, retirement) and how time travel rebuilds
// them from audit events, on hand-made rows (no database).
import { describe, expect, it } from 'vitest';
import { nextAxisNumber, nextMeasureNumber, retiredAt, swapNeighbour } from '../../src/lib/domain/structure';
import { axesAt, indexEvents, type TravelEvent } from '../../src/lib/domain/time-travel';
import { measurePath } from '../../src/lib/server/http/measure-redirects';

describe('numbers', () => {
	it('gives an axis one more than the highest number', () => {
		expect(nextAxisNumber([])).toBe(1);
		expect(nextAxisNumber([1, 3, 2])).toBe(4);
	});

	it('gives a measure the next number of its axis, counting former numbers, ignoring other axes and sub-measures', () => {
		expect(nextMeasureNumber(2, [])).toBe('2.1');
		expect(nextMeasureNumber(2, ['1.1', '2.1', '2.4', '21.9', '2.9.1', '12.7'])).toBe('2.5');
		expect(nextMeasureNumber(1, ['1.998', '1.999'])).toBeNull();
	});
});

describe('order and retirement', () => {
	const axes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
	it('swaps an axis with its neighbour, not past either end', () => {
		expect(swapNeighbour(axes, 'b', 'up')).toEqual({ axis: { id: 'b' }, neighbour: { id: 'a' } });
		expect(swapNeighbour(axes, 'b', 'down')).toEqual({ axis: { id: 'b' }, neighbour: { id: 'c' } });
		expect(swapNeighbour(axes, 'a', 'up')).toBeNull();
		expect(swapNeighbour(axes, 'c', 'down')).toBeNull();
		expect(swapNeighbour(axes, 'z', 'up')).toBeNull();
	});

	it('retires a measure from its day on, not before', () => {
		expect(retiredAt('2025-03-01', '2025-02-28')).toBe(false);
		expect(retiredAt('2025-03-01', '2025-03-01')).toBe(true);
		expect(retiredAt(null, '2030-01-01')).toBe(false);
	});
});

describe('axes at a past date', () => {
	const d = (day: string) => new Date(`${day}T10:00:00.000Z`);
	const event = (partial: Partial<TravelEvent> & Pick<TravelEvent, 'entityId' | 'action' | 'at'>): TravelEvent => ({
		actorId: 'u1',
		actorLabel: 'Admin',
		entityType: 'Axis',
		measureId: null,
		before: null,
		after: null,
		...partial
	});
	const rows = [
		{ id: 'a1', number: 1, title: 'Premier (renommé)', titleEn: null, position: 2 },
		{ id: 'a2', number: 2, title: 'Deuxième', titleEn: null, position: 1 },
		{ id: 'a3', number: 3, title: 'Ajouté', titleEn: null, position: 3 }
	];
	const index = indexEvents([
		event({ entityId: 'a3', action: 'create', at: d('2025-03-01'), after: { number: 3, position: 3, title: 'Ajouté', titleEn: null } }),
		event({ entityId: 'a1', action: 'update', at: d('2025-04-01'), before: { title: 'Premier', titleEn: null }, after: { title: 'Premier (renommé)', titleEn: null } }),
		event({ entityId: 'a2', action: 'update', at: d('2025-05-01'), before: { position: 2 }, after: { position: 1 } }),
		event({ entityId: 'a1', action: 'update', at: d('2025-05-01'), before: { position: 1 }, after: { position: 2 } })
	]);

	it('an axis added on 1 March 2025 does not exist on 28 February', () => {
		expect(axesAt(rows, index, '2025-02-28').map((a) => a.id)).toEqual(['a1', 'a2']);
		expect(axesAt(rows, index, '2025-03-01').map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
	});

	it('titles and order as they were', () => {
		expect(axesAt(rows, index, '2025-03-31').map((a) => a.title)).toEqual(['Premier', 'Deuxième', 'Ajouté']);
		expect(axesAt(rows, index, '2025-04-30').map((a) => a.title)).toEqual(['Premier (renommé)', 'Deuxième', 'Ajouté']);
		expect(axesAt(rows, index, '2025-05-01').map((a) => a.number)).toEqual([2, 1, 3]);
	});
});

describe('old measure URLs', () => {
	it('finds the plan and the number of measure pages, their sub-pages, English pages and feeds, and rebuilds them', () => {
		const page = measurePath('/en/plans/plan-a/mesures/1.2/historique')!;
		expect(page).toMatchObject({ slug: 'plan-a', number: '1.2' });
		expect(page.withNumber('3.4')).toBe('/en/plans/plan-a/mesures/3.4/historique');
		expect(measurePath('/plans/plan-a/mesures/1.2')!.withNumber('3.4')).toBe('/plans/plan-a/mesures/3.4');
		expect(measurePath('/plans/plan-a/mesures/1.2/modifier/jalons')!.withNumber('3.4')).toBe('/plans/plan-a/mesures/3.4/modifier/jalons');
		expect(measurePath('/flux/plan-a/mesures/1.2.atom')!.withNumber('3.4')).toBe('/flux/plan-a/mesures/3.4.atom');
		expect(measurePath('/plans/plan-a/mesures')).toBeNull();
		expect(measurePath('/plans/plan-a/porteurs/LABEL')).toBeNull();
		expect(measurePath('/plans/PLAN/mesures/1.2')).toBeNull();
	});
});

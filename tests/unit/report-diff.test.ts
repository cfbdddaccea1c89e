import { describe, expect, it } from 'vitest';
import { diffSnapshots, type MeasureSnapshot } from '../../src/lib/domain/report-snapshot';

function measure(overrides: Partial<MeasureSnapshot> = {}): MeasureSnapshot {
	return {
		measureId: 'm1',
		number: '1.1',
		title: 'Catalogue',
		status: 'IN_PROGRESS',
		progress: 40,
		confidence: 'ON_TRACK',
		confidenceExplanation: null,
		milestones: [
			{ id: 'a', title: 'Cahier des charges', planned: { start: '2026-07-01', precision: 'QUARTER' }, doneOn: null },
			{ id: 'b', title: 'Marché notifié', planned: { start: '2026-10-01', precision: 'MONTH' }, doneOn: null }
		],
		indicators: [{ id: 'i', name: 'Logiciels référencés', unit: 'logiciels', latest: { date: '2026-06-30', value: 300 } }],
		evidence: [],
		updates: [],
		...overrides
	};
}

describe('snapshot diff', () => {
	it('reports nothing between identical snapshots', () => {
		expect(diffSnapshots([measure()], [measure()])).toEqual([]);
	});

	it('reports status moves, milestones done or re-planned and indicator values', () => {
		const before = measure();
		const after = measure({
			status: 'DONE',
			milestones: [
				{ ...before.milestones[0]!, doneOn: '2026-09-15' },
				{ ...before.milestones[1]!, planned: { start: '2027-01-01', precision: 'QUARTER' } }
			],
			indicators: [{ ...before.indicators[0]!, latest: { date: '2026-09-30', value: 350 } }]
		});
		expect(diffSnapshots([before], [after])).toEqual([
			{
				number: '1.1',
				title: 'Catalogue',
				added: false,
				status: { from: 'IN_PROGRESS', to: 'DONE' },
				milestonesDone: ['Cahier des charges'],
				milestonesReplanned: [{ title: 'Marché notifié', from: { start: '2026-10-01', precision: 'MONTH' }, to: { start: '2027-01-01', precision: 'QUARTER' } }],
				indicators: [{ name: 'Logiciels référencés', unit: 'logiciels', from: 300, to: 350 }]
			}
		]);
	});

	it('marks measures absent from the previous round as added, and counts a first indicator value', () => {
		const first = measure({ indicators: [{ id: 'i', name: 'N', unit: 'u', latest: null }] });
		const second = measure({ indicators: [{ id: 'i', name: 'N', unit: 'u', latest: { date: '2026-09-30', value: 5 } }] });
		const other = measure({ measureId: 'm2', number: '1.2' });
		const changes = diffSnapshots([first], [second, other]);
		expect(changes.map((c) => [c.number, c.added])).toEqual([
			['1.1', false],
			['1.2', true]
		]);
		expect(changes[0]!.indicators).toEqual([{ name: 'N', unit: 'u', from: null, to: 5 }]);
	});

	it('does not count a milestone that was already done, nor a new milestone, as a change of plan', () => {
		const done = measure({ milestones: [{ id: 'a', title: 'A', planned: null, doneOn: '2026-01-01' }] });
		const later = measure({
			milestones: [
				{ id: 'a', title: 'A', planned: null, doneOn: '2026-01-01' },
				{ id: 'c', title: 'C', planned: null, doneOn: null }
			]
		});
		expect(diffSnapshots([done], [later])).toEqual([]);
	});
});

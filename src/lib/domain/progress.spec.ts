import { describe, expect, it } from 'vitest';
import { indicatorProgress, measureProgress, milestoneProgress, rollUp } from './progress';

describe('milestoneProgress', () => {
	it('is the weighted share of milestones done', () => {
		expect(
			milestoneProgress([
				{ weight: 3, doneOn: '2022-01-01' },
				{ weight: 1, doneOn: null }
			])
		).toBe(75);
	});
	it('is unknown without milestones', () => {
		expect(milestoneProgress([])).toBeNull();
		expect(milestoneProgress([{ weight: 0, doneOn: null }])).toBeNull();
	});
});

describe('indicatorProgress', () => {
	it('measures the way from baseline to target', () => {
		expect(indicatorProgress({ baseline: 200, target: 500, current: 350, direction: 'UP' })).toBe(50);
	});
	it('is direction-aware for indicators that must go down', () => {
		expect(indicatorProgress({ baseline: 100, target: 20, current: 60, direction: 'DOWN' })).toBe(50);
	});
	it('clamps to 0–100', () => {
		expect(indicatorProgress({ baseline: 200, target: 500, current: 900, direction: 'UP' })).toBe(100);
		expect(indicatorProgress({ baseline: 200, target: 500, current: 100, direction: 'UP' })).toBe(0);
	});
	it('is unknown without a target, a value, or with a target pointing the wrong way', () => {
		expect(indicatorProgress({ baseline: 200, target: null, current: 300, direction: 'UP' })).toBeNull();
		expect(indicatorProgress({ baseline: 200, target: 500, current: null, direction: 'UP' })).toBeNull();
		expect(indicatorProgress({ baseline: 200, target: 100, current: 150, direction: 'UP' })).toBeNull();
		expect(indicatorProgress({ baseline: 200, target: 200, current: 200, direction: 'DOWN' })).toBeNull();
	});
});

describe('measureProgress', () => {
	it('keeps an unknown manual value empty, never 0', () => {
		expect(measureProgress({ method: 'MANUAL', manualValue: null, milestones: [], indicator: null })).toEqual({
			method: 'MANUAL',
			value: null
		});
	});
	it('uses the chosen method', () => {
		const milestones = [
			{ weight: 1, doneOn: '2023-01-01' },
			{ weight: 1, doneOn: null }
		];
		const indicator = { baseline: 0, target: 10, current: 2, direction: 'UP' as const };
		expect(measureProgress({ method: 'MANUAL', manualValue: 40, milestones, indicator }).value).toBe(40);
		expect(measureProgress({ method: 'MILESTONES', manualValue: 40, milestones, indicator }).value).toBe(50);
		expect(measureProgress({ method: 'INDICATOR', manualValue: 40, milestones, indicator }).value).toBe(20);
	});
});

describe('rollUp', () => {
	it('averages known values with their weights and counts the unknown ones', () => {
		expect(rollUp([{ value: 100, weight: 1 }, { value: 40, weight: 2 }, { value: null }])).toEqual({
			value: 60,
			known: 2,
			unknown: 1
		});
	});
	it('is unknown when nothing is known', () => {
		expect(rollUp([{ value: null }, { value: null }])).toEqual({ value: null, known: 0, unknown: 2 });
	});
});

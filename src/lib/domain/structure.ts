// Pure rules of a plan's structure (axes and measure numbers). A public number is a promise: it is
// never given to two measures of a plan, not even one after the other, so the numbers a measure had
// before a move (kept as redirects) stay taken for good.

/** Segments of a measure number are at most three digits (route-params.ts `numero`). */
const MAX_NUMBER_SEGMENT = 999;

/** The number a new axis gets: one more than the highest one the plan ever had. */
export function nextAxisNumber(axisNumbers: readonly number[]): number {
	return axisNumbers.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/**
 * The number a measure gets in axis `axisNumber`: `<axis>.<n>` with n one more than the highest n
 * among the plan's numbers of that axis, current or former. Null when n would pass 999.
 */
export function nextMeasureNumber(axisNumber: number, taken: readonly string[]): string | null {
	const prefix = `${axisNumber}.`;
	let max = 0;
	for (const number of taken) {
		if (!number.startsWith(prefix)) continue;
		const rest = number.slice(prefix.length);
		// "1.2.1" is a sub-measure of 1.2: only direct numbers of the axis count.
		if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
	}
	return max + 1 > MAX_NUMBER_SEGMENT ? null : `${prefix}${max + 1}`;
}

export type Direction = 'up' | 'down';

/**
 * The axis to swap places with when moving `axisId` one step up or down, in the plan's order
 * (`axes` sorted by position); null at either end.
 */
export function swapNeighbour<A extends { id: string }>(axes: readonly A[], axisId: string, direction: Direction): { axis: A; neighbour: A } | null {
	const index = axes.findIndex((a) => a.id === axisId);
	if (index === -1) return null;
	const neighbour = axes[direction === 'up' ? index - 1 : index + 1];
	return neighbour ? { axis: axes[index]!, neighbour } : null;
}

/** A retired measure is retired on `date` when it was retired on or before that day. */
export function retiredAt(retiredOn: string | null, date: string): boolean {
	return retiredOn !== null && retiredOn <= date;
}

// Progress rules: the one place where a figure shown to the public is computed.
// An unknown value stays null and is never turned into 0: averaging an unknown as 0 would tell
// citizens that nothing was done when in fact nobody said.

export type ProgressMethod = 'MANUAL' | 'MILESTONES' | 'INDICATOR';

export interface MilestoneForProgress {
	weight: number;
	doneOn: string | null;
}

export interface IndicatorForProgress {
	baseline: number;
	target: number | null;
	direction: 'UP' | 'DOWN';
	/** Latest value, null when none was recorded. */
	current: number | null;
}

export interface Progress {
	/** 0–100, rounded to one decimal; null when unknown. */
	value: number | null;
	method: ProgressMethod;
}

function clampPercent(ratio: number): number {
	return Math.round(Math.min(1, Math.max(0, ratio)) * 1000) / 10;
}

/** Weighted share of milestones done. No milestone (or no weight) → unknown. */
export function milestoneProgress(milestones: readonly MilestoneForProgress[]): number | null {
	const total = milestones.reduce((sum, m) => sum + Math.max(0, m.weight), 0);
	if (total === 0) return null;
	const done = milestones.reduce((sum, m) => sum + (m.doneOn ? Math.max(0, m.weight) : 0), 0);
	return clampPercent(done / total);
}

/**
 * (current − baseline) / (target − baseline), clamped to 0–100. Direction-aware: for a "down"
 * indicator the target must be below the baseline. A target that points the wrong way, equals the
 * baseline or is missing makes the figure meaningless, so it is unknown.
 */
export function indicatorProgress(indicator: IndicatorForProgress): number | null {
	const { baseline, target, current, direction } = indicator;
	if (target === null || current === null) return null;
	const span = direction === 'UP' ? target - baseline : baseline - target;
	if (!(span > 0)) return null;
	const gained = direction === 'UP' ? current - baseline : baseline - current;
	return clampPercent(gained / span);
}

export function measureProgress(input: {
	method: ProgressMethod;
	manualValue: number | null;
	milestones: readonly MilestoneForProgress[];
	indicator: IndicatorForProgress | null;
}): Progress {
	switch (input.method) {
		case 'MANUAL':
			return {
				method: 'MANUAL',
				value: input.manualValue === null ? null : clampPercent(input.manualValue / 100)
			};
		case 'MILESTONES':
			return { method: 'MILESTONES', value: milestoneProgress(input.milestones) };
		case 'INDICATOR':
			return { method: 'INDICATOR', value: input.indicator ? indicatorProgress(input.indicator) : null };
	}
}

export interface RollUp {
	/** Weighted average of the known values; null when none is known. */
	value: number | null;
	known: number;
	unknown: number;
}

/** Axis and plan roll-ups: weighted average that skips unknown values and counts them. */
export function rollUp(items: readonly { value: number | null; weight?: number }[]): RollUp {
	let weighted = 0;
	let weights = 0;
	let known = 0;
	let unknown = 0;
	for (const item of items) {
		if (item.value === null) {
			unknown++;
			continue;
		}
		const weight = item.weight ?? 1;
		known++;
		weighted += item.value * weight;
		weights += weight;
	}
	return {
		value: weights > 0 ? Math.round((weighted / weights) * 10) / 10 : null,
		known,
		unknown
	};
}

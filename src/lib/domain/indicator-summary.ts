// What every reading of an indicator shares (the measure page, the open data): its definition and
// its progress from the latest value, computed in one place.
import { indicatorProgress } from './progress';
import { toIsoDayOrNull } from './dates';
import type { IndicatorDirection } from '../server/db/generated/enums';

export interface IndicatorSummary {
	id: string;
	name: string;
	description: string | null;
	unit: string;
	baseline: number;
	baselineDate: string | null;
	target: number | null;
	targetDate: string | null;
	direction: IndicatorDirection;
	progress: number | null;
}

type IndicatorFields = Omit<IndicatorSummary, 'baselineDate' | 'targetDate' | 'progress'> & { baselineDate: Date | null; targetDate: Date | null };

const day = toIsoDayOrNull;

export function summariseIndicator(indicator: IndicatorFields, latestValue: number | null): IndicatorSummary {
	const { id, name, description, unit, baseline, target, direction } = indicator;
	return {
		id,
		name,
		description,
		unit,
		baseline,
		baselineDate: day(indicator.baselineDate),
		target,
		targetDate: day(indicator.targetDate),
		direction,
		progress: indicatorProgress({ baseline, target, direction, current: latestValue })
	};
}

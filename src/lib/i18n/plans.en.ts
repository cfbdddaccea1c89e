// English interface text of the plans namespace: every key of the French reference (plans.ts).
import type { PlansMessages } from './plans';

export const plansEn: PlansMessages = {
	errors: {
		archived: 'This plan has been archived since {date}: it can no longer be changed.',
		archivedUndated: 'This plan is archived: it can no longer be changed.'
	}
};

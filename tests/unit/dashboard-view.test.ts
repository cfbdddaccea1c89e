// The dashboard page's data is serialised into its HTML for hydration: only what the page shows.
import { describe, expect, it } from 'vitest';
import { dashboardView } from '../../src/lib/server/domain/plans/dashboard-view';
import type { MeasureSummary, PlanDashboard } from '../../src/lib/server/domain/plans/view';

const team = () => ({ code: 'POLE', name: 'Pôle logiciels libres', nameEn: 'Free software unit' });
const measure = (number: string): MeasureSummary => ({
	id: `m${number}`,
	number,
	title: `Mesure ${number}`,
	titleEn: null,
	status: 'IN_PROGRESS',
	statusAsOf: '2024-01-01',
	progress: { method: 'MILESTONES', value: 40, asOf: '2024-01-01' },
	confidence: null,
	leadOwner: team(),
	nextMilestone: null,
	lateMilestones: 0,
	latestUpdate: null,
	retiredOn: null
});
const counts = { NOT_REPORTED: 0, NOT_STARTED: 0, IN_PROGRESS: 2, DONE: 0, CONTINUOUS: 0, ABANDONED: 0 };
const dashboard: PlanDashboard = {
	plan: {
		id: 'p1',
		slug: 'plan',
		title: 'Plan',
		titleEn: null,
		summary: 'Résumé',
		summaryEn: null,
		adoptedOn: '2021-11-10',
		status: 'ACTIVE',
		archivedOn: null,
		archiveNote: null,
		archiveNoteEn: null,
		contentLicence: 'Licence Ouverte',
		contentLicenceUrl: 'https://example.org/licence',
		sourceUrls: ['https://example.org/source-1', 'https://example.org/source-2']
	},
	today: '2026-12-07',
	progress: { value: 40, known: 2, unknown: 0 },
	statusCounts: counts,
	axes: [
		{
			number: 1,
			title: 'Axe',
			titleEn: null,
			leadOwner: team(),
			progress: { value: 40, known: 2, unknown: 0 },
			statusCounts: counts,
			measureCount: 2,
			retiredCount: 0,
			measures: [measure('1.1'), measure('1.2')]
		}
	],
	measureCount: 2,
	retiredCount: 0,
	lastChangeAt: null,
	latestFact: null,
	planFacts: []
};

describe('dashboardView', () => {
	it('keeps what the page shows and leaves the rest out', () => {
		const view = dashboardView(dashboard);
		expect(view.plan).toEqual({ slug: 'plan', title: 'Plan', titleEn: null, summary: 'Résumé', summaryEn: null, adoptedOn: '2021-11-10', status: 'ACTIVE' });
		const [first] = view.axes[0]!.measures;
		expect(first).not.toHaveProperty('statusAsOf');
		expect(first!.progress).toEqual({ value: 40 });
		expect(first!.title).toBe('Mesure 1.1');
	});

	it('shares one team object between the measures it leads (devalue then writes it once)', () => {
		const view = dashboardView(dashboard);
		const [axis] = view.axes;
		expect(axis!.measures[0]!.leadOwner).toBe(axis!.leadOwner);
		expect(axis!.measures[1]!.leadOwner).toBe(axis!.leadOwner);
	});
});

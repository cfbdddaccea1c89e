// What the dashboard page shows of a plan's dashboard, and nothing else: its data is serialised into
// every page's HTML for hydration (and hashed for the CSP), so fields no component reads cost each
// reader for nothing. Built once per content version with the read model. Teams are shared by
// reference, so that the serialiser writes each one once however many measures it leads.
import type { AxisSummary, MeasureSummary, OwnerRef, PlanDashboard, PlanHeader } from './view';

type DashboardMeasure = Omit<MeasureSummary, 'statusAsOf' | 'progress'> & { progress: { value: number | null } };
export type DashboardAxis = Omit<AxisSummary, 'measures'> & { measures: DashboardMeasure[] };
export type DashboardView = Omit<PlanDashboard, 'plan' | 'axes'> & {
	plan: Pick<PlanHeader, 'slug' | 'title' | 'titleEn' | 'summary' | 'summaryEn' | 'adoptedOn' | 'status'>;
	axes: DashboardAxis[];
};

export function dashboardView(dashboard: PlanDashboard): DashboardView {
	const owners = new Map<string, OwnerRef>();
	const owner = (ref: OwnerRef): OwnerRef => {
		const known = owners.get(ref.code);
		if (known && known.name === ref.name && known.nameEn === ref.nameEn) return known;
		owners.set(ref.code, ref);
		return ref;
	};
	const { slug, title, titleEn, summary, summaryEn, adoptedOn, status } = dashboard.plan;
	return {
		...dashboard,
		plan: { slug, title, titleEn, summary, summaryEn, adoptedOn, status },
		axes: dashboard.axes.map((axis) => ({
			...axis,
			leadOwner: axis.leadOwner && owner(axis.leadOwner),
			measures: axis.measures.map(({ statusAsOf: _statusAsOf, progress, leadOwner, ...measure }) => ({
				...measure,
				progress: { value: progress.value },
				leadOwner: owner(leadOwner)
			}))
		}))
	};
}

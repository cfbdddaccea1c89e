// The dashboard page, for the home page (default plan) and each plan's page alike.
import type { Db } from '../../db';
import { getPlanAgenda } from './agenda';
import { getPlanKnowledge } from './known';
import { getDashboardForRequest } from '../time-travel/view';
import { dashboardView } from './dashboard-view';

/** The plan today or on a past day, and, for today, its agenda and what is known of it. Null: unknown plan. */
export async function getDashboardPage(db: Db, slug: string, rawDate: string | null) {
	const found = await getDashboardForRequest(db, slug, rawDate);
	if (!found) return null;
	// Upcoming and late milestones are about today, and so is the summary of what is known: a past
	// day shows the plan as it stood.
	if (found.travel.date) return { ...found, dashboard: dashboardView(found.dashboard), agenda: null, known: null };
	const { dashboard } = found;
	const [agenda, known] = await Promise.all([
		getPlanAgenda(db, dashboard.plan.id, dashboard.today),
		getPlanKnowledge(
			db,
			dashboard.plan.id,
			dashboard.axes.flatMap((a) => a.measures.map((m) => m.id))
		)
	]);
	return { ...found, dashboard: dashboardView(dashboard), agenda, known };
}

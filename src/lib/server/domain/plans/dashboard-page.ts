// The dashboard page, for the home page (default plan) and each plan's page alike.
import type { Db } from '../../db';
import { toIsoDay } from '../../../domain/dates';
import { getPlanAgenda } from './agenda';
import { getPlanKnowledge } from './known';
import { getPlanDashboard, type PlanDashboard } from './view';
import { requestedTravel } from '../time-travel/view';
import { getPlanDashboardOn } from '../time-travel/snapshots';
import type { TravelState } from '../../validation/time-travel';
import { dashboardView } from './dashboard-view';

/**
 * The dashboard a request asks for: today's (no extra query) or, with a valid `?date=`, the plan on
 * that day. A bad date is reported in `travel.problem` and today's plan is shown.
 */
async function getDashboardForRequest(
	db: Db,
	slug: string,
	rawDate: string | null,
	today = toIsoDay(new Date())
): Promise<{ dashboard: PlanDashboard; travel: TravelState } | null> {
	const travel = await requestedTravel(db, slug, rawDate, today);
	if (!travel) return null;
	const dashboard = travel.date ? await getPlanDashboardOn(db, slug, travel.date, today) : await getPlanDashboard(db, slug, today);
	return dashboard ? { dashboard, travel: { ...travel, adoptedOn: travel.adoptedOn ?? dashboard.plan.adoptedOn } } : null;
}

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
			dashboard.axes.map((a) => a.number),
			dashboard.axes.flatMap((a) => a.measures.map((m) => m.id))
		)
	]);
	return { ...found, dashboard: dashboardView(dashboard), agenda, known };
}

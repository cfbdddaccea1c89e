// The dashboard page, for the home page (default plan) and each plan's page alike.
import type { Db } from '../../db';
import { getPlanAgenda } from './agenda';
import { getDashboardForRequest } from '../time-travel/view';

/** The plan today or on a past day, and, for today, its agenda. Null: unknown plan. */
export async function getDashboardPage(db: Db, slug: string, rawDate: string | null) {
	const found = await getDashboardForRequest(db, slug, rawDate);
	if (!found) return null;
	// Upcoming and late milestones are about today: a past day has no agenda.
	const agenda = found.travel.date ? null : await getPlanAgenda(db, found.dashboard.plan.id, found.dashboard.today);
	return { ...found, agenda };
}

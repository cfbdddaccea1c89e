// A plan's dashboard on a past day, kept in PostgreSQL: folding a large plan's audit log costs a fresh
// process seconds of CPU (bench/RESULTS.md), while the answer changes only when public content does.
// A past day is not closed by the calendar alone: today's writes still change it (an indicator value
// dated last year, a milestone marked done on a past day, a measure's first event replayed backwards
// from today's row). So a snapshot is keyed by the content version (public-changes.ts), which every
// public write moves in its own transaction, read *before* the dashboard is built: a write that
// commits meanwhile leaves the snapshot under an older version, never served. Today stays live.
import type { Db } from '../../db';
import type { PlanDashboard } from '../plans/view';
import { getPlanDashboardAt } from './view';
import { log } from '../../log';

/** Days kept per plan at the current version: a crawler walking every day cannot fill the table. */
const DAYS_KEPT = 100;

/** The dashboard of `slug` on `date` (before `today`), from its snapshot when the content has not changed since. */
export async function getPlanDashboardOn(db: Db, slug: string, date: string, today: string): Promise<PlanDashboard | null> {
	if (date >= today) return getPlanDashboardAt(db, slug, date);
	const [found] = await db.$queryRaw<{ planId: string; version: bigint; data: string | null }[]>`
		SELECT p."id" AS "planId", cv."version", s."data"
		FROM "Plan" p CROSS JOIN "ContentVersion" cv
		LEFT JOIN "DashboardSnapshot" s ON s."planId" = p."id" AND s."day" = ${date}::date AND s."version" = cv."version"
		WHERE p."slug" = ${slug} AND cv."id" = 1`;
	if (!found) return getPlanDashboardAt(db, slug, date);
	if (found.data !== null) return JSON.parse(found.data) as PlanDashboard;
	const dashboard = await getPlanDashboardAt(db, slug, date);
	if (dashboard) await store(db, found.planId, date, found.version, dashboard);
	return dashboard;
}

/**
 * Keeps the snapshot unless a newer one is there; drops those of older versions (never served again)
 * and the plan's least recently stored days beyond DAYS_KEPT. The reader has its answer already: a
 * failure to store is logged, not passed on.
 */
async function store(db: Db, planId: string, date: string, version: bigint, dashboard: PlanDashboard): Promise<void> {
	try {
		await db.$executeRaw`
			DELETE FROM "DashboardSnapshot" s WHERE s."version" < ${version}
				OR (s."planId" = ${planId} AND s."day" NOT IN (
					SELECT k."day" FROM "DashboardSnapshot" k WHERE k."planId" = ${planId} ORDER BY k."storedAt" DESC LIMIT ${DAYS_KEPT - 1}))`;
		await db.$executeRaw`
			INSERT INTO "DashboardSnapshot" ("planId", "day", "version", "data") VALUES (${planId}, ${date}::date, ${version}, ${JSON.stringify(dashboard)})
			ON CONFLICT ("planId", "day") DO UPDATE SET "version" = EXCLUDED."version", "data" = EXCLUDED."data", "storedAt" = EXCLUDED."storedAt"
			WHERE "DashboardSnapshot"."version" <= EXCLUDED."version"`;
	} catch (error) {
		log('warn', 'dashboard snapshot not stored', { planId, date, error: error instanceof Error ? error.message : String(error) });
	}
}

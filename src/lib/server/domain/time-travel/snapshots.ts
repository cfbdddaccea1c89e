// A plan's dashboard on a past day, kept in PostgreSQL: folding a large plan's audit log costs a fresh
// process seconds of CPU (bench/RESULTS.md), while the answer changes only when public content does.
// A past day is not closed by the calendar alone: today's writes still change it (an indicator value
// dated last year, a milestone marked done on a past day, a measure's first event replayed backwards
// from today's row). So a snapshot is keyed by the content version (public-changes.ts), which every
// public write moves in its own transaction, read *before* the dashboard is built: a write that
// commits meanwhile leaves the snapshot under an older version, never served as is. What each write
// touched (`ContentChange`) says how an older snapshot is brought forward: kept when only other plans
// changed, patched when only some of this plan's measures did (their roll-ups folded again, the rest
// of the page rebuilt), built again otherwise. Today stays live.
import type { Db } from '../../db';
import type { MeasureRollupRow, PlanDashboard } from '../plans/view';
import { getPlanDashboardAt, getPlanDayAt, type DayRollups } from './view';
import { log } from '../../log';

/** Days kept per plan: a crawler walking every day cannot fill the table. */
const DAYS_KEPT = 100;
/** Beyond this many measures written since, folding the whole plan costs about as much as patching. */
const PATCH_LIMIT = 1000;

interface Found {
	planId: string;
	version: bigint;
	storedVersion: bigint | null;
	data: string | null;
	rollups: string | null;
	/** The measures of this plan written since the stored version; null when something wider changed (or nothing is recorded). */
	touched: string[] | null;
}

/** The dashboard of `slug` on `date` (before `today`), from its snapshot when the content has not changed since. */
export async function getPlanDashboardOn(db: Db, slug: string, date: string, today: string): Promise<PlanDashboard | null> {
	if (date >= today) return getPlanDashboardAt(db, slug, date);
	// One statement, one view of the data: the version, the stored day, and what changed in this plan
	// after the stored version ('*', the plan itself, or a measure whose plan is not recorded: all of it).
	const [found] = await db.$queryRaw<Found[]>`
		SELECT p."id" AS "planId", cv."version", s."version" AS "storedVersion",
			CASE WHEN s."version" = cv."version" OR w."touched" = '{}' THEN s."data" END AS "data",
			CASE WHEN cardinality(w."touched") > 0 THEN s."rollups" END AS "rollups", w."touched"
		FROM "Plan" p CROSS JOIN "ContentVersion" cv
		LEFT JOIN "DashboardSnapshot" s ON s."planId" = p."id" AND s."day" = ${date}::date
		LEFT JOIN LATERAL (
			SELECT CASE WHEN count(*) = 0 OR bool_or((c."planId" = p."id" AND c."measureId" IS NULL) OR c."planId" IS NULL) THEN NULL
				ELSE coalesce(array_agg(c."measureId") FILTER (WHERE c."planId" = p."id"), '{}') END AS "touched"
			FROM "ContentChange" c WHERE s."version" < cv."version" AND c."version" > s."version"
		) w ON TRUE
		WHERE p."slug" = ${slug} AND cv."id" = 1`;
	if (!found) return getPlanDashboardAt(db, slug, date);
	if (found.data !== null) {
		if (found.storedVersion !== found.version) await keep(db, found, date);
		return JSON.parse(found.data) as PlanDashboard;
	}
	const patch =
		found.rollups !== null && found.touched !== null && found.touched.length <= PATCH_LIMIT ? { rollups: readRollups(found.rollups), touched: found.touched } : undefined;
	let day = await getPlanDayAt(db, slug, date, patch);
	if (day === 'stale') day = await getPlanDayAt(db, slug, date);
	if (day === null || day === 'stale') return null;
	await store(db, found.planId, date, found.version, day.dashboard, day.rollups);
	return day.dashboard;
}

/** Only other plans changed since the snapshot: it holds at the newer version too. */
async function keep(db: Db, found: Found, date: string): Promise<void> {
	try {
		await db.$executeRaw`
			UPDATE "DashboardSnapshot" SET "version" = ${found.version}
			WHERE "planId" = ${found.planId} AND "day" = ${date}::date AND "version" = ${found.storedVersion}`;
	} catch (error) {
		log('warn', 'dashboard snapshot not kept', { planId: found.planId, date, error: error instanceof Error ? error.message : String(error) });
	}
}

/** A roll-up as stored: [id, roll-up fields] or [id] for a measure not created yet that day. */
type StoredRollup = [string] | [string, string, MeasureRollupRow['status'], number | null, MeasureRollupRow['progress']['method'], boolean];

function writeRollups(day: DayRollups): string {
	return JSON.stringify(day.map(([id, r]): StoredRollup => (r ? [id, r.axisId, r.status, r.progress.value, r.progress.method, r.retired] : [id])));
}

function readRollups(text: string): Map<string, MeasureRollupRow | null> {
	return new Map(
		(JSON.parse(text) as StoredRollup[]).map(([id, axisId, status, value, method, retired]) => [
			id,
			axisId === undefined ? null : { id, axisId, status: status!, progress: { value: value!, method: method! }, retired: retired! }
		])
	);
}

/**
 * Keeps the snapshot unless a newer one is there, and drops the plan's least recently stored days
 * beyond DAYS_KEPT. Older versions stay: a later reader patches them. The reader has its answer
 * already: a failure to store is logged, not passed on.
 */
async function store(db: Db, planId: string, date: string, version: bigint, dashboard: PlanDashboard, rollups: DayRollups): Promise<void> {
	try {
		await db.$executeRaw`
			DELETE FROM "DashboardSnapshot" s WHERE s."planId" = ${planId} AND s."day" NOT IN (
				SELECT k."day" FROM "DashboardSnapshot" k WHERE k."planId" = ${planId} ORDER BY k."storedAt" DESC LIMIT ${DAYS_KEPT - 1})`;
		await db.$executeRaw`
			INSERT INTO "DashboardSnapshot" ("planId", "day", "version", "data", "rollups")
			VALUES (${planId}, ${date}::date, ${version}, ${JSON.stringify(dashboard)}, ${writeRollups(rollups)})
			ON CONFLICT ("planId", "day") DO UPDATE SET "version" = EXCLUDED."version", "data" = EXCLUDED."data", "rollups" = EXCLUDED."rollups", "storedAt" = EXCLUDED."storedAt"
			WHERE "DashboardSnapshot"."version" <= EXCLUDED."version"`;
	} catch (error) {
		log('warn', 'dashboard snapshot not stored', { planId, date, error: error instanceof Error ? error.message : String(error) });
	}
}

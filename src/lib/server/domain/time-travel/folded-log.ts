// The audit log and dated facts of a plan read in SQL for one day, for the pages of a large plan at a
// past date (dashboard, list): each gives PostgreSQL's answer by the rules of the pure replay
// (domain/time-travel.ts), so that only the measures a page shows need their events in Node.
import type { Db } from '../../db';
import { Prisma } from '../../db/generated/client';
import type { FieldSource } from '../../../domain/time-travel';
import { periodEnd } from '../measures/lateness-sql';
import { publicChangeSql } from '../../public-changes';

/** A folded row: entity, key (null: created after the day), whether "after"/"before" were found, their values. */
type FoldedRow = [string, string | null, boolean, Prisma.JsonValue, boolean, Prisma.JsonValue];

/**
 * The audit log of a plan's measures (or milestones) folded by PostgreSQL for one day, by the rules of
 * `existedAt` and `fieldAt` (the import's events first, then by time and id): for each entity and each
 * of `keys`, the "after" of the latest event by the day and the "before" of the first one after it;
 * and the entities created after the day (rows with a null key). One row per entity and key instead
 * of every event: a 10,000-measure plan with 100,000 events sends 10,000 small rows, where loading
 * the events took seconds; and as one JSON document, which Node parses for a fraction of the CPU of
 * decoding as many rows (as `measureRollups`). With `measureIds`, only those measures (or their
 * milestones of today) are folded.
 */
export async function foldedLog(
	db: Db,
	planId: string,
	entityType: 'Measure' | 'Milestone',
	keys: readonly string[],
	date: string,
	measureIds?: readonly string[]
): Promise<FieldSource> {
	const ids = measureIds ? [...measureIds] : [];
	const only = !measureIds
		? Prisma.empty
		: entityType === 'Measure'
			? Prisma.sql`AND e."entityId" = ANY(${ids}::text[])`
			: Prisma.sql`AND e."entityId" IN (SELECT ms."id" FROM "Milestone" ms WHERE ms."measureId" = ANY(${ids}::text[]))`;
	const [result] = await db.$queryRaw<{ rows: string }[]>`
		SELECT coalesce(json_agg(json_build_array(f.entity, f.key, f."hasAfter", f."after", f."hasBefore", f."before")), '[]')::text AS rows FROM (
		SELECT e."entityType" || ':' || e."entityId" AS entity, k.key,
			bool_or(w.happened AND w."hasAfter") AS "hasAfter",
			(array_agg(e."after" -> k.key ORDER BY w.imported ASC, e."at" DESC, e."id" DESC) FILTER (WHERE w.happened AND w."hasAfter"))[1] AS "after",
			bool_or(NOT w.happened AND w."hasBefore") AS "hasBefore",
			(array_agg(e."before" -> k.key ORDER BY e."at" ASC, e."id" ASC) FILTER (WHERE NOT w.happened AND w."hasBefore"))[1] AS "before"
		FROM "AuditEvent" e
		CROSS JOIN unnest(${[...keys]}::text[]) AS k(key)
		CROSS JOIN LATERAL (SELECT
			(e."actorId" IS NULL AND e."actorLabel" = 'seed') AS imported,
			((e."actorId" IS NULL AND e."actorLabel" = 'seed') OR e."at" < ${date}::date + 1) AS happened,
			(jsonb_typeof(e."after") = 'object' AND e."after" ? k.key) AS "hasAfter",
			(jsonb_typeof(e."before") = 'object' AND e."before" ? k.key) AS "hasBefore") w
		WHERE e."planId" = ${planId} AND e."entityType" = ${entityType} AND ${publicChangeSql('e')} AND (w."hasAfter" OR w."hasBefore") ${only}
		GROUP BY 1, 2
		UNION ALL
		SELECT e."entityType" || ':' || e."entityId", NULL, FALSE, NULL, FALSE, NULL
		FROM "AuditEvent" e
		WHERE e."planId" = ${planId} AND e."entityType" = ${entityType} AND ${publicChangeSql('e')} AND e."action" = 'create' ${only}
		GROUP BY 1
		HAVING NOT bool_or(e."actorId" IS NULL AND e."actorLabel" = 'seed') AND min(e."at") >= ${date}::date + 1) f`;
	const rows = JSON.parse(result?.rows ?? '[]') as FoldedRow[];
	const values = new Map<string, Map<string, Prisma.JsonValue>>();
	const createdLater = new Set<string>();
	for (const [entity, key, hasAfter, after, hasBefore, before] of rows) {
		if (key === null) createdLater.add(entity);
		else if (hasAfter || hasBefore) {
			const fields = values.get(entity) ?? new Map<string, Prisma.JsonValue>();
			fields.set(key, hasAfter ? after : before);
			values.set(entity, fields);
		}
	}
	return {
		existed: (entity) => !createdLater.has(entity),
		field: (entity, key) => {
			const fields = values.get(entity);
			return fields?.has(key) ? { found: true, value: fields.get(key) } : { found: false };
		}
	};
}

/** Milestones some public event of the plan mentions (their replay needs the log): a set PostgreSQL hashes once. */
export const mentionedMilestones = (planId: string) =>
	Prisma.sql`(SELECT e."entityId" FROM "AuditEvent" e WHERE e."planId" = ${planId} AND e."entityType" = 'Milestone' AND ${publicChangeSql('e')})`;

/** A dated fact is known on `date` once its period is over (`knownAt`); an undated precision counts the day itself. */
export const knownBy = (date: Prisma.Sql, precision: Prisma.Sql, day: string) =>
	Prisma.sql`coalesce(${periodEnd(date, Prisma.sql`coalesce(${precision}::text, 'DAY')`)}, ${date}) <= ${day}::date`;

/**
 * Per measure, its milestones that were open and overdue on `date`, by the rules of `measureAt` and
 * the list's `toItem`: a milestone created in the application after the day is left out; a re-plan
 * made after it is undone (the milestone still had the date it replaced, and no forecast); one done
 * after the day was still open. Measures without such a milestone are absent.
 */
export async function lateMilestonesAt(db: Db, planId: string, date: string): Promise<Map<string, number>> {
	const rows = await db.$queryRaw<{ id: string; late: number }[]>`
		WITH "createdLater" AS (
			SELECT e."entityId" FROM "AuditEvent" e
			WHERE e."planId" = ${planId} AND e."entityType" = 'Milestone' AND e."action" = 'create' AND ${publicChangeSql('e')}
			GROUP BY 1
			HAVING NOT bool_or(e."actorId" IS NULL AND e."actorLabel" = 'seed') AND min(e."at") >= ${date}::date + 1
		)
		SELECT ms."measureId" AS id, count(*)::int AS late
		FROM "Milestone" ms JOIN "Measure" m ON m."id" = ms."measureId"
		LEFT JOIN LATERAL (
			SELECT TRUE AS found, r."previousDate", r."previousPrecision" FROM "MilestoneReplan" r
			WHERE r."milestoneId" = ms."id" AND r."at" >= ${date}::date + 1
			ORDER BY r."at" ASC LIMIT 1
		) later ON TRUE
		WHERE m."planId" = ${planId}
			AND (ms."doneOn" IS NULL OR ms."doneOn" > ${date}::date)
			AND ms."id" NOT IN (SELECT "entityId" FROM "createdLater")
			AND (CASE WHEN later.found THEN
					${periodEnd(Prisma.sql`later."previousDate"`, Prisma.sql`later."previousPrecision"`)}
				WHEN ms."plannedPrecision"::text = 'CONTINUOUS' THEN NULL
				WHEN ms."forecastDate" IS NOT NULL THEN ms."forecastDate"
				ELSE ${periodEnd(Prisma.sql`ms."plannedDate"`, Prisma.sql`ms."plannedPrecision"`)} END) < ${date}::date
		GROUP BY 1`;
	return new Map(rows.map((r) => [r.id, r.late]));
}

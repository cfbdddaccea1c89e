// The plan dashboard's "what's next" read model: open milestones due in the next 90 days, overdue
// ones, and the measures most recently changed according to the audit log (after the initial import:
// the seed is where the plan starts, not a change; the history labels it "import"). Bounded lists and a
// fixed number of queries whatever the plan's size; lateness is computed from dates, never stored.
import type { Db } from '../../db';
import { daysUntilEnd, toIsoDay, type DatePrecision, type PreciseDate } from '../../../domain/dates';
import { Prisma } from '../../db/generated/client';
import { milestoneDueEnd } from '../measures/lateness-sql';
import { milestoneDue } from './view';
import { publicChangeSql } from '../../public-changes';
import { SEED_ACTOR } from '../../audit';

export const UPCOMING_DAYS = 90;
export const AGENDA_LIMIT = 8;

export interface AgendaMilestone {
	title: string;
	due: PreciseDate;
	daysLeft: number;
	measure: { number: string; title: string };
}

interface RecentMeasure {
	number: string;
	title: string;
	at: string;
}

export interface PlanAgenda {
	today: string;
	upcoming: AgendaMilestone[];
	upcomingTotal: number;
	late: AgendaMilestone[];
	lateTotal: number;
	recent: RecentMeasure[];
}

interface DueRow {
	title: string;
	plannedDate: Date | null;
	plannedPrecision: DatePrecision;
	forecastDate: Date | null;
	number: string;
	measureTitle: string;
	total: number;
}

/**
 * Open milestones of measures still under way, due before `today` (late, latest first) or within the
 * next `UPCOMING_DAYS` (soonest first): the first `AGENDA_LIMIT` of each and how many there are, in
 * SQL, so that a plan with tens of thousands of overdue milestones costs the same as the real one.
 */
function dueMilestones(db: Db, planId: string, today: string, which: 'late' | 'upcoming'): Promise<DueRow[]> {
	const window =
		which === 'late'
			? Prisma.sql`${milestoneDueEnd} < ${today}::date`
			: Prisma.sql`${milestoneDueEnd} >= ${today}::date AND ${milestoneDueEnd} <= ${today}::date + ${UPCOMING_DAYS}::int`;
	const order = which === 'late' ? Prisma.sql`ORDER BY ${milestoneDueEnd} DESC` : Prisma.sql`ORDER BY ${milestoneDueEnd} ASC`;
	return db.$queryRaw<DueRow[]>`
		SELECT ms."title", ms."plannedDate", ms."plannedPrecision"::text AS "plannedPrecision", ms."forecastDate",
			m."number", m."title" AS "measureTitle", (count(*) OVER ())::int AS total
		FROM "Milestone" ms JOIN "Measure" m ON m."id" = ms."measureId"
		WHERE m."planId" = ${planId} AND m."retiredOn" IS NULL AND coalesce(m."status"::text, '') NOT IN ('DONE', 'ABANDONED')
			AND ms."doneOn" IS NULL AND ${window}
		${order}, m."position" ASC, ms."position" ASC, ms."id" ASC
		LIMIT ${AGENDA_LIMIT}`;
}

export async function getPlanAgenda(db: Db, planId: string, today = toIsoDay(new Date())): Promise<PlanAgenda> {
	const [late, upcoming, lastChanges] = await Promise.all([
		dueMilestones(db, planId, today, 'late'),
		dueMilestones(db, planId, today, 'upcoming'),
		db.$queryRaw<RecentMeasure[]>`
			SELECT m."number", m."title", to_char(max(a."at"), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at"
			FROM "AuditEvent" a JOIN "Measure" m ON m."id" = a."measureId"
			WHERE a."planId" = ${planId} AND m."planId" = ${planId} AND ${publicChangeSql('a')}
				AND NOT (a."actorId" IS NULL AND a."actorLabel" = ${SEED_ACTOR.label})
			GROUP BY m."id", m."number", m."title"
			ORDER BY max(a."at") DESC, m."number" ASC
			LIMIT ${AGENDA_LIMIT}
		`
	]);
	const agendaItem = (row: DueRow): AgendaMilestone[] => {
		const due = milestoneDue({ ...row, doneOn: null, weight: 1 });
		const daysLeft = due ? daysUntilEnd(due, today) : null;
		return due && daysLeft !== null ? [{ title: row.title, due, daysLeft, measure: { number: row.number, title: row.measureTitle } }] : [];
	};
	return {
		today,
		upcoming: upcoming.flatMap(agendaItem),
		upcomingTotal: upcoming[0]?.total ?? 0,
		late: late.flatMap(agendaItem),
		lateTotal: late[0]?.total ?? 0,
		recent: lastChanges
	};
}

// The plan dashboard's "what's next" read model: open milestones due in the next 90 days, overdue
// ones, and the measures most recently changed according to the audit log. Bounded lists and a
// fixed number of queries whatever the plan's size; lateness is computed from dates, never stored.
import type { Db } from '../db';
import { daysUntilEnd, fromIsoDay, isLate, toIsoDay, type PreciseDate } from '../../domain/dates';
import { DRAFT_ENTITY } from './editing';
import { milestoneDue } from './plan-view';

export const UPCOMING_DAYS = 90;
export const AGENDA_LIMIT = 8;

export interface AgendaMilestone {
	title: string;
	due: PreciseDate;
	daysLeft: number;
	measure: { number: string; title: string };
}

export interface RecentMeasure {
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

export async function getPlanAgenda(db: Db, planId: string, today = toIsoDay(new Date())): Promise<PlanAgenda> {
	// A period that starts after the horizon cannot end within it: that bound keeps far-future
	// milestones out of the query; the exact test on the period's last day is done below.
	const horizon = fromIsoDay(today);
	horizon.setUTCDate(horizon.getUTCDate() + UPCOMING_DAYS);
	const [open, lastChanges] = await Promise.all([
		db.milestone.findMany({
			where: {
				// `notIn` alone would drop measures whose status is not reported (NULL in SQL).
				measure: { planId, OR: [{ status: null }, { status: { notIn: ['DONE', 'ABANDONED'] } }] },
				doneOn: null,
				plannedPrecision: { not: 'CONTINUOUS' },
				OR: [{ forecastDate: { lte: horizon } }, { forecastDate: null, plannedDate: { lte: horizon } }]
			},
			select: {
				title: true,
				plannedDate: true,
				plannedPrecision: true,
				forecastDate: true,
				doneOn: true,
				weight: true,
				measure: { select: { number: true, title: true } }
			}
		}),
		// One grouped query joined to the measures: the last audited change of each measure ("at" is
		// a UTC timestamp without time zone, as Prisma stores DateTime).
		db.$queryRaw<RecentMeasure[]>`
			SELECT m."number", m."title", to_char(max(a."at"), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at"
			FROM "AuditEvent" a JOIN "Measure" m ON m."id" = a."measureId"
			WHERE a."planId" = ${planId} AND m."planId" = ${planId} AND a."entityType" <> ${DRAFT_ENTITY}
			GROUP BY m."id", m."number", m."title"
			ORDER BY max(a."at") DESC, m."number" ASC
			LIMIT ${AGENDA_LIMIT}
		`
	]);

	const dated = open.flatMap((m) => {
		const due = milestoneDue(m);
		const daysLeft = due ? daysUntilEnd(due, today) : null;
		return due && daysLeft !== null ? [{ title: m.title, due, daysLeft, measure: m.measure, late: isLate(due, null, today) }] : [];
	});
	const upcoming = dated.filter((m) => !m.late && m.daysLeft <= UPCOMING_DAYS).sort((a, b) => a.daysLeft - b.daysLeft);
	// Most overdue last would hide the freshest slips: show the most recently missed first.
	const late = dated.filter((m) => m.late).sort((a, b) => b.daysLeft - a.daysLeft);
	const strip = ({ late: _late, ...m }: (typeof dated)[number]): AgendaMilestone => m;

	return {
		today,
		upcoming: upcoming.slice(0, AGENDA_LIMIT).map(strip),
		upcomingTotal: upcoming.length,
		late: late.slice(0, AGENDA_LIMIT).map(strip),
		lateTotal: late.length,
		recent: lastChanges
	};
}

// Lateness in SQL, for filtering and ranking in the database: the same rule as `endOfPeriod`,
// `milestoneDue` and `isLate` in TypeScript (tests compare both on the same rows). Stored dates are
// canonical (the first day of their period), as the editing forms and the seed store them.
import { Prisma } from '../../db/generated/client';

/** Last day of a date's period in SQL, from the same rule as `endOfPeriod`; NULL for "continuous". */
export function periodEnd(date: Prisma.Sql, precision: Prisma.Sql): Prisma.Sql {
	return Prisma.sql`(CASE ${precision}::text
		WHEN 'DAY' THEN ${date}
		WHEN 'MONTH' THEN (date_trunc('month', ${date}) + interval '1 month' - interval '1 day')::date
		WHEN 'QUARTER' THEN (date_trunc('month', ${date}) + interval '3 months' - interval '1 day')::date
		WHEN 'SEMESTER' THEN (date_trunc('month', ${date}) + interval '6 months' - interval '1 day')::date
		WHEN 'YEAR' THEN (date_trunc('year', ${date}) + interval '1 year' - interval '1 day')::date
	END)`;
}

/** A milestone's due date that counts (`milestoneDue`): the forecast when given, else the planned period. */
export const milestoneDueEnd = Prisma.sql`(CASE WHEN ms."plannedPrecision"::text = 'CONTINUOUS' THEN NULL
	WHEN ms."forecastDate" IS NOT NULL THEN ms."forecastDate"
	ELSE ${periodEnd(Prisma.sql`ms."plannedDate"`, Prisma.sql`ms."plannedPrecision"`)} END)`;

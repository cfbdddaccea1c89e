// Time-travel tests build a history through the domain functions (which stamp every event "now"), then
// spread it over days so that each day sees a different plan and the fast paths can be compared with
// the full replay day by day.
import type { Db } from '../../src/lib/server/db';

/** The latest audit event's id: the events written after it are the ones `spreadOneADay` moves. */
export async function lastAuditEventId(db: Db): Promise<bigint> {
	return (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
}

/**
 * Moves the audit events written after `since`, in the order they were written, to one a day from
 * `firstDay` (a UTC midnight in ms), an hour past midnight so that no day boundary is ambiguous.
 * Returns their number: the day after the last one sees the whole history.
 */
export async function spreadOneADay(db: Db, since: bigint, firstDay: number): Promise<number> {
	const events = await db.auditEvent.findMany({ where: { id: { gt: since } }, orderBy: { id: 'asc' }, select: { id: true } });
	for (const [i, e] of events.entries()) await db.auditEvent.update({ where: { id: e.id }, data: { at: new Date(firstDay + i * 86_400_000 + 3_600_000) } });
	return events.length;
}

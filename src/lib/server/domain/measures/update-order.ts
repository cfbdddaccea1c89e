import { Prisma } from '../../db/generated/client';

/**
 * Progress updates, newest first, in one total order wherever they are listed (today's pages, past
 * dates, the known facts): the seed creates a day's updates in one instant, so date and creation
 * alone leave ties that two readers could break differently. UPDATE_ORDER_SQL says the same in SQL.
 */
export const UPDATE_ORDER = [{ date: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }] satisfies Prisma.ProgressUpdateOrderByWithRelationInput[];

/** UPDATE_ORDER in SQL, for a query that names the progress update `u`. */
export const UPDATE_ORDER_SQL = Prisma.sql`u."date" DESC, u."createdAt" DESC, u."id" DESC`;

import type { Prisma } from '../../db/generated/client';

/**
 * Progress updates, newest first, in one total order wherever they are listed (today's pages, past
 * dates, the known facts): the seed creates a day's updates in one instant, so date and creation
 * alone leave ties that two readers could break differently. The past-date dashboard's SQL
 * (time-travel/view.ts) says the same in SQL.
 */
export const UPDATE_ORDER = [{ date: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }] satisfies Prisma.ProgressUpdateOrderByWithRelationInput[];

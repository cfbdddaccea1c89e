// A plan's life cycle, as pure data for server and pages alike.
// DRAFT: signed-in people only (every public route answers 404); ACTIVE: public and editable;
// ARCHIVED: the tracker closed the plan's record: public, read-only for everyone.
export type PlanStatusKey = 'DRAFT' | 'ACTIVE' | 'ARCHIVED';

/** Statuses the public sees (pages, sitemap, feeds, open data, API). */
export const PUBLIC_PLAN_STATUSES = ['ACTIVE', 'ARCHIVED'] as const satisfies readonly PlanStatusKey[];

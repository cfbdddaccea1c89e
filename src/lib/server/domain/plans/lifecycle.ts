// What every page of a plan shows about its life cycle (the draft notice, the archive banner), read
// once per request by the plan-access hook (http/plan-access.ts) and given to the plan's layouts.
import type { Db } from '../../db';
import type { PlanStatusKey } from '../../../domain/plan-status';
import { toIsoDayOrNull } from '../../../domain/dates';

export interface PlanLifecycle {
	slug: string;
	status: PlanStatusKey;
	archivedOn: string | null;
	archiveNote: string | null;
	archiveNoteEn: string | null;
	/** The plan that follows an archived one, when the public may see it. */
	successor: { slug: string; title: string; titleEn: string | null } | null;
}

/**
 * One indexed read by slug, its successor joined (Prisma's select sends two statements); null when
 * there is no such plan (the route answers its own 404).
 */
export async function planLifecycle(db: Db, slug: string): Promise<PlanLifecycle | null> {
	const [plan] = await db.$queryRaw<
		{
			slug: string;
			status: PlanStatusKey;
			archivedOn: Date | null;
			archiveNote: string | null;
			archiveNoteEn: string | null;
			successorSlug: string | null;
			successorTitle: string | null;
			successorTitleEn: string | null;
			successorStatus: PlanStatusKey | null;
		}[]
	>`
		SELECT p."slug", p."status"::text AS "status", p."archivedOn", p."archiveNote", p."archiveNoteEn",
			s."slug" AS "successorSlug", s."title" AS "successorTitle", s."titleEn" AS "successorTitleEn", s."status"::text AS "successorStatus"
		FROM "Plan" p LEFT JOIN "Plan" s ON s."id" = p."successorPlanId"
		WHERE p."slug" = ${slug}`;
	if (!plan) return null;
	const successor =
		plan.successorSlug !== null && plan.successorStatus !== 'DRAFT' ? { slug: plan.successorSlug, title: plan.successorTitle!, titleEn: plan.successorTitleEn } : null;
	return {
		slug: plan.slug,
		status: plan.status,
		archivedOn: toIsoDayOrNull(plan.archivedOn),
		archiveNote: plan.archiveNote,
		archiveNoteEn: plan.archiveNoteEn,
		successor
	};
}

/** A draft is seen by signed-in people only; active and archived plans by everyone. */
export const isVisiblePlan = (plan: { status: PlanStatusKey }, viewer: unknown): boolean => plan.status !== 'DRAFT' || viewer !== null;

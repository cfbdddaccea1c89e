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

/** One indexed read by slug; null when there is no such plan (the route answers its own 404). */
export async function planLifecycle(db: Db, slug: string): Promise<PlanLifecycle | null> {
	const plan = await db.plan.findUnique({
		where: { slug },
		select: {
			slug: true,
			status: true,
			archivedOn: true,
			archiveNote: true,
			archiveNoteEn: true,
			successorPlan: { select: { slug: true, title: true, titleEn: true, status: true } }
		}
	});
	if (!plan) return null;
	const successor = plan.successorPlan && plan.successorPlan.status !== 'DRAFT' ? plan.successorPlan : null;
	return {
		slug: plan.slug,
		status: plan.status,
		archivedOn: toIsoDayOrNull(plan.archivedOn),
		archiveNote: plan.archiveNote,
		archiveNoteEn: plan.archiveNoteEn,
		successor: successor ? { slug: successor.slug, title: successor.title, titleEn: successor.titleEn } : null
	};
}

/** A draft is seen by signed-in people only; active and archived plans by everyone. */
export const isVisiblePlan = (plan: { status: PlanStatusKey }, viewer: unknown): boolean => plan.status !== 'DRAFT' || viewer !== null;

// Read models of the badges, cards and oEmbed answers (issue 14): a measure's or a plan's status and
// progress as its public page shows them today. Never a draft plan, whoever asks: what these routes
// publish is copied onto other sites (the plan-access hook refuses drafts too; this is the rule for
// oEmbed, which names a plan only inside its `url` parameter).
import type { Db } from '../../db';
import type { RollUp } from '../../../domain/progress';
import { rollUp } from '../../../domain/progress';
import { STATUS_KEYS, type StatusKey } from '../../../domain/status';
import { PUBLIC_PLAN_STATUSES } from '../../../domain/plan-status';
import { toIsoDayOrNull } from '../../../domain/dates';
import { measureRollups, rowProgress, type MeasureSummary } from '../plans/view';

interface EmbedPlan {
	slug: string;
	title: string;
	titleEn: string | null;
	archived: boolean;
	archivedOn: string | null;
}

export interface MeasureEmbed extends Pick<MeasureSummary, 'number' | 'title' | 'titleEn' | 'status' | 'statusAsOf' | 'progress'> {
	plan: EmbedPlan;
	retiredOn: string | null;
}

export interface PlanEmbed {
	plan: EmbedPlan;
	progress: RollUp;
	statusCounts: Record<StatusKey, number>;
	/** Measures still in the plan: retired ones are left out, as on the dashboard. */
	measureCount: number;
}

const PLAN_SELECT = { slug: true, title: true, titleEn: true, status: true, archivedOn: true } as const;
const publicPlan = { status: { in: [...PUBLIC_PLAN_STATUSES] } };

function embedPlan(plan: { slug: string; title: string; titleEn: string | null; status: string; archivedOn: Date | null }): EmbedPlan {
	return { slug: plan.slug, title: plan.title, titleEn: plan.titleEn, archived: plan.status === 'ARCHIVED', archivedOn: toIsoDayOrNull(plan.archivedOn) };
}

/** A measure of a public plan, with its status and progress computed by the rule of its page; null otherwise. */
export async function measureEmbed(db: Db, slug: string, number: string): Promise<MeasureEmbed | null> {
	const row = await db.measure.findFirst({
		where: { number, plan: { slug, ...publicPlan } },
		select: {
			number: true,
			title: true,
			titleEn: true,
			status: true,
			statusAsOf: true,
			progressMethod: true,
			progressManual: true,
			progressAsOf: true,
			retiredOn: true,
			plan: { select: PLAN_SELECT },
			milestones: { select: { weight: true, doneOn: true } },
			indicators: {
				orderBy: [{ position: 'asc' }, { id: 'asc' }],
				take: 1,
				select: { baseline: true, target: true, direction: true, values: { select: { value: true, date: true } } }
			}
		}
	});
	if (!row) return null;
	return {
		plan: embedPlan(row.plan),
		number: row.number,
		title: row.title,
		titleEn: row.titleEn,
		status: row.status ?? 'NOT_REPORTED',
		statusAsOf: toIsoDayOrNull(row.statusAsOf),
		progress: { ...rowProgress(row), asOf: toIsoDayOrNull(row.progressAsOf) },
		retiredOn: toIsoDayOrNull(row.retiredOn)
	};
}

/** A public plan's roll-up, as its dashboard computes it (one query for every measure); null otherwise. */
export async function planEmbed(db: Db, slug: string): Promise<PlanEmbed | null> {
	const plan = await db.plan.findFirst({ where: { slug, ...publicPlan }, select: { id: true, ...PLAN_SELECT } });
	if (!plan) return null;
	const active = (await measureRollups(db, plan.id)).filter((r) => !r.retired);
	const statusCounts = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;
	for (const r of active) statusCounts[r.status]++;
	return {
		plan: embedPlan(plan),
		progress: rollUp(active.map((r) => ({ value: r.progress.value }))),
		statusCounts,
		measureCount: active.length
	};
}

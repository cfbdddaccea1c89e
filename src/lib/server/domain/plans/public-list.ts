// The plans the public sees, for the home page of an installation that tracks several: active plans
// first, then archived ones; drafts never.
import type { Db } from '../../db';
import { toIsoDayOrNull } from '../../../domain/dates';

export interface PublicPlanItem {
	slug: string;
	title: string;
	titleEn: string | null;
	summary: string | null;
	summaryEn: string | null;
	status: 'ACTIVE' | 'ARCHIVED';
	adoptedOn: string | null;
	archivedOn: string | null;
	measures: number;
}

/** Active first, then archived; in each, the default plan first, then the most recently adopted. */
export async function listPublicPlans(db: Db): Promise<PublicPlanItem[]> {
	const rows = await db.plan.findMany({
		where: { status: { not: 'DRAFT' } },
		orderBy: [{ isDefault: 'desc' }, { adoptedOn: { sort: 'desc', nulls: 'last' } }, { createdAt: 'asc' }],
		select: {
			slug: true,
			title: true,
			titleEn: true,
			summary: true,
			summaryEn: true,
			status: true,
			adoptedOn: true,
			archivedOn: true,
			_count: { select: { measures: true } }
		}
	});
	const items = rows.map((row) => ({
		slug: row.slug,
		title: row.title,
		titleEn: row.titleEn,
		summary: row.summary,
		summaryEn: row.summaryEn,
		status: row.status === 'ARCHIVED' ? ('ARCHIVED' as const) : ('ACTIVE' as const),
		adoptedOn: toIsoDayOrNull(row.adoptedOn),
		archivedOn: toIsoDayOrNull(row.archivedOn),
		measures: row._count.measures
	}));
	// A stable sort keeps the order above inside each group.
	return items.sort((a, b) => Number(a.status === 'ARCHIVED') - Number(b.status === 'ARCHIVED'));
}

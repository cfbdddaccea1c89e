// The public pages a search engine should know about: never those of a draft plan.
import type { Db } from '../../db';

const PUBLIC_PLAN = { status: { not: 'DRAFT' as const } };

export async function publicPaths(db: Db): Promise<string[]> {
	const [plans, measures, rounds] = await Promise.all([
		db.plan.findMany({ where: PUBLIC_PLAN, select: { slug: true }, orderBy: { createdAt: 'asc' } }),
		db.measure.findMany({
			where: { plan: PUBLIC_PLAN },
			select: {
				number: true,
				plan: { select: { slug: true } },
				leadOwner: { select: { code: true } },
				contributors: { select: { owner: { select: { code: true } } } }
			},
			orderBy: [{ planId: 'asc' }, { number: 'asc' }]
		}),
		db.reportRound.findMany({
			where: { status: 'PUBLISHED', plan: PUBLIC_PLAN },
			select: { id: true, plan: { select: { slug: true } } },
			orderBy: [{ planId: 'asc' }, { periodEnd: 'asc' }]
		})
	]);
	// An owner page exists for every team that leads or contributes to a measure of the plan.
	const ownerPaths = new Set<string>();
	for (const m of measures) {
		for (const code of [m.leadOwner.code, ...m.contributors.map((c) => c.owner.code)]) ownerPaths.add(`/plans/${m.plan.slug}/porteurs/${code}`);
	}
	return [
		'/',
		'/methodologie',
		'/accessibilite',
		...plans.flatMap((p) => [`/plans/${p.slug}`, `/plans/${p.slug}/mesures`, `/plans/${p.slug}/rapports`, `/plans/${p.slug}/comparer`, `/plans/${p.slug}/evolution`]),
		...measures.map((m) => `/plans/${m.plan.slug}/mesures/${m.number}`),
		...rounds.map((r) => `/plans/${r.plan.slug}/rapports/${r.id}`),
		...[...ownerPaths].sort()
	];
}

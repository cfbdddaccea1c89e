// The public pages a search engine should know about.
import type { Db } from '../db';

export async function publicPaths(db: Db): Promise<string[]> {
	const [plans, measures, rounds] = await Promise.all([
		db.plan.findMany({ select: { slug: true }, orderBy: { createdAt: 'asc' } }),
		db.measure.findMany({ select: { number: true, plan: { select: { slug: true } } }, orderBy: [{ planId: 'asc' }, { number: 'asc' }] }),
		db.reportRound.findMany({ where: { status: 'PUBLISHED' }, select: { id: true, plan: { select: { slug: true } } }, orderBy: [{ planId: 'asc' }, { periodEnd: 'asc' }] })
	]);
	return [
		'/',
		'/methodologie',
		'/accessibilite',
		...plans.flatMap((p) => [`/plans/${p.slug}`, `/plans/${p.slug}/rapports`]),
		...rounds.map((r) => `/plans/${r.plan.slug}/rapports/${r.id}`),
		...measures.map((m) => `/plans/${m.plan.slug}/mesures/${m.number}`)
	];
}

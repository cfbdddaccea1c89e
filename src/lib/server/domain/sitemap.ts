// The public pages a search engine should know about.
import type { Db } from '../db';

export async function publicPaths(db: Db): Promise<string[]> {
	const [plans, measures] = await Promise.all([
		db.plan.findMany({ select: { slug: true }, orderBy: { createdAt: 'asc' } }),
		db.measure.findMany({ select: { number: true, plan: { select: { slug: true } } }, orderBy: [{ planId: 'asc' }, { number: 'asc' }] })
	]);
	return [
		'/',
		'/methodologie',
		'/accessibilite',
		...plans.map((p) => `/plans/${p.slug}`),
		...plans.flatMap((p) => [`/plans/${p.slug}/comparer`, `/plans/${p.slug}/evolution`]),
		...measures.map((m) => `/plans/${m.plan.slug}/mesures/${m.number}`)
	];
}

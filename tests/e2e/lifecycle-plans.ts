// Two small draft plans of the end-to-end database (created by scripts/e2e-prepare.ts) that
// tests/e2e/plans.e2e.ts publishes, archives and then puts back as drafts: one per project (JavaScript
// on and off), since archiving is one-way until an admin reopens. One measure each, led by LABEL.
// Drafts, so that the public pages and the home page of the other specs stay those of the real plan.
import type { Db } from '../../src/lib/server/db';

export const LIFECYCLE_PLAN = {
	slug: (project: string) => `plan-e2e-cycle-${project}`,
	title: (project: string) => `Plan à archiver (e2e ${project})`,
	measure: '1.1'
} as const;

export async function ensureE2eLifecyclePlans(db: Db): Promise<void> {
	const label = await db.owner.findUniqueOrThrow({ where: { code: 'LABEL' } });
	for (const project of ['js', 'nojs']) {
		if (await db.plan.findUnique({ where: { slug: LIFECYCLE_PLAN.slug(project) } })) continue;
		await db.$transaction(async (tx) => {
			const plan = await tx.plan.create({
				data: { slug: LIFECYCLE_PLAN.slug(project), title: LIFECYCLE_PLAN.title(project), sourceUrls: [], notes: [], status: 'DRAFT', adoptedOn: new Date('2024-01-15T00:00:00Z') }
			});
			const axis = await tx.axis.create({ data: { planId: plan.id, number: 1, position: 1, title: 'Axe d’essai' } });
			await tx.measure.create({
				data: {
					planId: plan.id,
					axisId: axis.id,
					number: LIFECYCLE_PLAN.measure,
					position: 1,
					title: 'Mesure d’un plan à archiver (e2e)',
					description: 'Mesure d’essai.',
					subActions: [],
					leadOwnerId: label.id
				}
			});
		});
	}
}

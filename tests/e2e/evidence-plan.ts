// A small second plan of the end-to-end database (created by scripts/e2e-prepare.ts) for the "done
// needs evidence" scenarios: every measure of the real plan is proven by sourced updates, so none
// could show a refusal. Led by LABEL, the demo editor's team; not the default plan, so the public
// pages of the real plan are unchanged. Plain writes: test arrangement, not history.
import type { Db } from '../../src/lib/server/db';

export const EVIDENCE_PLAN = {
	slug: 'plan-e2e-preuves',
	/** No proof at all: « Réalisée » is refused. */
	bare: '1.1',
	/** « Réalisée » with a single evidence link, which cannot be removed. */
	done: '1.2',
	doneProof: 'Arrêté publié (e2e)'
} as const;

export async function ensureE2eEvidencePlan(db: Db): Promise<void> {
	if (await db.plan.findUnique({ where: { slug: EVIDENCE_PLAN.slug } })) return;
	const label = await db.owner.findUniqueOrThrow({ where: { code: 'LABEL' } });
	await db.$transaction(async (tx) => {
		// A draft: signed-in people (all the specs that use it) see it; the public and the home page do not.
		const plan = await tx.plan.create({ data: { slug: EVIDENCE_PLAN.slug, title: 'Plan d’essai des preuves (e2e)', sourceUrls: [], notes: [], status: 'DRAFT' } });
		const axis = await tx.axis.create({ data: { planId: plan.id, number: 1, position: 1, title: 'Axe d’essai' } });
		const measure = (number: string, position: number, title: string, status: 'IN_PROGRESS' | 'DONE') =>
			tx.measure.create({ data: { planId: plan.id, axisId: axis.id, number, position, title, description: 'Mesure d’essai.', subActions: [], leadOwnerId: label.id, status } });
		await measure(EVIDENCE_PLAN.bare, 1, 'Mesure sans preuve (e2e)', 'IN_PROGRESS');
		const done = await measure(EVIDENCE_PLAN.done, 2, 'Mesure réalisée, une seule preuve (e2e)', 'DONE');
		await tx.evidenceLink.create({
			data: { measureId: done.id, position: 0, title: EVIDENCE_PLAN.doneProof, url: 'https://www.legifrance.gouv.fr/jorf/id/E2E', kind: 'DOCUMENT' }
		});
	});
}

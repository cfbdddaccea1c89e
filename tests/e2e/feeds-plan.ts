// A small plan of the end-to-end database (created by scripts/e2e-prepare.ts) for indicators fed from
// open data: measure 1.1 has an indicator whose feed has failed twice in a row (the state the
// collector leaves, written here without the network) and one automatic value; measure 1.2 has
// indicators without a feed, one per Playwright project, to set one up through the form. A draft led
// by LABEL, the demo editor's team, so that the public pages of the real plan are unchanged.
import type { Db } from '../../src/lib/server/db';

export const FEEDS_PLAN = {
	slug: 'plan-e2e-collecte',
	failing: '1.1',
	failingIndicator: 'Réutilisations recensées (e2e)',
	failingUrl: 'https://www.data.gouv.fr/fr/datasets/r/e2e-reutilisations.csv',
	configurable: '1.2',
	/** One indicator per project (js, nojs): each spec sets up and stops the feed of its own. */
	configurableIndicator: (project: string) => `Jeux de données publiés ${project} (e2e)`
} as const;

export async function ensureE2eFeedsPlan(db: Db): Promise<void> {
	if (await db.plan.findUnique({ where: { slug: FEEDS_PLAN.slug } })) return;
	const label = await db.owner.findUniqueOrThrow({ where: { code: 'LABEL' } });
	await db.$transaction(async (tx) => {
		const plan = await tx.plan.create({ data: { slug: FEEDS_PLAN.slug, title: 'Plan d’essai des collectes (e2e)', sourceUrls: [], notes: [], status: 'DRAFT' } });
		const axis = await tx.axis.create({ data: { planId: plan.id, number: 1, position: 1, title: 'Axe d’essai' } });
		const measure = (number: string, position: number, title: string) =>
			tx.measure.create({ data: { planId: plan.id, axisId: axis.id, number, position, title, description: 'Mesure d’essai.', subActions: [], leadOwnerId: label.id } });
		const failing = await measure(FEEDS_PLAN.failing, 1, 'Mesure à la collecte en échec (e2e)');
		const indicator = await tx.indicator.create({ data: { measureId: failing.id, name: FEEDS_PLAN.failingIndicator, unit: 'réutilisations', baseline: 0, position: 0 } });
		await tx.indicatorValue.create({
			data: { indicatorId: indicator.id, date: new Date('2026-03-31T00:00:00.000Z'), value: 1300.5, sourceUrl: FEEDS_PLAN.failingUrl, automatic: true }
		});
		await tx.indicatorFeed.create({
			data: {
				indicatorId: indicator.id,
				url: FEEDS_PLAN.failingUrl,
				format: 'CSV',
				valuePath: 'valeur',
				datePath: 'date',
				schedule: 'DAILY',
				lastFetchAt: new Date('2026-04-02T03:00:00.000Z'),
				lastSuccessAt: new Date('2026-03-31T03:00:00.000Z'),
				lastError: 'column-missing',
				lastErrorDetail: 'valeur',
				consecutiveFailures: 2
			}
		});
		const configurable = await measure(FEEDS_PLAN.configurable, 2, 'Mesure sans collecte (e2e)');
		for (const [position, project] of ['js', 'nojs'].entries()) {
			await tx.indicator.create({ data: { measureId: configurable.id, name: FEEDS_PLAN.configurableIndicator(project), unit: 'jeux', baseline: 0, position } });
		}
	});
}

// A small draft plan of the end-to-end database (created by scripts/e2e-prepare.ts) for the link
// watch: its evidence links' and sources' (of a published update, of an indicator value) check records are written through the domain (recordCheck), as three
// failed rounds over ten days would leave them, so that no test waits for the network. One measure
// per project (JavaScript on and off), since replacing a link is a write. Led by LABEL.
import type { Db } from '../../src/lib/server/db';
import { recordCheck } from '../../src/lib/server/domain/links/check';

export const DEAD_LINK_PLAN = {
	slug: 'plan-e2e-liens',
	measure: (project: string) => (project === 'js' ? '1.1' : '1.2'),
	dead: (project: string) => ({ title: `Page disparue (e2e ${project})`, url: `https://www.example.org/e2e-disparu-${project}` }),
	moved: (project: string) => ({
		title: `Page déménagée (e2e ${project})`,
		url: `https://www.example.org/e2e-ancienne-${project}`,
		to: `https://www.example.org/e2e-nouvelle-${project}`
	}),
	/** A published update with a live source and a dead one. */
	update: (project: string) => ({
		text: `Mise à jour aux sources à vérifier (e2e ${project})`,
		live: `https://www.example.org/e2e-source-vivante-${project}`,
		dead: `https://www.example.org/e2e-source-disparue-${project}`
	}),
	/** An indicator whose one value has a dead source. */
	value: (project: string) => ({ indicator: `Indicateur aux sources à vérifier (e2e ${project})`, dead: `https://www.example.org/e2e-valeur-disparue-${project}` })
} as const;

const DAY = 86_400_000;

export async function ensureE2eDeadLinkPlan(db: Db): Promise<void> {
	if (await db.plan.findUnique({ where: { slug: DEAD_LINK_PLAN.slug } })) return;
	const label = await db.owner.findUniqueOrThrow({ where: { code: 'LABEL' } });
	const now = Date.now();
	await db.$transaction(async (tx) => {
		const plan = await tx.plan.create({ data: { slug: DEAD_LINK_PLAN.slug, title: 'Plan d’essai des liens morts (e2e)', sourceUrls: [], notes: [], status: 'DRAFT' } });
		const axis = await tx.axis.create({ data: { planId: plan.id, number: 1, position: 1, title: 'Axe d’essai' } });
		for (const [position, project] of ['js', 'nojs'].entries()) {
			const measure = await tx.measure.create({
				data: {
					planId: plan.id,
					axisId: axis.id,
					number: DEAD_LINK_PLAN.measure(project),
					position: position + 1,
					title: `Mesure aux liens à vérifier (e2e ${project})`,
					description: 'Mesure d’essai.',
					subActions: [],
					leadOwnerId: label.id
				}
			});
			const { dead, moved } = { dead: DEAD_LINK_PLAN.dead(project), moved: DEAD_LINK_PLAN.moved(project) };
			await tx.evidenceLink.create({ data: { measureId: measure.id, position: 0, title: dead.title, url: dead.url, kind: 'WEBSITE' } });
			await tx.evidenceLink.create({ data: { measureId: measure.id, position: 1, title: moved.title, url: moved.url, kind: 'WEBSITE' } });
			const { update, value } = { update: DEAD_LINK_PLAN.update(project), value: DEAD_LINK_PLAN.value(project) };
			await tx.progressUpdate.create({
				data: {
					planId: plan.id,
					measureId: measure.id,
					date: new Date(now - 30 * DAY),
					text: update.text,
					sourceUrls: [update.live, update.dead],
					publishedAt: new Date(now - 30 * DAY)
				}
			});
			await tx.indicator.create({
				data: {
					measureId: measure.id,
					name: value.indicator,
					unit: 'dossiers',
					baseline: 0,
					position: 0,
					values: { create: [{ date: new Date(now - 60 * DAY), value: 12, sourceUrl: value.dead }] }
				}
			});
		}
	});
	for (const project of ['js', 'nojs']) {
		const { dead, moved } = { dead: DEAD_LINK_PLAN.dead(project), moved: DEAD_LINK_PLAN.moved(project) };
		const deadUrls = [dead.url, DEAD_LINK_PLAN.update(project).dead, DEAD_LINK_PLAN.value(project).dead];
		for (const daysAgo of [10, 5, 1]) for (const url of deadUrls) await recordCheck(db, url, { status: 404, finalUrl: url, redirects: [] }, new Date(now - daysAgo * DAY));
		await recordCheck(db, moved.url, { status: 200, finalUrl: moved.to, redirects: [{ url: moved.url, status: 301 }] }, new Date(now - DAY));
	}
}

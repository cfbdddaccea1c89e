// A small plan of ministries' commitments in the end-to-end database (created by
// scripts/e2e-prepare.ts), with AMDAC accounts that belong to a team: an AMDAC member edits what their
// own ministry carries and nothing else (issue 11). The ministries and commitments are made up for the
// tests; the plan is not the default one, so the real plan's public pages are unchanged.
import type { Db } from '../../src/lib/server/db';
import { createUserWithPassword } from '../../src/lib/server/domain/users/users';

export const MINISTRY_PLAN = {
	slug: 'plan-e2e-ministeres',
	/** Carried by the culture ministry's team, which the AMDAC member belongs to. */
	own: '1.1',
	/** Carried by another ministry's team. */
	other: '1.2'
} as const;

export const E2E_AMDAC = {
	/** AMDAC member of the (made-up) culture ministry's team. */
	ministry: { email: 'amdac-culture@jalons.example', password: 'e2e-amdac-culture', displayName: 'Camille Culture (e2e)', team: 'E2E_MIN_CULTURE' },
	/** AMDAC member of the team carrying measure 2.1 of the real plan, for the HTTP authorization matrix. */
	team: { email: 'amdac-equipe@jalons.example', password: 'e2e-amdac-equipe', displayName: 'Alex Équipe (e2e)', team: 'POLE_LL' }
} as const;

export async function ensureE2eMinistryPlan(db: Db): Promise<void> {
	if (!(await db.plan.findUnique({ where: { slug: MINISTRY_PLAN.slug } }))) {
		await db.$transaction(async (tx) => {
			const culture = await tx.owner.create({ data: { code: 'E2E_MIN_CULTURE', name: 'Ministère de la Culture (essai e2e)' } });
			const mer = await tx.owner.create({ data: { code: 'E2E_MIN_MER', name: 'Ministère de la Mer (essai e2e)' } });
			// A draft: signed-in people (all the specs that use it) see it; the public and the home page do not.
			const plan = await tx.plan.create({ data: { slug: MINISTRY_PLAN.slug, title: 'Feuilles de route ministérielles (e2e)', sourceUrls: [], notes: [], status: 'DRAFT' } });
			const axis = await tx.axis.create({ data: { planId: plan.id, number: 1, position: 1, title: 'Logiciels libres dans les ministères' } });
			const measure = (number: string, position: number, title: string, leadOwnerId: string) =>
				tx.measure.create({ data: { planId: plan.id, axisId: axis.id, number, position, title, description: 'Engagement d’essai.', subActions: [], leadOwnerId } });
			await measure(MINISTRY_PLAN.own, 1, 'Inventorier les logiciels des musées (e2e)', culture.id);
			await measure(MINISTRY_PLAN.other, 2, 'Publier le code des capitaineries (e2e)', mer.id);
		});
	}
	for (const { team, ...account } of Object.values(E2E_AMDAC)) {
		if (await db.user.findUnique({ where: { email: account.email } })) continue;
		const owner = await db.owner.findUniqueOrThrow({ where: { code: team } });
		await createUserWithPassword(db, { id: null, label: 'e2e', role: null }, { ...account, organisation: 'AMDAC (e2e)', roles: ['AMDAC'], teamIds: [owner.id] });
	}
}

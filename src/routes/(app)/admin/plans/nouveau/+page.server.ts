import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManagePlan } from '$lib/server/policies';
import { createPlan } from '$lib/server/domain/plans/settings';
import { createPlanForm, newPlanValues } from '$lib/server/validation/plans';
import { runAction, wordings } from '$lib/server/forms/action';
import { localizeHref } from '$lib/i18n/routing';

export const load: PageServerLoad = async () => {
	requireAllowed(canManagePlan);
	return { initial: newPlanValues() };
};

export const actions: Actions = {
	create: (event) =>
		runAction(event, {
			guard: (e) => requireAllowed(canManagePlan, e),
			wording: wordings.plans,
			formId: 'plan',
			schema: createPlanForm,
			run: async (admin, data) => createPlan(await requestDb(), admin, data),
			done: (created) => localizeHref(`/admin/plans/${created.slug}?ok=created`, event.locals.locale)
		})
};

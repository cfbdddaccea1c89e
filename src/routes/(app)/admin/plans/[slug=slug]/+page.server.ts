import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManagePlan } from '$lib/server/policies';
import { archivePlan, getPlanSettings, reopenPlan, successorChoices, updatePlanSettings, type PlanSettingsFields } from '$lib/server/domain/plans/settings';
import { archivePlanForm, archiveValues, planSettingsForm, planValues, reopenPlanForm } from '$lib/server/validation/plans';
import { loadAnswer, runAction, wordings } from '$lib/server/forms/action';
import { messages } from '$lib/i18n';
import { localizeHref } from '$lib/i18n/routing';
import { todayIso } from '$lib/domain/dates';

const DONE = ['created', 'saved', 'unchanged', 'archivedDone', 'reopened'] as const;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const admin = requireAllowed(canManagePlan);
	const db = await requestDb();
	const t = messages(locals.locale);
	const plan = await getPlanSettings(db, admin, params.slug).catch((cause: unknown) => loadAnswer(cause, wordings.plans(t)));
	const ok = url.searchParams.get('ok');
	return {
		plan: {
			slug: plan.slug,
			title: plan.title,
			status: plan.stored,
			archivedOn: plan.archivedOn,
			archiveNote: plan.archiveNote,
			successor: plan.successor,
			measures: plan.measures
		},
		initial: planValues(plan),
		archive: archiveValues(plan, todayIso()),
		reopen: { version: String(plan.version) },
		successors: plan.stored === 'ACTIVE' ? await successorChoices(db, admin, plan.slug) : [],
		done: DONE.find((key) => key === ok) ?? null
	};
};

const back = (slug: string, ok: (typeof DONE)[number], locale: App.Locals['locale']) => localizeHref(`/admin/plans/${slug}?ok=${ok}`, locale);

export const actions: Actions = {
	save: (event) =>
		runAction(event, {
			guard: (e) => requireAllowed(canManagePlan, e),
			wording: wordings.plans,
			formId: 'plan',
			schema: planSettingsForm,
			run: async (admin, data) => updatePlanSettings(await requestDb(), admin, { ...data, slug: event.params.slug }),
			stored: (current: PlanSettingsFields & { version: number }) => planValues(current),
			done: (result) => back(event.params.slug, result.changed ? 'saved' : 'unchanged', event.locals.locale)
		}),
	archive: (event) =>
		runAction(event, {
			guard: (e) => requireAllowed(canManagePlan, e),
			wording: wordings.plans,
			formId: 'archive',
			schema: archivePlanForm,
			run: async (admin, data) => archivePlan(await requestDb(), admin, { ...data, slug: event.params.slug }),
			done: () => back(event.params.slug, 'archivedDone', event.locals.locale)
		}),
	reopen: (event) =>
		runAction(event, {
			guard: (e) => requireAllowed(canManagePlan, e),
			wording: wordings.plans,
			formId: 'reopen',
			schema: reopenPlanForm,
			run: async (admin, data) => reopenPlan(await requestDb(), admin, { ...data, slug: event.params.slug }),
			done: () => back(event.params.slug, 'reopened', event.locals.locale)
		})
};

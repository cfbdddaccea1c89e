import type { Actions, PageServerLoad } from './$types';
import type { RequestEvent } from '@sveltejs/kit';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManagePlan } from '$lib/server/policies';
import {
	addAxis,
	addMeasure,
	getPlanStructure,
	moveAxis,
	moveMeasure,
	proposeMove,
	reinstateMeasure,
	renameAxis,
	retireMeasure,
	type MoveProposal
} from '$lib/server/domain/plans/structure';
import {
	addAxisForm,
	addMeasureForm,
	moveAxisForm,
	moveMeasureForm,
	moveQuery,
	newMeasureValues,
	reinstateMeasureForm,
	renameAxisForm,
	retireMeasureForm
} from '$lib/server/validation/structure';
import { loadAnswer, runAction, wordings } from '$lib/server/forms/action';
import { formText } from '$lib/server/forms/form';
import { RuleError } from '$lib/server/domain/errors';
import { messages, type Messages } from '$lib/i18n';
import { translate } from '$lib/i18n/keys';
import { localizeHref } from '$lib/i18n/routing';

type SavedKey = keyof Messages['structure']['saved'];
const SAVED: readonly SavedKey[] = ['axisAdded', 'axisRenamed', 'axisMoved', 'measureAdded', 'measureMoved', 'measureRetired', 'measureReinstated', 'unchanged'];

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const admin = requireAllowed(canManagePlan);
	const t = messages(locals.locale);
	const db = await requestDb();
	const structure = await getPlanStructure(db, admin, params.slug).catch((cause: unknown) => loadAnswer(cause, wordings.structure(t)));
	// The first step of a move is a GET (`?deplacer=<measure>&axe=<axis>`): it only shows what the
	// move would do, and the confirmation form posts it.
	let move: MoveProposal | null = null;
	let moveProblem: string | null = null;
	const query = moveQuery.safeParse({ measureId: url.searchParams.get('deplacer') ?? undefined, toAxisId: url.searchParams.get('axe') ?? undefined });
	if (query.success) {
		move = await proposeMove(db, admin, { slug: params.slug, ...query.data }).catch((cause: unknown) => {
			if (cause instanceof RuleError) {
				moveProblem = translate(t, cause.messageKey);
				return null;
			}
			return loadAnswer(cause, wordings.structure(t));
		});
	}
	const ok = url.searchParams.get('ok');
	return {
		structure,
		move,
		moveProblem,
		newMeasure: newMeasureValues(),
		saved: SAVED.find((key) => key === ok) ?? null
	};
};

/** Back to the structure page, at the axis concerned, saying what was saved. */
const back = (event: RequestEvent, key: SavedKey, anchor?: string) =>
	localizeHref(`/admin/plans/${event.params.slug}/structure?ok=${key}${anchor ? `#${anchor}` : ''}`, event.locals.locale);

const guard = (event: RequestEvent) => requireAllowed(canManagePlan, event);
const slugOf = (event: RequestEvent) => event.params.slug ?? '';

export const actions: Actions = {
	addAxis: (event) =>
		runAction(event, {
			guard,
			wording: wordings.structure,
			formId: 'axis-new',
			schema: addAxisForm,
			run: async (admin, data) => addAxis(await requestDb(), admin, { ...data, slug: slugOf(event) }),
			done: (created) => back(event, 'axisAdded', `axe-${created.number}`)
		}),
	renameAxis: (event) =>
		runAction(event, {
			guard,
			wording: wordings.structure,
			formId: (data) => `axis:${formText(data, 'axisId')}`,
			schema: renameAxisForm,
			run: async (admin, data) => renameAxis(await requestDb(), admin, { ...data, slug: slugOf(event) }),
			done: (result, data) => back(event, result.changed ? 'axisRenamed' : 'unchanged', `axe-id-${data.axisId}`)
		}),
	moveAxis: (event) =>
		runAction(event, {
			guard,
			wording: wordings.structure,
			formId: (data) => `axis-move:${formText(data, 'axisId')}:${formText(data, 'direction')}`,
			schema: moveAxisForm,
			run: async (admin, data) => moveAxis(await requestDb(), admin, { ...data, slug: slugOf(event) }),
			done: (_result, data) => back(event, 'axisMoved', `axe-id-${data.axisId}`)
		}),
	addMeasure: (event) =>
		runAction(event, {
			guard,
			wording: wordings.structure,
			formId: (data) => `measure-new:${formText(data, 'axisId')}`,
			schema: addMeasureForm,
			run: async (admin, data) => addMeasure(await requestDb(), admin, { ...data, slug: slugOf(event) }),
			done: (created) => back(event, 'measureAdded', `mesure-${created.number}`)
		}),
	moveMeasure: (event) =>
		runAction(event, {
			guard,
			// A number that is no longer the one shown is not taken silently: the page shows the new proposal.
			wording: (t) => ({ ...wordings.structure(t), conflict: t.structure.errors.moveConflict }),
			formId: 'move',
			schema: moveMeasureForm,
			run: async (admin, data) => moveMeasure(await requestDb(), admin, { ...data, slug: slugOf(event) }),
			done: (moved) => back(event, 'measureMoved', `mesure-${moved.number}`)
		}),
	retireMeasure: (event) =>
		runAction(event, {
			guard,
			wording: wordings.structure,
			formId: (data) => `retire:${formText(data, 'measureId')}`,
			schema: retireMeasureForm,
			run: async (admin, data) => retireMeasure(await requestDb(), admin, { ...data, slug: slugOf(event) }),
			done: (_r, data) => back(event, 'measureRetired', `mesure-id-${data.measureId}`)
		}),
	reinstateMeasure: (event) =>
		runAction(event, {
			guard,
			wording: wordings.structure,
			formId: (data) => `reinstate:${formText(data, 'measureId')}`,
			schema: reinstateMeasureForm,
			run: async (admin, data) => reinstateMeasure(await requestDb(), admin, { ...data, slug: slugOf(event) }),
			done: (_r, data) => back(event, 'measureReinstated', `mesure-id-${data.measureId}`)
		})
};

import type { Actions, PageServerLoad } from './$types';
import { addMilestone, listMilestonesForEdit, moveMilestone, replanMilestone, setMilestoneDone, updateMilestone } from '$lib/server/domain/measures/milestones';
import type { MilestoneEditView } from '$lib/server/domain/measures/milestones';
import {
	addMilestoneForm,
	completeMilestoneForm,
	milestoneValues,
	moveMilestoneForm,
	newMilestoneValues,
	reopenMilestoneForm,
	replanMilestoneForm,
	updateMilestoneForm
} from '$lib/server/validation/milestone';
import { todayIso } from '$lib/domain/dates';
import { editAction, editGuard } from '$lib/server/forms/editing';
import { formText } from '$lib/server/forms/form';

type Stored = Pick<MilestoneEditView, 'title' | 'titleEn' | 'description' | 'weight' | 'version' | 'planned'>;

export const load: PageServerLoad = async (event) => {
	const { db, user, ref } = await editGuard(event);
	const milestones = await listMilestonesForEdit(db, user, ref.id);
	return {
		today: todayIso(),
		newMilestone: newMilestoneValues(),
		milestones: milestones.map((m) => ({ ...m, values: milestoneValues({ ...m, planned: undefined }) }))
	};
};

/** Each form on a milestone has its own id, so that an error shows next to the right milestone. */
const on = (verb: string) => (formData: FormData) => `${verb}:${formText(formData, 'milestoneId')}`;
const anchor = (data: { milestoneId: string }) => `jalon-${data.milestoneId}`;

export const actions: Actions = {
	addMilestone: (event) =>
		editAction(event, {
			formId: 'addMilestone',
			schema: addMilestoneForm,
			run: (ctx, data) => addMilestone(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: (created) => ['milestoneAdded', `jalon-${created.id}`]
		}),
	updateMilestone: (event) =>
		editAction(event, {
			formId: on('edit'),
			schema: updateMilestoneForm,
			run: (ctx, data) => updateMilestone(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			stored: (m: Stored) => milestoneValues({ ...m, planned: undefined }),
			done: (r, data) => [r.changed ? 'milestoneSaved' : 'unchanged', anchor(data)]
		}),
	moveMilestone: (event) =>
		editAction(event, {
			formId: (formData) => on(`move-${formText(formData, 'direction')}`)(formData),
			schema: moveMilestoneForm,
			run: (ctx, data) => moveMilestone(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: (r, data) => [r.changed ? 'milestoneMoved' : 'unchanged', anchor(data)]
		}),
	completeMilestone: (event) =>
		editAction(event, {
			formId: on('done'),
			schema: completeMilestoneForm,
			run: (ctx, data) => setMilestoneDone(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: (r, data) => [r.changed ? 'milestoneDone' : 'unchanged', anchor(data)]
		}),
	reopenMilestone: (event) =>
		editAction(event, {
			formId: on('reopen'),
			schema: reopenMilestoneForm,
			run: (ctx, data) => setMilestoneDone(ctx.db, ctx.user, { ...data, doneOn: null, measureId: ctx.ref.id }),
			done: (r, data) => [r.changed ? 'milestoneReopened' : 'unchanged', anchor(data)]
		}),
	replanMilestone: (event) =>
		editAction(event, {
			formId: on('replan'),
			schema: replanMilestoneForm,
			run: (ctx, data) => replanMilestone(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			stored: (m: Stored) => ({ version: String(m.version), planned: milestoneValues(m).planned ?? '' }),
			done: (_r, data) => ['milestoneReplanned', anchor(data)]
		})
};

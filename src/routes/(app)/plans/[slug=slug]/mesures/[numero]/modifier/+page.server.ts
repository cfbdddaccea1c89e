import type { Actions, PageServerLoad } from './$types';
import { canChangeMeasureOwners, canManagePlan } from '$lib/server/policies';
import { getMeasureForEdit, updateMeasure, type MeasureFields, type MeasureOwners } from '$lib/server/domain/measures/edit';
import { updateMeasureOwners } from '$lib/server/domain/measures/owners';
import { measureForm, measureValues, ownersForm, ownersValues } from '$lib/server/validation/measure';
import { editAction, editGuard } from '$lib/server/forms/editing';
import { publicModels } from '$lib/server/read-models/instance';
import { formText } from '$lib/server/forms/form';
import { addSuccession, removeSuccession, successionsOf, successorChoices } from '$lib/server/domain/measures/successions';
import { addSuccessionForm, newSuccessionValues, removeSuccessionForm } from '$lib/server/validation/succession';

export const load: PageServerLoad = async (event) => {
	const { db, user, ref } = await editGuard(event);
	const model = await getMeasureForEdit(db, user, ref.id, ref, publicModels.owners);
	return {
		measure: measureValues({ ...model.fields, version: model.version }),
		owners: ownersValues({ ...model.owners, version: model.version }),
		ownerOptions: model.allOwners,
		evidence: model.evidence,
		can: { changeOwners: canChangeMeasureOwners(user), managePlan: canManagePlan(user) },
		// Successions are the plans' business: admins only.
		successions: canManagePlan(user)
			? { ...(await successionsOf(db, ref.id, { withDrafts: true })), choices: await successorChoices(db, ref.id), initial: newSuccessionValues() }
			: null
	};
};

export const actions: Actions = {
	updateMeasure: (event) =>
		editAction(event, {
			formId: 'measure',
			schema: measureForm,
			run: (ctx, data) => updateMeasure(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			stored: (current: MeasureFields & { version: number }) => measureValues(current),
			done: (r) => [r.changed ? 'measure' : 'unchanged']
		}),
	updateOwners: (event) =>
		editAction(event, {
			formId: 'owners',
			allowed: (user) => canChangeMeasureOwners(user),
			schema: ownersForm,
			run: (ctx, data) => updateMeasureOwners(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			stored: (current: MeasureOwners & { version: number }) => ownersValues(current),
			done: (r) => [r.changed ? 'owners' : 'unchanged', 'porteurs']
		}),
	addSuccession: (event) =>
		editAction(event, {
			formId: 'succession',
			allowed: (user) => canManagePlan(user),
			schema: addSuccessionForm,
			run: (ctx, data) => addSuccession(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: () => ['successionAdded', 'suite']
		}),
	removeSuccession: (event) =>
		editAction(event, {
			formId: (formData) => `remove-succession:${formText(formData, 'successionId')}`,
			allowed: (user) => canManagePlan(user),
			schema: removeSuccessionForm,
			run: (ctx, data) => removeSuccession(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: () => ['successionRemoved', 'suite']
		})
};

import type { Actions, PageServerLoad } from './$types';
import { addIndicatorValue, listIndicatorsForEdit } from '$lib/server/domain/measures/indicator-values';
import { addIndicatorValueForm, newIndicatorValueValues } from '$lib/server/validation/indicator-value';
import { editAction, editGuard } from '$lib/server/forms/editing';
import { formText } from '$lib/server/forms/form';

export const load: PageServerLoad = async (event) => {
	const { db, user, ref } = await editGuard(event);
	const indicators = await listIndicatorsForEdit(db, user, ref.id);
	return { indicators: indicators.map((indicator) => ({ ...indicator, newValue: newIndicatorValueValues(indicator.id) })) };
};

export const actions: Actions = {
	addIndicatorValue: (event) =>
		editAction(event, {
			formId: (formData) => `addValue:${formText(formData, 'indicatorId')}`,
			schema: addIndicatorValueForm,
			run: (ctx, data) => addIndicatorValue(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: (_created, data) => ['valueAdded', `indicateur-${data.indicatorId}`]
		})
};

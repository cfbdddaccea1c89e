import type { Actions, PageServerLoad } from './$types';
import { addIndicatorValue, listIndicatorsForEdit } from '$lib/server/domain/measures/indicator-values';
import { addIndicatorFeed, listFeedsForEdit, removeIndicatorFeed, updateIndicatorFeed, type FeedFields } from '$lib/server/domain/indicator-feeds/feeds';
import { addIndicatorValueForm, newIndicatorValueValues } from '$lib/server/validation/indicator-value';
import { addIndicatorFeedForm, feedValues, newFeedValues, removeIndicatorFeedForm, updateIndicatorFeedForm } from '$lib/server/validation/indicator-feed';
import { editAction, editGuard } from '$lib/server/forms/editing';
import { formText } from '$lib/server/forms/form';

export const load: PageServerLoad = async (event) => {
	const { db, user, ref } = await editGuard(event);
	const [indicators, feeds] = await Promise.all([listIndicatorsForEdit(db, user, ref.id), listFeedsForEdit(db, user, ref.id)]);
	return {
		indicators: indicators.map((indicator) => {
			const feed = feeds.get(indicator.id) ?? null;
			return { ...indicator, newValue: newIndicatorValueValues(indicator.id), feed, feedValues: feed ? feedValues(feed) : newFeedValues() };
		})
	};
};

/** Each indicator's feed forms have their own id, so that an error shows next to the right indicator. */
const feedForm = (verb: string) => (formData: FormData) => `${verb}:${formText(formData, 'indicatorId')}`;
const feedAnchor = (data: { indicatorId: string }) => `collecte-${data.indicatorId}`;

export const actions: Actions = {
	addIndicatorValue: (event) =>
		editAction(event, {
			formId: (formData) => `addValue:${formText(formData, 'indicatorId')}`,
			schema: addIndicatorValueForm,
			run: (ctx, data) => addIndicatorValue(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: (_created, data) => ['valueAdded', `indicateur-${data.indicatorId}`]
		}),
	addIndicatorFeed: (event) =>
		editAction(event, {
			formId: feedForm('feed'),
			schema: addIndicatorFeedForm,
			run: (ctx, data) => addIndicatorFeed(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			stored: (feed: FeedFields & { version: number }) => feedValues(feed),
			done: (_created, data) => ['feedAdded', feedAnchor(data)]
		}),
	updateIndicatorFeed: (event) =>
		editAction(event, {
			formId: feedForm('feed'),
			schema: updateIndicatorFeedForm,
			run: (ctx, data) => updateIndicatorFeed(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			stored: (feed: FeedFields & { version: number }) => feedValues(feed),
			done: (r, data) => [r.changed ? 'feedSaved' : 'unchanged', feedAnchor(data)]
		}),
	removeIndicatorFeed: (event) =>
		editAction(event, {
			formId: feedForm('removeFeed'),
			schema: removeIndicatorFeedForm,
			run: (ctx, data) => removeIndicatorFeed(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: (_r, data) => ['feedRemoved', feedAnchor(data)]
		})
};

import type { Actions, PageServerLoad } from './$types';
import { addIndicatorValue, listIndicatorsForEdit, replaceValueSourceUrl } from '$lib/server/domain/measures/indicator-values';
import { addIndicatorFeed, listFeedsForEdit, removeIndicatorFeed, updateIndicatorFeed, type FeedFields } from '$lib/server/domain/indicator-feeds/feeds';
import { addIndicatorValueForm, newIndicatorValueValues } from '$lib/server/validation/indicator-value';
import { addIndicatorFeedForm, feedValues, newFeedValues, removeIndicatorFeedForm, updateIndicatorFeedForm } from '$lib/server/validation/indicator-feed';
import { editAction, editGuard } from '$lib/server/forms/editing';
import { formText } from '$lib/server/forms/form';
import { sourceLinkHealth } from '$lib/server/domain/links/read';
import { replaceUrlValues, replaceValueSourceForm } from '$lib/server/validation/links';

export const load: PageServerLoad = async (event) => {
	const { db, user, ref } = await editGuard(event);
	const [indicators, feeds, health] = await Promise.all([listIndicatorsForEdit(db, user, ref.id), listFeedsForEdit(db, user, ref.id), sourceLinkHealth(db, user, ref.id)]);
	return {
		indicators: indicators.map((indicator) => {
			const feed = feeds.get(indicator.id) ?? null;
			// The link watch's findings on the values' sources, each with its replacement form's first values.
			const sourceHealth = indicator.values.flatMap((value) => {
				const found = health.values[value.id];
				return found ? [{ value, health: { ...found, values: replaceUrlValues(value, found.suggestedUrl) } }] : [];
			});
			return { ...indicator, newValue: newIndicatorValueValues(indicator.id), feed, feedValues: feed ? feedValues(feed) : newFeedValues(), sourceHealth };
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
	// The link watch's one-click fix of a value's source: only its address changes, never the figure.
	replaceValueSourceUrl: (event) =>
		editAction(event, {
			formId: (formData) => `replaceSource:${formText(formData, 'valueId')}`,
			schema: replaceValueSourceForm,
			run: (ctx, data) => replaceValueSourceUrl(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			stored: (current: { version: number; url: string }) => ({ version: String(current.version), url: current.url }),
			done: (r, data) => [r.changed ? 'sourceReplaced' : 'unchanged', `valeur-${data.valueId}`]
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

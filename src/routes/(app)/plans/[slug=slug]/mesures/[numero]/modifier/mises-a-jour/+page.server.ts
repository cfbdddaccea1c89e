import type { Actions, PageServerLoad } from './$types';
import { listUpdatesForEdit, publishUpdate, removeUpdateDraft, replaceUpdateSourceUrl, saveUpdateDraft, type UpdateEditView } from '$lib/server/domain/measures/progress-updates';
import { draftValues, newDraftValues, publishUpdateForm, removeDraftForm, saveDraftForm } from '$lib/server/validation/progress-update';
import { todayIso } from '$lib/domain/dates';
import { editAction, editGuard } from '$lib/server/forms/editing';
import { formText } from '$lib/server/forms/form';
import { sourceLinkHealth } from '$lib/server/domain/links/read';
import { replaceUpdateSourceForm, replaceUrlValues } from '$lib/server/validation/links';

export const load: PageServerLoad = async (event) => {
	const { db, user, ref } = await editGuard(event);
	const [{ drafts, published }, health] = await Promise.all([listUpdatesForEdit(db, user, ref.id), sourceLinkHealth(db, user, ref.id)]);
	return {
		newDraft: newDraftValues(todayIso()),
		drafts: drafts.map((u) => ({ ...u, values: draftValues(u) })),
		published: published.map((u) => ({
			...u,
			// The link watch's findings on its sources, each with its replacement form's first values.
			sourceHealth: u.sourceUrls.flatMap((url) => {
				const found = health.updates[u.id]?.[url];
				return found ? [{ url, health: { ...found, values: replaceUrlValues(u, found.suggestedUrl) } }] : [];
			})
		}))
	};
};

/** A new draft's form is "newDraft"; an existing draft's forms carry its id. */
const on = (verb: string) => (formData: FormData) => {
	const id = formText(formData, 'updateId');
	return id ? `${verb}:${id}` : 'newDraft';
};

export const actions: Actions = {
	saveUpdateDraft: (event) =>
		editAction(event, {
			formId: on('edit'),
			schema: saveDraftForm,
			run: (ctx, data) => saveUpdateDraft(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			stored: (current: UpdateEditView & { precise: { start: string; precision: UpdateEditView['precision'] } }) =>
				draftValues({ ...current, date: current.precise.start, precision: current.precise.precision }),
			done: (r) => [r.changed ? 'draftSaved' : 'unchanged', `mise-a-jour-${r.id}`]
		}),
	publishUpdate: (event) =>
		editAction(event, {
			formId: on('publish'),
			schema: publishUpdateForm,
			run: (ctx, data) => publishUpdate(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: () => ['updatePublished', 'publiees']
		}),
	// The link watch's one-click fix of a published update's source: only that address changes.
	replaceUpdateSourceUrl: (event) =>
		editAction(event, {
			formId: (formData) => `replaceSource:${formText(formData, 'updateId')}:${formText(formData, 'oldUrl')}`,
			schema: replaceUpdateSourceForm,
			run: (ctx, data) => replaceUpdateSourceUrl(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			stored: (current: { version: number }) => ({ version: String(current.version) }),
			done: (r, data) => [r.changed ? 'sourceReplaced' : 'unchanged', `publiee-${data.updateId}`]
		}),
	removeUpdateDraft: (event) =>
		editAction(event, {
			formId: on('remove'),
			schema: removeDraftForm,
			run: (ctx, data) => removeUpdateDraft(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: () => ['draftRemoved', 'brouillons']
		})
};

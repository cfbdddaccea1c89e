import type { Actions, PageServerLoad } from './$types';
import { addEvidence, listEvidenceForEdit, removeEvidence, updateEvidence, type EvidenceFields } from '$lib/server/domain/measures/evidence';
import { addEvidenceForm, evidenceValues, newEvidenceValues, removalParam, removeEvidenceForm, updateEvidenceForm } from '$lib/server/validation/evidence';
import { editAction, editGuard } from '$lib/server/forms/editing';
import { formText } from '$lib/server/forms/form';

export const load: PageServerLoad = async (event) => {
	const { db, user, ref } = await editGuard(event);
	const { links, milestones, removal } = await listEvidenceForEdit(db, user, ref.id, removalParam(event.url));
	return {
		newEvidence: newEvidenceValues(),
		links: links.map((link) => ({ ...link, values: evidenceValues(link) })),
		milestones,
		removal
	};
};

const on = (verb: string) => (formData: FormData) => `${verb}:${formText(formData, 'evidenceId')}`;

export const actions: Actions = {
	addEvidence: (event) =>
		editAction(event, {
			formId: 'addEvidence',
			schema: addEvidenceForm,
			run: (ctx, data) => addEvidence(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: (created) => ['evidenceAdded', `preuve-${created.id}`]
		}),
	updateEvidence: (event) =>
		editAction(event, {
			formId: on('edit'),
			schema: updateEvidenceForm,
			run: (ctx, data) => updateEvidence(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			stored: (current: EvidenceFields & { version: number }) => evidenceValues(current),
			done: (r, data) => [r.changed ? 'evidenceSaved' : 'unchanged', `preuve-${data.evidenceId}`]
		}),
	removeEvidence: (event) =>
		editAction(event, {
			formId: on('remove'),
			schema: removeEvidenceForm,
			run: (ctx, data) => removeEvidence(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			done: () => ['evidenceRemoved', 'preuves']
		})
};

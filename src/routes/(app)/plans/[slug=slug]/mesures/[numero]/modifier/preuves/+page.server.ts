import type { Actions, PageServerLoad } from './$types';
import { addEvidence, listEvidenceForEdit, removeEvidence, updateEvidence, type EvidenceFields } from '$lib/server/domain/measures/evidence';
import { addEvidenceForm, evidenceValues, newEvidenceValues, removalParam, removeEvidenceForm, updateEvidenceForm } from '$lib/server/validation/evidence';
import { editAction, editGuard } from '$lib/server/forms/editing';
import { formText } from '$lib/server/forms/form';
import { evidenceLinkHealth } from '$lib/server/domain/links/read';
import { replaceEvidenceUrl } from '$lib/server/domain/links/replace';
import { replaceEvidenceUrlForm, replaceUrlValues } from '$lib/server/validation/links';

export const load: PageServerLoad = async (event) => {
	const { db, user, ref } = await editGuard(event);
	const [{ links, milestones, removal }, health] = await Promise.all([listEvidenceForEdit(db, user, ref.id, removalParam(event.url)), evidenceLinkHealth(db, user, ref.id)]);
	return {
		newEvidence: newEvidenceValues(),
		links: links.map((link) => {
			const linkHealth = health[link.id] ?? null;
			return { ...link, values: evidenceValues(link), health: linkHealth && { ...linkHealth, values: replaceUrlValues(link, linkHealth.suggestedUrl) } };
		}),
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
	// The link watch's one-click fix: only the address changes, through the same write as an edit.
	replaceEvidenceUrl: (event) =>
		editAction(event, {
			formId: on('replace'),
			schema: replaceEvidenceUrlForm,
			run: (ctx, data) => replaceEvidenceUrl(ctx.db, ctx.user, { ...data, measureId: ctx.ref.id }),
			stored: (current: { version: number; url: string }) => ({ version: String(current.version), url: current.url }),
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

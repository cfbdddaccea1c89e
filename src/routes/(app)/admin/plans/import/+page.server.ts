import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManagePlan } from '$lib/server/policies';
import { formValues, parseForm } from '$lib/server/forms/form';
import { domainAnswer, wordings } from '$lib/server/forms/action';
import { uploadForm } from '$lib/server/validation/csv-import';
import { listImportTargets, startCsvImport } from '$lib/server/domain/plans/csv-import-pending';
import { readFailureMessage } from '$lib/server/import/report-text';
import { MAX_IMPORT_BYTES } from '$lib/server/import/read';
import { localizeHref } from '$lib/i18n/routing';
import { messages } from '$lib/i18n';

export const load: PageServerLoad = async () => {
	const admin = requireAllowed(canManagePlan);
	return { plans: await listImportTargets(await requestDb(), admin), maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 };
};

export const actions: Actions = {
	// By hand rather than through runAction: the post is multipart and carries a file.
	upload: async (event) => {
		const admin = requireAllowed(canManagePlan, event);
		const t = messages(event.locals.locale);
		let formData: FormData;
		try {
			formData = await event.request.formData();
		} catch {
			// Over BODY_SIZE_LIMIT (413) or a broken multipart body: say so on the form, not as an error page.
			return fail(413, { formId: '', errors: {}, formError: readFailureMessage(t, { error: 'tooBig' }) });
		}
		const file = formData.get('file');
		formData.delete('file');
		const parsed = parseForm(uploadForm, formData, event.locals.locale);
		if (!parsed.ok) return fail(400, { formId: '', values: parsed.values, errors: parsed.errors, formError: parsed.formError });
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { formId: '', values: formValues(formData), errors: { file: t.csvImport.read.empty }, formError: t.form.errorSummary });
		const { target, plan, title, slug } = parsed.data;
		const values = formValues(formData);
		let started: Awaited<ReturnType<typeof startCsvImport>>;
		try {
			// A file over the limit is refused without reading it all into memory.
			const bytes = file.size > MAX_IMPORT_BYTES ? new Uint8Array(MAX_IMPORT_BYTES + 1) : new Uint8Array(await file.arrayBuffer());
			started = await startCsvImport(await requestDb(), admin, {
				fileName: file.name,
				bytes,
				target: target === 'existing' ? { slug: plan } : { create: { slug, title } }
			});
		} catch (cause) {
			const answer = domainAnswer(cause, { t, wording: wordings.editing(t), formId: '', values });
			return fail(answer.status, answer.body);
		}
		if ('failure' in started) return fail(400, { formId: '', values, errors: { file: readFailureMessage(t, started.failure) }, formError: t.form.errorSummary });
		redirect(303, localizeHref(`/admin/plans/import/${started.id}`, event.locals.locale));
	}
};

import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManagePlan } from '$lib/server/policies';
import { loadAnswer, runAction, wordings } from '$lib/server/forms/action';
import { notFound } from '$lib/server/http/not-found';
import { PARAM_PATTERNS } from '$lib/route-params';
import { messages } from '$lib/i18n';
import { confirmForm, mappingForm } from '$lib/server/validation/csv-import';
import { confirmCsvImport, remapCsvImport, viewCsvImport } from '$lib/server/domain/plans/csv-import-pending';
import { IMPORT_FIELDS } from '$lib/server/import/mapping';
import { issueMessage, readFailureMessage } from '$lib/server/import/report-text';

const MAX_SHOWN = 1000;

/** Checks the admin first (so that nobody learns which ids exist), then the id's shape. */
function target(event: RequestEvent) {
	const admin = requireAllowed(canManagePlan, event);
	if (!PARAM_PATTERNS.id.test(event.params.id)) notFound(event.locals.locale);
	return { admin, id: event.params.id };
}

export const load: PageServerLoad = async (event) => {
	const { admin, id } = target(event);
	const t = messages(event.locals.locale);
	const view = await viewCsvImport(await requestDb(), admin, id).catch((cause: unknown) => loadAnswer(cause, wordings.editing(t)));
	const report = view.report;
	return {
		id,
		fileName: view.fileName,
		planSlug: view.planSlug,
		planTitle: view.planTitle,
		result: view.result,
		fields: IMPORT_FIELDS,
		preview: report && {
			readError: report.read ? readFailureMessage(t, report.read) : null,
			headers: report.headers,
			mapping: report.mapping as Record<string, string | undefined>,
			unmapped: report.plan.unmappedColumns,
			// A file of 10,000 bad rows would make a page of 10,000 rows: the first thousand are shown.
			issues: report.plan.issues.slice(0, MAX_SHOWN).map((issue) => ({ ...issue, message: issueMessage(t, issue), value: issue.value.slice(0, 200) })),
			hiddenIssues: Math.max(0, report.plan.issues.length - MAX_SHOWN),
			unknownOwners: report.plan.unknownOwners,
			// What the confirm form takes care of (exclusions, owners) is not a blocker to show here.
			blockers: report.blockers.filter((b) => !['dryRun', 'rowErrors', 'unknownOwners'].includes(b)).map((b) => t.csvImport.blockers[b]),
			changes: report.changes.filter((c) => c.kind !== 'unchanged').slice(0, 500),
			summary: report.summary
		}
	};
};

export const actions: Actions = {
	remap: (event) =>
		runAction(event, {
			guard: () => target(event),
			wording: wordings.editing,
			schema: mappingForm,
			run: async ({ admin, id }, mapping) => remapCsvImport(await requestDb(), admin, id, mapping),
			done: (_r, _d, { id }) => `/admin/plans/import/${id}`
		}),
	confirm: (event) =>
		runAction(event, {
			guard: () => target(event),
			wording: wordings.editing,
			schema: confirmForm,
			run: async ({ admin, id }, data) => confirmCsvImport(await requestDb(), admin, id, { excluded: data.exclude, createOwners: data.createOwners === 'on' }),
			done: (_r, _d, { id }) => `/admin/plans/import/${id}`
		})
};

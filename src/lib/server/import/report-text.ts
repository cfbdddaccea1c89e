// The words of an import report, in either language: used by the admin pages and the command line.
import { format, plural, type Locale, type Messages } from '../../i18n';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ReadFailure } from './read';
import { IMPORT_FIELDS, type ImportField } from './mapping';
import type { Issue } from './plan-rows';
import { DEADLINE_FORMS, STATUS_EXAMPLES } from './words';

export function issueMessage(t: Messages, issue: Issue): string {
	const field = IMPORT_FIELDS.includes(issue.value as ImportField) ? t.csvImport.fields[issue.value as ImportField] : issue.value;
	return format(t.csvImport.issues[issue.code], { value: field, forms: DEADLINE_FORMS.join(', '), words: STATUS_EXAMPLES.join(', ') });
}

export function readFailureMessage(t: Messages, failure: ReadFailure): string {
	return format(t.csvImport.read[failure.error], { max: failure.error === 'tooBig' ? MAX_IMPORT_BYTES / 1024 / 1024 : MAX_IMPORT_ROWS, detail: failure.detail ?? '' });
}

export function summaryText(locale: Locale, t: Messages, summary: { created: number; updated: number; unchanged: number }): string {
	const m = t.csvImport;
	return (
		[plural(locale, m.summaryCreated, summary.created), plural(locale, m.summaryUpdated, summary.updated), plural(locale, m.summaryUnchanged, summary.unchanged)].join(', ') + '.'
	);
}

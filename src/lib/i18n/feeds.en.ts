// English interface text of the feeds namespace: every key of the French reference (feeds.ts).
import type { FeedsMessages } from './feeds';

export const feedsEn: FeedsMessages = {
	title: 'Automatic collection',
	lead: 'Jalons can read this indicator’s value itself from an open-data file (CSV or JSON), every day or every week. Each value read is added with the file’s address as its source; an unchanged value is not added again.',
	none: 'No automatic collection is set up for this indicator.',
	configure: 'Set up the automatic collection of “{name}”',
	edit: 'Edit the automatic collection of “{name}”',
	submitCreate: 'Start collecting',
	submitEdit: 'Save the collection',
	remove: 'Stop collecting',
	summary: '{format} file, {schedule} collection.',
	lastSuccess: 'Last successful collection: {date}.',
	neverSucceeded: 'No successful collection yet.',
	notice: 'The automatic collection of the indicator “{name}” is failing.',
	noticeLink: 'See the error',
	automatic: 'automatic',
	automaticTitle: 'Value read automatically from the source',
	failing: {
		title: 'The automatic collection is failing',
		body: {
			one: 'The collection failed {n} time: {error}',
			other: 'The collection failed {n} times in a row. Last error: {error}'
		},
		since: 'Last successful collection: {date}.',
		never: 'No collection has succeeded yet.',
		advice: 'No value was added. Check the address and the value’s location below, or add the value by hand.',
		detail: 'Detail: {detail}'
	},
	schedules: { DAILY: 'daily', WEEKLY: 'weekly' },
	formats: { CSV: 'CSV', JSON: 'JSON' },
	fields: {
		url: 'File address',
		urlHint: 'An https:// open-data address, for example on data.gouv.fr.',
		format: 'Format',
		valuePath: 'Where the value is',
		valuePathHint: 'CSV: the column name (the last row is read). JSON: a JSON Pointer (RFC 6901), for example /data/0/total.',
		filterColumn: 'Filter column (CSV, optional)',
		filterColumnHint: 'To read only the rows where this column has the value below (the last one is kept).',
		filterValue: 'Filter value (CSV, optional)',
		datePath: 'Where the date is (optional)',
		datePathHint: 'Column (CSV) or JSON Pointer of the date (2026-03-31 or 31/03/2026). Left empty: the value is dated the day it is collected.',
		schedule: 'Frequency'
	},
	errors: {
		network: 'the server could not be reached.',
		timeout: 'the server did not answer in time.',
		refused: 'the server refused the connection.',
		blocked: 'this address is not allowed (private address or unsupported protocol).',
		'too-large': 'the file is too large.',
		http: 'the server answered with an HTTP error.',
		empty: 'the file is empty.',
		unparseable: 'the file could not be read in the chosen format.',
		'column-missing': 'an expected column no longer exists in the file (its format may have changed).',
		'row-missing': 'no row matches the filter.',
		'value-missing': 'the value is missing at the given location.',
		'value-not-number': 'the value found is not a number.',
		'date-missing': 'the date is missing at the given location.',
		'date-invalid': 'the date found is not a readable date.',
		unknown: 'unknown error.',
		filterWithoutValue: 'Give both the filter column and its value, or neither.',
		filterOnlyCsv: 'The filter applies to CSV files only: leave these fields empty for a JSON file.',
		pointer: 'For a JSON file, type a JSON Pointer starting with “/”, for example /data/0/total.',
		conflict: 'Someone changed this collection while you were editing it: check the stored values before saving again.'
	}
};

// English interface text of the timetravel namespace: every key of the French reference (timetravel.ts).
import type { TimetravelMessages } from './timetravel';

export const timetravelEn: TimetravelMessages = {
	titleAt: '{title}, as of {date}',
	banner: {
		plan: 'You are viewing the plan as it stood on {date}',
		measure: 'You are viewing the measure as it stood on {date}',
		text: 'Facts dated after that day are hidden; status, progress and confidence are those recorded on that day.',
		back: 'Back to today',
		method: 'How this view is rebuilt'
	},
	form: {
		legend: 'View another date',
		label: 'Date',
		hint: 'Pick the day in the field’s calendar, for example 30 June 2023.',
		hintFrom: 'Pick the day in the field’s calendar, from {date} on.',
		submit: 'Show at this date'
	},
	problems: {
		invalid: 'This date is not valid: enter a date as YYYY-MM-DD, for example 2023-06-30.',
		malformed:
			'The date asked for in the address (?date=) is not a valid date. Use the format YYYY-MM-DD, for example ?date=2023-06-30, or remove this parameter to see the page today.',
		future: 'This date is in the future: Jalons only shows the past and today.',
		beforeAdoption: 'The plan was adopted on {date}: choose a date from that day on.',
		order: 'The start date must come before the end date.',
		shownToday: 'The page shows the plan today.'
	},
	links: {
		title: 'The plan over time',
		compare: 'Compare two dates',
		evolution: 'Progress of the plan over time'
	},
	absent: 'This measure did not exist yet on that date.',
	list: {
		searchHint:
			'At this date, the search looks at the text as it stood that day (title, description, planned actions, published updates known then): every word must be in it, whatever the case and accents. Other forms of a word, quotes and the minus sign are not taken into account.',
		searchNotice:
			'Full-text search only knows today’s text. At a past date, Jalons simply looks for each word in that day’s text (no other forms of the word, exact phrases or exclusions): results may differ from today’s.',
		lateHint: 'Planned end or milestone passed without being reached, on {date}.'
	},
	compare: {
		title: 'What changed between two dates',
		pageTitle: 'Compare two dates – {plan} – Jalons',
		lead: 'For each measure: status and progress changes, milestones done or re-planned, new evidence, published updates and indicator values added between the two dates.',
		legend: 'Period to compare',
		from: 'From',
		to: 'To',
		submit: 'Compare',
		summary: { one: 'From {from} to {to}: {n} measure out of {total} changed.', other: 'From {from} to {to}: {n} measures out of {total} changed.' },
		totals: {
			status: { one: '{n} status change', other: '{n} status changes' },
			milestones: { one: '{n} milestone done', other: '{n} milestones done' },
			replans: { one: '{n} re-plan', other: '{n} re-plans' },
			evidence: { one: '{n} piece of evidence', other: '{n} pieces of evidence' },
			updates: { one: '{n} update', other: '{n} updates' },
			values: { one: '{n} indicator value', other: '{n} indicator values' }
		},
		progress: 'Average progress of the plan: {from} → {to}.',
		unknown: 'unknown',
		nothing: 'No measure changed between these two dates.',
		unchanged: { one: '{n} measure unchanged.', other: '{n} measures unchanged.' },
		isNew: 'Measure added during the period',
		status: 'Status',
		progressLabel: 'Progress',
		milestonesDone: 'Milestones done',
		replanned: 'Re-planned milestones',
		replannedItem: '{title}: planned {previous}, re-planned to {planned} on {at}',
		evidence: 'New evidence',
		updates: 'Published updates',
		values: 'Indicator values added',
		planFacts: 'Facts about the whole plan',
		seeFrom: 'View the plan on {date}',
		seeTo: 'View the plan on {date}',
		fixErrors: 'Fix the dates: the comparison shown covers the default period.'
	},
	evolution: {
		title: 'Progress of the plan over time',
		pageTitle: 'Progress over time – {plan} – Jalons',
		lead: 'Average progress and number of measures by status at each quarter end, rebuilt from the history (see the methodology).',
		chartTitle: 'Average progress of the plan at each quarter end',
		chartSummary: {
			one: 'Average progress known at {n} date out of {total}; last point: {last}.',
			other: 'Average progress known at {n} dates out of {total}; last point: {last}.'
		},
		noProgress: 'At none of these {total} dates is the progress of any measure known: no public source gives a percentage. The table below gives the statuses at each date.',
		tableTitle: 'Progress and measures by status at each date',
		date: 'Date',
		average: 'Average progress',
		known: 'Measures with known progress',
		see: 'View the plan on {date}'
	},
	methodology: {
		title: 'Viewing the plan at a past date',
		intro:
			'Every public page of the plan accepts a date (for example ?date=2023-06-30) and shows the plan as it stood that day. The view is rebuilt from what Jalons keeps, by two rules:',
		dated:
			'Dated facts keep their own date: an update, an indicator value or a piece of evidence appears once its whole period has passed (a fact dated “2023” appears on 31 December 2023); a milestone is done if its completion date has passed; a re-plan made after the chosen day is undone and the earlier due date is shown.',
		undated:
			'Information with no date of its own (status, manual progress, confidence, planned period, description, owners) comes from the change log: the value recorded by the latest change made on or before that day, otherwise the value before the first later change.',
		created:
			'What was added in Jalons after the chosen day (milestone, undated evidence, measure) does not appear. The plan’s initial import, made in one go, counts as the starting state: its facts are filtered by their own dates.',
		compare: 'The comparison between two dates and the progress curve over time apply the same rules at each date.'
	}
};

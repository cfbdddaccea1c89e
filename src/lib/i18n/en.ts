import type { Messages } from './fr';
import { authEn } from './auth.en';
import { editingEn } from './editing.en';
import { feedsEn } from './feeds.en';
import { opendataEn } from './opendata.en';
import { commentsEn } from './comments.en';
import { reportsEn } from './reports.en';
import { exploreEn } from './explore.en';
import { timetravelEn } from './timetravel.en';
import { siteEn } from './site.en';
import { privacyEn } from './privacy.en';
import { knownEn } from './known.en';
import { embedEn } from './embed.en';
import { teamsEn } from './teams.en';
import { structureEn } from './structure.en';
import { csvImportEn } from './csv-import.en';
import { plansEn } from './plans.en';
import { linksEn } from './links.en';

export const en: Messages = {
	auth: authEn,
	editing: editingEn,
	feeds: feedsEn,
	opendata: opendataEn,
	comments: commentsEn,
	reports: reportsEn,
	explore: exploreEn,
	timetravel: timetravelEn,
	site: siteEn,
	privacy: privacyEn,
	known: knownEn,
	embed: embedEn,
	teams: teamsEn,
	structure: structureEn,
	csvImport: csvImportEn,
	plans: plansEn,
	links: linksEn,
	form: {
		required: 'This field is required.',
		tooLong: 'This text is too long ({max} characters at most).',
		invalidUrl: 'Enter a full web address starting with http:// or https://.',
		invalidDate: 'Enter a valid date, for example 2024-06-30.',
		invalidNumber: 'Enter a number.',
		invalidChoice: 'Choose one of the proposed values.',
		invalidEmail: 'Enter a valid e-mail address, for example name@example.gouv.fr.',
		errorSummary: 'The form has errors: correct the fields shown.',
		alreadySent: 'This form had already been sent and saved: it was not saved a second time. Check the list below; to add something else, fill in the form again.',
		saved: 'Saved.',
		save: 'Save',
		cancel: 'Cancel'
	},
	/** After a label ("Rôles : …"): French puts a no-break space before the colon, English none. */
	colon: ':',
	siteName: 'Jalons',
	siteTagline: 'Public tracking of government action plans',
	brandTop: 'République<br />Française',
	skipToContent: 'Content',
	skipToFooter: 'Footer',
	skipLinksLabel: 'Quick access',
	home: 'Home',
	breadcrumbLabel: 'you are here:',
	breadcrumbToggle: 'Show breadcrumb',
	footerDescription: 'Jalons is free software for the public tracking of action plans. Plan data is published under the Licence Ouverte 2.0.',
	sourceCode: 'Source code',
	accessibility: 'Accessibility: not compliant',
	legalNotice: 'Legal notice',
	methodology: 'Methodology',
	personalData: 'Personal data',

	status: {
		NOT_REPORTED: 'Status not reported',
		NOT_STARTED: 'Not started',
		IN_PROGRESS: 'In progress',
		DONE: 'Done',
		CONTINUOUS: 'Continuous action',
		ABANDONED: 'Abandoned'
	},
	confidence: { ON_TRACK: 'On track', AT_RISK: 'At risk', OFF_TRACK: 'Off track' },
	progressMethod: {
		MANUAL: 'entered by the team',
		MILESTONES: 'weighted share of milestones reached',
		INDICATOR: 'distance covered from the indicator’s baseline to its target'
	},
	evidenceKind: {
		WEBSITE: 'Website',
		DOCUMENT: 'Document',
		SOURCE_CODE: 'Source code',
		ARTICLE: 'Article',
		DATASET: 'Data',
		EVENT: 'Event',
		OTHER: 'Link'
	},

	charts: {
		title: 'In charts',
		measures: 'Measures',
		axis: 'Axis',
		progressByAxis: 'Progress by axis',
		statusSummary: { one: '{n} measure: {details}.', other: '{n} measures: {details}.' },
		progressSummary: {
			one: 'Average progress of the measures with a reported figure, for {n} axis out of {total}.',
			other: 'Average progress of the measures with a reported figure, for {n} axes out of {total}.'
		},
		noProgress: 'No axis has a measure with reported progress: there is nothing to draw.'
	},
	dashboard: {
		archived: 'Archived plan',
		adoptedOn: 'Adopted on {date}',
		overallProgress: 'Overall progress',
		progressUnknown: 'Not reported',
		unknownCount: {
			one: '{n} measure out of {total} has no reported progress: it is left out of the average.',
			other: '{n} measures out of {total} have no reported progress: they are left out of the average.'
		},
		allUnknown: { one: 'The only measure has no progress figure given by a source.', other: 'None of the {n} measures has a progress figure given by a source.' },
		howComputed: 'How is this computed?',
		methodology: 'Read the methodology',
		howComputedPlan:
			'The plan’s progress is the average of its measures’ progress; an axis’s, the average of its measures. A measure whose progress is unknown is not counted as 0: it is left out, and the number left out is shown.',
		measuresByStatus: 'Measures by status',
		measureCount: { one: '{n} measure', other: '{n} measures' },
		axis: 'Axis {n}',
		measure: 'Measure {n}',
		leadOwner: 'Lead',
		nextMilestone: 'Next milestone',
		noMilestone: 'No milestone planned',
		late: 'Late',
		lateMilestones: { one: '{n} late milestone', other: '{n} late milestones' },
		latestFact: 'Latest known fact',
		noFact: 'No published fact',
		lastChange: 'Data changed on {date}',
		asOf: 'as of {date}',
		planFacts: 'Key facts about the plan',
		source: 'Source',
		sources: 'Sources',
		allMeasuresOfAxis: 'See all {n} measures of axis {axis}',
		measuresOfAxis: 'Measures of axis {n}',
		progress: 'Progress',
		status: 'Status',
		number: 'No.',
		title: 'Title'
	},
	measure: {
		description: 'Description',
		subActions: 'Planned actions',
		owners: 'Owners',
		lead: 'Lead owner',
		contributors: 'Contributors',
		milestones: 'Milestones',
		noMilestones: 'No milestone has been planned for this measure yet.',
		planned: 'Planned: {date}',
		forecast: 'Forecast: {date}',
		doneOn: 'Reached on {date}',
		evidence: 'Evidence and links',
		noEvidence: 'No published evidence.',
		indicators: 'Indicators',
		indicatorTable: '{name}: dated values and sources',
		indicatorChart: 'Trend of “{name}”',
		indicatorChartSummary: 'From {first} ({firstDate}) to {last} ({lastDate}). The values and their sources are in the table below.',
		indicatorChartTarget: 'Target: {target} (dashed line).',
		baseline: 'Baseline',
		target: 'Target',
		noTarget: 'No target set by a source: progress cannot be computed from this indicator.',
		date: 'Date',
		value: 'Value',
		updates: 'Progress, newest first',
		noUpdates: 'No published update.',
		blockers: 'Blockers',
		nextSteps: 'Next steps',
		confidence: 'Confidence',
		plannedPeriod: 'Planned period',
		notPlanned: 'Not specified',
		from: 'from {date}',
		to: 'to {date}',
		statusUnknownHelp: 'No public source gives this measure’s status: Jalons does not make one up. The dated facts below say what is known.'
	},
	notFound: {
		title: 'Page not found',
		lead: 'The page you are looking for cannot be found. We apologise for the inconvenience.',
		body: 'If you typed the web address, check that it is correct. The page may no longer be available.',
		back: 'Home page'
	},
	error: {
		title: 'Unexpected error',
		badRequest: 'Incorrect address',
		forbidden: 'Access denied',
		forbiddenAdvice:
			'You are signed in, but your account’s rights do not cover this page (a team, for example, edits only its own measures). If you need access, ask the Jalons administrator for these rights; otherwise, go back to the previous page.',
		refused: 'Request not processed',
		withoutQuery: 'Show this page without these parameters',
		lead: 'Sorry, the service has a problem; we are working to fix it as quickly as possible.',
		unavailable: 'Service temporarily unavailable',
		retry: 'Please try again in a few moments.',
		tooLarge: 'The request is too large: shorten the texts you sent and try again.',
		unreadable: 'The request could not be read: check what you sent and try again.',
		requestId: 'Request id: {id}'
	}
};

// English interface text of the plans namespace: every key of the French reference (plans.ts).
import type { PlansMessages } from './plans';

export const plansEn: PlansMessages = {
	title: 'Plans',
	lead: 'Every plan tracked by Jalons: a draft is visible to signed-in people only; an archived plan stays public but no one can change it any more.',
	caption: 'Plans ({n})',
	create: 'Create a plan',
	createTitle: 'New plan',
	settingsTitle: 'Settings of the plan “{title}”',
	settingsLabel: 'Settings of the plan “{title}”',
	submitCreate: 'Create the plan',
	submitSettings: 'Save the settings',
	back: 'Back to the list of plans',
	importCsv: 'Import a plan or measures (CSV)',
	structure: 'Axes and measures',
	structureLabel: 'Axes and measures of the plan “{title}”',
	view: 'View the plan',
	created: 'The plan is created.',
	saved: 'The settings are saved.',
	unchanged: 'Nothing changed.',
	archivedDone: 'The plan is archived.',
	reopened: 'The plan is reopened: it can be changed again.',
	measures: 'Measures',
	statusColumn: 'Status',
	adoptedColumn: 'Adopted on',
	statuses: {
		DRAFT: 'Draft',
		ACTIVE: 'Active',
		ARCHIVED: 'Archived'
	},
	statusHints: {
		DRAFT: 'Draft: visible to signed-in people only; absent from public pages, the sitemap, feeds, open data and the API.',
		ACTIVE: 'Active: public and editable.'
	},
	fields: {
		slug: 'Identifier (in addresses)',
		slugHint: 'Lower-case letters, digits and hyphens, for example digital-plan-2026; it cannot change afterwards.',
		title: 'Title',
		titleEn: 'English title (optional)',
		titleEnHint: 'Shown on English pages; left empty, they show the French title.',
		summary: 'Summary (optional)',
		summaryEn: 'English summary (optional)',
		adoptedOn: 'Adoption date (optional)',
		adoptedOnHint: 'As YYYY-MM-DD, for example 2021-11-10.',
		sourceUrls: 'Sources (optional)',
		sourceUrlsHint: 'One web address per line: the plan’s official text, its presentation page.',
		contentLicence: 'Licence of the content',
		contentLicenceUrl: 'Address of the licence (optional)',
		status: 'Status',
		showStaffNames: 'Name staff in the public history',
		showStaffNamesHint: 'Otherwise the public history only gives the role and team of the person who made each change.',
		archivedOn: 'Archive date',
		archivedOnHint: 'As YYYY-MM-DD; today by default, or a past date if the plan ended earlier.',
		note: 'Note (optional)',
		noteHint: 'Why the plan is archived, for example “replaced by the 2026-2028 plan”.',
		noteEn: 'English note (optional)',
		successor: 'Plan that follows it (optional)',
		successorNone: 'None'
	},
	archive: {
		title: 'Archive the plan',
		lead: 'Archiving closes the plan’s record in Jalons: it stays public, but no one can change it any more (measures, milestones, evidence, indicators, updates, reports, import). Comments stay open and measure successions can still be linked. An administrator can reopen it.',
		submit: 'Archive the plan',
		draftFirst: 'A draft cannot be archived: publish it first (status “Active”).'
	},
	reopen: {
		title: 'Reopen the plan',
		lead: 'The plan has been archived since {date}. Reopening it makes it editable again; its archive date, note and successor are cleared (the history keeps them).',
		submit: 'Reopen the plan'
	},
	banner: {
		archived: 'Plan archived on {date}',
		archivedUndated: 'Archived plan',
		followedBy: 'followed by',
		readOnly: 'This plan can no longer be changed.',
		draft: 'Draft',
		draftText: 'This plan is a draft: only signed-in people see it. It appears neither on public pages nor in the feeds, open data or API.'
	},
	home: {
		title: 'Tracked plans',
		lead: 'The action plans Jalons tracks in public: current plans first, then archived plans.',
		adoptedOn: 'Adopted on {date}',
		archivedOn: 'Archived on {date}',
		measures: { one: '{n} measure', other: '{n} measures' }
	},
	openData: {
		archived:
			'This plan has been archived since {date}: its files show the plan as it stood when it was archived and no longer change, except for the continuations of its measures in other plans (successions); its feeds stop at that date.',
		archivedUndated: 'This plan is archived: its files no longer change, except for the continuations of its measures in other plans (successions).'
	},
	errors: {
		forbidden: 'Only administrators manage plans.',
		conflict: 'Someone changed this plan while you were editing it: check the saved values below before saving again.',
		archived: 'This plan has been archived since {date}: it can no longer be changed.',
		archivedUndated: 'This plan is archived: it can no longer be changed.',
		slugFormat: 'The identifier is written in lower-case letters, digits and hyphens (3 to 80 characters), with no hyphen at either end.',
		slugTaken: 'A plan already has this identifier.',
		slugReserved: 'This identifier is reserved: choose another one.',
		alreadyArchived: 'This plan is already archived.',
		notArchived: 'This plan is not archived.',
		archiveDraft: 'A draft cannot be archived: publish it first (status “Active”).',
		archiveFuture: 'The archive date cannot be in the future.',
		archiveBeforeAdoption: 'The archive date cannot be before the plan’s adoption.',
		successorSelf: 'A plan cannot follow itself.',
		successorUnknown: 'Choose a public plan from the list.',
		statusChoice: 'Choose “Draft” or “Active”; to archive, use the archive form.'
	}
};

// English interface text of the site namespace: every key of the French reference (site.ts).
import type { SiteMessages } from './site';

export const siteEn: SiteMessages = {
	language: {
		select: 'Select a language',
		current: 'Site language',
		names: { fr: 'Français', en: 'English' },
		short: { fr: 'FR', en: 'EN' },
		untranslated: 'Content in French'
	},
	meta: {
		description: 'Jalons publicly tracks the progress of French government action plans: measures, milestones, evidence and indicators, with their sources.',
		imageAlt: 'Jalons, public tracking of government action plans'
	},
	errorCode: 'Error {status}',
	licence: 'Unless stated otherwise, content on this site is under the',
	accessibilityTitle: 'Accessibility statement',
	legalTitle: 'Legal notice',
	methodologyDescription: 'How Jalons computes progress, defines statuses and lateness, and where the data comes from.'
};

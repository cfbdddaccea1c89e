// English interface text of the embed namespace: every key of the French reference (embed.ts).
import type { EmbedMessages } from './embed';

export const embedEn: EmbedMessages = {
	badge: {
		measure: 'Measure {n}',
		plan: 'Plan progress',
		progress: 'progress {value}',
		progressUnknown: 'progress not reported',
		retired: 'Measure retired',
		archived: 'plan archived',
		measuresDone: '{done} of {total} measures done',
		measureTitle: 'Measure {n} “{title}” of the plan “{plan}”: {status}, {progress}.',
		retiredTitle: 'Measure {n} “{title}” of the plan “{plan}”: retired from the plan on {date}.',
		planTitle: 'Plan “{plan}”: progress {progress}, {done} of {total} measures done.',
		archivedTitle: 'The plan is archived.'
	},
	card: {
		progress: 'Progress',
		progressUnknown: 'not reported',
		status: 'Status',
		asOf: 'as of {date}',
		retired: 'Measure retired from the plan on {date}.',
		archived: 'Plan archived on {date}.',
		archivedUndated: 'Plan archived.',
		measures: 'Measures',
		measuresDone: '{done} done of {total}',
		seeMeasure: 'See the measure on Jalons',
		seePlan: 'See the plan on Jalons',
		newWindow: 'new window',
		frameTitleMeasure: 'Jalons: measure {n} – {title}',
		frameTitlePlan: 'Jalons: {plan}'
	},
	code: {
		titleMeasure: 'Embed this measure',
		titlePlan: 'Embed this plan',
		lead: 'Show its progress on your website: copy one of these codes into a page. They always show the current state.',
		card: 'Card (to paste into an HTML page)',
		badge: 'Badge (image)',
		badgePreview: 'Badge preview',
		copyCard: 'Copy the card’s code',
		copyBadge: 'Copy the badge’s code',
		copied: 'Code copied.',
		copyFailed: 'Copying failed: select the text and copy it.',
		badgeAlt: 'Progress of measure {n} on Jalons',
		badgeAltPlan: 'Progress of the plan “{plan}” on Jalons'
	},
	oembed: {
		missingUrl: 'The “url” parameter is required: the address of a measure’s or a plan’s page.',
		badUrl: 'The “url” parameter must be the address of a measure’s or a plan’s page of this site.',
		badSize: 'The “maxwidth” and “maxheight” parameters are positive whole numbers of pixels.',
		badFormat: 'Only the “json” format is offered.',
		notFound: 'No public measure or plan page at this address.'
	}
};

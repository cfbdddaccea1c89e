// English text of the structure namespace: every key of the French reference (structure.ts).
import type { StructureMessages } from './structure';

export const structureEn: StructureMessages = {
	title: 'Plan structure',
	section: 'Plans',
	lead: 'Add, rename and order the axes; add a measure to an axis, move it to another axis or retire it. Every change is dated, signed and shown in the public history.',
	numbersRule:
		'Public numbers are stable: a measure changes number only when you move it to another axis and confirm its new number. Its old address then redirects to the new one, and the old number is never given to another measure.',
	retiredRule:
		'A retired measure is never deleted: it keeps its number, page and history, shows as retired from its retirement date and no longer counts in the plan’s progress. It can no longer be edited, except to reinstate it.',
	axisHeading: 'Axis {number}: {title}',
	axisTitle: 'Axis title',
	axisTitleEn: 'English title (optional)',
	rename: 'Rename axis {number}',
	renameSubmit: 'Save the title',
	moveUp: 'Move axis {number} up',
	moveDown: 'Move axis {number} down',
	addAxis: 'Add an axis',
	addAxisSubmit: 'Add the axis',
	addAxisHint: 'It gets the next number and comes last.',
	measuresCaption: 'Measures of axis {number}',
	noMeasures: 'No measure in this axis.',
	number: 'Number',
	measureTitle: 'Measure',
	leadOwner: 'Lead',
	actions: 'Actions',
	formerNumbers: 'formerly {numbers}',
	edit: 'Edit measure {number}',
	owners: 'Owners of measure {number}',
	retiredBadge: 'Retired',
	retiredOn: 'Retired on {date}',
	addMeasure: 'Add a measure to axis {number}',
	addMeasureSubmit: 'Add the measure',
	addMeasureHint: 'It gets number {number}.',
	fields: {
		title: 'Title',
		titleEn: 'English title (optional)',
		description: 'Description',
		leadOwnerId: 'Lead team',
		contributorOwnerIds: 'Contributing teams (optional)',
		toAxisId: 'To axis',
		reason: 'Reason for retiring it (public)'
	},
	move: 'Move measure {number}',
	moveSubmit: 'Move…',
	confirmMove: {
		title: 'Move measure {number}?',
		lead: 'Measure “{title}” will move from axis {from} to axis {to} and change number:',
		numbers: '{old} will become {new}.',
		redirect:
			'The old addresses (page, history, feed) will redirect to the new number; number {old} will never be given to another measure. The public history and past dates will show the old number before today.',
		submit: 'Confirm: renumber as {new}',
		cancel: 'Cancel'
	},
	retire: 'Retire measure {number}',
	retireSubmit: 'Retire the measure',
	retireHint: 'It will be retired from today, with this reason, on its public page.',
	reinstate: 'Reinstate measure {number}',
	reinstateSubmit: 'Reinstate',
	saved: {
		axisAdded: 'The axis is added.',
		axisRenamed: 'The axis is renamed.',
		axisMoved: 'The axis is moved.',
		measureAdded: 'The measure is added.',
		measureMoved: 'The measure is moved and renumbered; its old address redirects to the new one.',
		measureRetired: 'The measure is retired.',
		measureReinstated: 'The measure is reinstated.',
		unchanged: 'No change.'
	},
	errors: {
		forbidden: 'Only administrators change a plan’s structure.',
		conflict: 'The plan’s structure changed while you were editing it: check the reloaded page before trying again.',
		moveConflict: 'The proposed number is no longer free or the measure changed meanwhile: nothing was moved. Check the new proposal.',
		axisFull: 'This axis has reached 999 measures.',
		unknownOwner: 'Choose teams from the list.',
		sameAxis: 'The measure is already in this axis.',
		retired: 'A retired measure is not moved: reinstate it first.',
		alreadyRetired: 'This measure is already retired.',
		notRetired: 'This measure is not retired.',
		alreadyFirst: 'This axis is already the first.',
		alreadyLast: 'This axis is already the last.',
		retiredReadOnly: 'Measure {number} is retired from the plan: it can no longer be edited. An administrator can reinstate it from the “Plan structure” page.'
	},
	public: {
		retiredNotice: 'Measure retired on {date}',
		retiredBadge: 'Retired',
		retiredCount: { one: '{n} retired measure, left out of progress', other: '{n} retired measures, left out of progress' }
	}
};

// English interface text of the teams namespace: every key of the French reference (teams.ts).
import type { TeamsMessages } from './teams';

export const teamsEn: TeamsMessages = {
	title: 'Teams',
	lead: 'Teams carry the measures: DINUM teams, ministries, operators. People join them from their account’s page; an editor, or an AMDAC member in their ministry’s team, edits the measures their teams carry.',
	caption: 'Teams ({n})',
	create: 'Create a team',
	createTitle: 'New team',
	editTitle: 'Team {code}',
	editLabel: 'Edit team {code}',
	submitCreate: 'Create the team',
	submitEdit: 'Save the team',
	back: 'Back to the list of teams',
	members: 'Members',
	measures: 'Measures carried',
	created: 'The team is created.',
	saved: 'The team is saved.',
	unchanged: 'No change.',
	fields: {
		code: 'Code',
		codeHint: 'Capital letters, digits and “_”, for example MIN_CULTURE; it shows in the history of changes.',
		name: 'Name',
		nameEn: 'Name in English (optional)',
		nameEnHint: 'Shown on the English pages; left empty, they show the French name.',
		kind: 'Kind',
		website: 'Website (optional)',
		description: 'Description (optional)'
	},
	kinds: {
		DINUM_TEAM: 'DINUM team',
		MINISTRY: 'Ministry',
		OPERATOR: 'Operator',
		OTHER: 'Other'
	},
	errors: {
		forbidden: 'Only administrators manage teams.',
		codeTaken: 'A team already has this code.',
		codeFormat: 'The code is written in capital letters, digits and “_” (2 to 40 characters), starting with a letter.',
		conflict: 'Someone changed this team while you were editing it: check the stored values below before saving again.'
	}
};

// The plans admin (/admin/plans) and a plan's life cycle: draft, active, archived.
export const plansFr = {
	errors: {
		archived: 'Ce plan est archivé depuis le {date} : il n’est plus modifiable.',
		archivedUndated: 'Ce plan est archivé : il n’est plus modifiable.'
	}
};

export type PlansMessages = typeof plansFr;

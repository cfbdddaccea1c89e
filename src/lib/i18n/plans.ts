// The plans admin (/admin/plans) and a plan's life cycle: draft, active, archived.
export const plansFr = {
	title: 'Plans',
	lead: 'Chaque plan suivi par Jalons : un brouillon n’est visible que des personnes connectées ; un plan archivé reste public mais n’est plus modifiable par personne.',
	caption: 'Plans ({n})',
	create: 'Créer un plan',
	createTitle: 'Nouveau plan',
	settingsTitle: 'Réglages du plan « {title} »',
	settingsLabel: 'Réglages du plan « {title} »',
	submitCreate: 'Créer le plan',
	submitSettings: 'Enregistrer les réglages',
	back: 'Retour à la liste des plans',
	importCsv: 'Importer un plan ou des mesures (CSV)',
	structure: 'Axes et mesures',
	structureLabel: 'Axes et mesures du plan « {title} »',
	view: 'Voir le plan',
	created: 'Le plan est créé.',
	saved: 'Les réglages sont enregistrés.',
	unchanged: 'Aucune modification.',
	archivedDone: 'Le plan est archivé.',
	reopened: 'Le plan est rouvert : il est de nouveau modifiable.',
	measures: 'Mesures',
	statusColumn: 'Statut',
	adoptedColumn: 'Adopté le',
	statuses: {
		DRAFT: 'Brouillon',
		ACTIVE: 'Actif',
		ARCHIVED: 'Archivé'
	},
	statusHints: {
		DRAFT: 'Brouillon : visible seulement des personnes connectées ; absent des pages publiques, du plan du site, des flux, des données ouvertes et de l’API.',
		ACTIVE: 'Actif : public et modifiable.'
	},
	fields: {
		slug: 'Identifiant (dans les adresses)',
		slugHint: 'Lettres minuscules, chiffres et tirets, par exemple plan-numerique-2026 ; il ne change plus ensuite.',
		title: 'Titre',
		titleEn: 'Titre en anglais (facultatif)',
		titleEnHint: 'Affiché sur les pages en anglais ; laissé vide, elles montrent le titre français.',
		summary: 'Résumé (facultatif)',
		summaryEn: 'Résumé en anglais (facultatif)',
		adoptedOn: 'Date d’adoption (facultatif)',
		adoptedOnHint: 'Au format AAAA-MM-JJ, par exemple 2021-11-10.',
		sourceUrls: 'Sources (facultatif)',
		sourceUrlsHint: 'Une adresse web par ligne : le texte officiel du plan, sa page de présentation.',
		contentLicence: 'Licence du contenu',
		contentLicenceUrl: 'Adresse de la licence (facultatif)',
		status: 'Statut',
		showStaffNames: 'Nommer les agents dans l’historique public',
		showStaffNamesHint: 'Sinon, l’historique public indique seulement le rôle et l’équipe de la personne qui a fait chaque modification.',
		archivedOn: 'Date d’archivage',
		archivedOnHint: 'Au format AAAA-MM-JJ ; aujourd’hui par défaut, ou une date passée si le plan a pris fin plus tôt.',
		note: 'Note (facultatif)',
		noteHint: 'Pourquoi le plan est archivé, par exemple « remplacé par le plan 2026-2028 ».',
		noteEn: 'Note en anglais (facultatif)',
		successor: 'Plan qui lui succède (facultatif)',
		successorNone: 'Aucun'
	},
	archive: {
		title: 'Archiver le plan',
		lead: 'Archiver clôt le suivi du plan dans Jalons : il reste public, mais plus personne ne peut le modifier (mesures, jalons, preuves, indicateurs, mises à jour, bilans, import). Les commentaires restent ouverts et les successions de mesures peuvent encore être liées. Une administratrice ou un administrateur peut le rouvrir.',
		submit: 'Archiver le plan',
		draftFirst: 'Un brouillon ne s’archive pas : publiez-le d’abord (statut « Actif »).'
	},
	reopen: {
		title: 'Rouvrir le plan',
		lead: 'Le plan est archivé depuis le {date}. Le rouvrir le rend de nouveau modifiable ; sa date d’archivage, sa note et son successeur sont effacés (l’historique les garde).',
		submit: 'Rouvrir le plan'
	},
	banner: {
		archived: 'Plan archivé le {date}',
		archivedUndated: 'Plan archivé',
		followedBy: 'suivi par',
		readOnly: 'Ce plan n’est plus modifiable.',
		draft: 'Brouillon',
		draftText: 'Ce plan est un brouillon : seules les personnes connectées le voient. Il n’apparaît ni sur les pages publiques, ni dans les flux, les données ouvertes ou l’API.'
	},
	home: {
		title: 'Plans suivis',
		lead: 'Les plans d’action suivis publiquement par Jalons : d’abord les plans en cours, puis les plans archivés.',
		adoptedOn: 'Adopté le {date}',
		archivedOn: 'Archivé le {date}',
		measures: { one: '{n} mesure', other: '{n} mesures' }
	},
	openData: {
		archived:
			'Ce plan est archivé depuis le {date} : ses fichiers montrent le plan tel qu’il était à son archivage et ne changent plus, sauf les suites de ses mesures dans d’autres plans (successions) ; ses flux s’arrêtent à cette date.',
		archivedUndated: 'Ce plan est archivé : ses fichiers ne changent plus, sauf les suites de ses mesures dans d’autres plans (successions).'
	},
	errors: {
		forbidden: 'Seule l’administration gère les plans.',
		conflict: 'Quelqu’un a modifié ce plan pendant que vous le modifiiez : vérifiez les valeurs enregistrées ci-dessous avant d’enregistrer de nouveau.',
		archived: 'Ce plan est archivé depuis le {date} : il n’est plus modifiable.',
		archivedUndated: 'Ce plan est archivé : il n’est plus modifiable.',
		slugFormat: 'L’identifiant s’écrit en lettres minuscules, chiffres et tirets (3 à 80 caractères), sans tiret au début ni à la fin.',
		slugTaken: 'Un plan porte déjà cet identifiant.',
		slugReserved: 'Cet identifiant est réservé : choisissez-en un autre.',
		alreadyArchived: 'Ce plan est déjà archivé.',
		notArchived: 'Ce plan n’est pas archivé.',
		archiveDraft: 'Un brouillon ne s’archive pas : publiez-le d’abord (statut « Actif »).',
		archiveFuture: 'La date d’archivage ne peut pas être dans le futur.',
		archiveBeforeAdoption: 'La date d’archivage ne peut pas précéder l’adoption du plan.',
		successorSelf: 'Un plan ne peut pas se succéder à lui-même.',
		successorUnknown: 'Choisissez un plan public de la liste.',
		statusChoice: 'Choisissez « Brouillon » ou « Actif » ; pour archiver, utilisez le formulaire d’archivage.'
	}
};

export type PlansMessages = typeof plansFr;

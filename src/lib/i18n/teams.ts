// The teams admin (/admin/equipes): the organisations that carry measures.
export const teamsFr = {
	title: 'Équipes',
	lead: 'Les équipes portent les mesures : équipes de la DINUM, ministères, opérateurs. Les personnes y sont rattachées depuis la page de leur compte ; un rédacteur, ou un membre AMDAC dans l’équipe de son ministère, modifie les mesures que ses équipes portent.',
	caption: 'Équipes ({n})',
	create: 'Créer une équipe',
	createTitle: 'Nouvelle équipe',
	editTitle: 'Équipe {code}',
	editLabel: 'Modifier l’équipe {code}',
	submitCreate: 'Créer l’équipe',
	submitEdit: 'Enregistrer l’équipe',
	back: 'Retour à la liste des équipes',
	members: 'Membres',
	measures: 'Mesures portées',
	created: 'L’équipe est créée.',
	saved: 'L’équipe est enregistrée.',
	unchanged: 'Aucune modification.',
	fields: {
		code: 'Code',
		codeHint: 'Lettres majuscules, chiffres et « _ », par exemple MIN_CULTURE ; il apparaît dans l’historique des modifications.',
		name: 'Nom',
		nameEn: 'Nom en anglais (facultatif)',
		nameEnHint: 'Affiché sur les pages en anglais ; laissé vide, elles montrent le nom français.',
		kind: 'Nature',
		website: 'Site web (facultatif)',
		description: 'Description (facultatif)'
	},
	kinds: {
		DINUM_TEAM: 'Équipe de la DINUM',
		MINISTRY: 'Ministère',
		OPERATOR: 'Opérateur',
		OTHER: 'Autre'
	},
	errors: {
		forbidden: 'Seule l’administration gère les équipes.',
		codeTaken: 'Une équipe a déjà ce code.',
		codeFormat: 'Le code s’écrit en lettres majuscules, chiffres et « _ » (2 à 40 caractères), et commence par une lettre.',
		conflict: 'Quelqu’un a modifié cette équipe pendant que vous la modifiiez : vérifiez les valeurs enregistrées ci-dessous avant d’enregistrer de nouveau.'
	}
};

export type TeamsMessages = typeof teamsFr;

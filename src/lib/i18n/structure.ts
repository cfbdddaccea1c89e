// The structure of a plan (/admin/plans/<slug>/structure): axes and measures, their numbers,
// retired measures; and the words the public pages use for them.
export const structureFr = {
	title: 'Structure du plan',
	section: 'Plans',
	lead: 'Ajoutez, renommez et ordonnez les axes ; ajoutez une mesure à un axe, déplacez-la vers un autre axe ou retirez-la. Chaque changement est daté, signé et visible dans l’historique public.',
	numbersRule:
		'Les numéros publics sont stables : une mesure ne change de numéro que si vous la déplacez vers un autre axe et confirmez son nouveau numéro. L’ancienne adresse redirige alors vers la nouvelle, et l’ancien numéro n’est jamais donné à une autre mesure.',
	retiredRule:
		'Une mesure retirée n’est jamais supprimée : elle garde son numéro, sa page et son historique, apparaît comme retirée à partir de sa date de retrait et ne compte plus dans l’avancement du plan. Elle n’est plus modifiable, sauf pour la réintégrer.',
	axisHeading: 'Axe {number} : {title}',
	axisTitle: 'Titre de l’axe',
	axisTitleEn: 'Titre en anglais (facultatif)',
	rename: 'Renommer l’axe {number}',
	renameSubmit: 'Enregistrer le titre',
	moveUp: 'Monter l’axe {number}',
	moveDown: 'Descendre l’axe {number}',
	addAxis: 'Ajouter un axe',
	addAxisSubmit: 'Ajouter l’axe',
	addAxisHint: 'Il reçoit le numéro suivant et se place en dernier.',
	measuresCaption: 'Mesures de l’axe {number}',
	noMeasures: 'Aucune mesure dans cet axe.',
	number: 'Numéro',
	measureTitle: 'Mesure',
	leadOwner: 'Pilote',
	actions: 'Actions',
	formerNumbers: 'anciennement {numbers}',
	edit: 'Modifier la mesure {number}',
	owners: 'Porteurs de la mesure {number}',
	retiredBadge: 'Retirée',
	retiredOn: 'Retirée le {date}',
	addMeasure: 'Ajouter une mesure à l’axe {number}',
	addMeasureSubmit: 'Ajouter la mesure',
	addMeasureHint: 'Elle reçoit le numéro {number}.',
	fields: {
		title: 'Titre',
		titleEn: 'Titre en anglais (facultatif)',
		description: 'Description',
		leadOwnerId: 'Équipe pilote',
		contributorOwnerIds: 'Équipes contributrices (facultatif)',
		toAxisId: 'Vers l’axe',
		reason: 'Raison du retrait (publique)'
	},
	move: 'Déplacer la mesure {number}',
	moveSubmit: 'Déplacer…',
	confirmMove: {
		title: 'Déplacer la mesure {number} ?',
		lead: 'La mesure « {title} » passera de l’axe {from} à l’axe {to} et changera de numéro :',
		numbers: '{old} deviendra {new}.',
		redirect:
			'Les anciennes adresses (page, historique, flux) redirigeront vers le nouveau numéro ; le numéro {old} ne sera jamais donné à une autre mesure. L’historique public et la consultation à une date passée montreront l’ancien numéro avant aujourd’hui.',
		submit: 'Confirmer : renuméroter en {new}',
		cancel: 'Annuler'
	},
	retire: 'Retirer la mesure {number}',
	retireSubmit: 'Retirer la mesure',
	retireHint: 'Elle sera retirée à partir d’aujourd’hui, avec cette raison, sur sa page publique.',
	reinstate: 'Réintégrer la mesure {number}',
	reinstateSubmit: 'Réintégrer',
	saved: {
		axisAdded: 'L’axe est ajouté.',
		axisRenamed: 'L’axe est renommé.',
		axisMoved: 'L’axe est déplacé.',
		measureAdded: 'La mesure est ajoutée.',
		measureMoved: 'La mesure est déplacée et renumérotée ; son ancienne adresse redirige vers la nouvelle.',
		measureRetired: 'La mesure est retirée.',
		measureReinstated: 'La mesure est réintégrée.',
		unchanged: 'Aucune modification.'
	},
	errors: {
		forbidden: 'Seule l’administration modifie la structure d’un plan.',
		conflict: 'La structure du plan a changé pendant que vous la modifiiez : vérifiez la page rechargée avant de recommencer.',
		moveConflict: 'Le numéro proposé n’est plus libre ou la mesure a changé entre-temps : rien n’a été déplacé. Vérifiez la nouvelle proposition.',
		axisFull: 'Cet axe a atteint 999 mesures.',
		unknownOwner: 'Choisissez les équipes dans la liste.',
		sameAxis: 'La mesure est déjà dans cet axe.',
		retired: 'Une mesure retirée ne se déplace pas : réintégrez-la d’abord.',
		alreadyRetired: 'Cette mesure est déjà retirée.',
		notRetired: 'Cette mesure n’est pas retirée.',
		alreadyFirst: 'Cet axe est déjà le premier.',
		alreadyLast: 'Cet axe est déjà le dernier.',
		retiredReadOnly: 'La mesure {number} est retirée du plan : elle n’est plus modifiable. Un administrateur peut la réintégrer depuis la page « Structure du plan ».'
	},
	public: {
		retiredNotice: 'Mesure retirée le {date}',
		retiredBadge: 'Retirée',
		retiredCount: { one: '{n} mesure retirée, hors avancement', other: '{n} mesures retirées, hors avancement' }
	}
};

export type StructureMessages = typeof structureFr;

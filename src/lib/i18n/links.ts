// The dead-link watch: the public notice, the editors' replacement form, the count on the data page.
export const linksFr = {
	possiblyDead: 'Lien possiblement mort depuis le {date}',
	archive: 'Chercher ce lien dans les archives du Web',
	archiveContext: ' (« {title} », Internet Archive)',
	editor: {
		deadTitle: 'Lien possiblement mort depuis le {date}',
		movedTitle: 'Ce lien redirige définitivement vers une autre adresse',
		lastCheck: 'Dernière vérification le {date} : {status}.',
		suggested: 'Nouvelle adresse indiquée par le site : {url}',
		archive: 'Chercher une copie dans les archives du Web',
		newUrl: 'Nouvelle adresse du lien',
		newUrlHint: 'Elle remplace l’adresse de cette preuve ; le titre, le type et la date restent les mêmes.',
		updateSourceHint: 'Elle remplace cette source de la mise à jour publiée ; son texte et ses autres sources restent les mêmes.',
		valueSourceHint: 'Elle remplace la source de cette valeur ; le chiffre et sa date restent les mêmes.',
		updateSubject: 'source {url} de la mise à jour du {date}',
		valueSubject: 'source de la valeur du {date}',
		submit: 'Remplacer le lien',
		submitContext: ' « {title} »'
	},
	statuses: {
		timeout: 'pas de réponse dans le délai',
		refused: 'connexion refusée',
		dns: 'nom de domaine introuvable',
		'private-address': 'adresse non publique',
		scheme: 'adresse non web',
		'too-many-redirects': 'trop de redirections',
		'too-large': 'réponse trop volumineuse',
		network: 'erreur réseau',
		http: 'réponse HTTP {code}'
	},
	data: {
		title: 'Liens à vérifier',
		count: { one: '{n} lien de preuve ou de source possiblement mort', other: '{n} liens de preuve ou de source possiblement morts' },
		none: 'Aucun lien de preuve ou de source n’est possiblement mort.',
		rule: 'Jalons vérifie chaque jour les liens de preuve et les sources des mises à jour et des indicateurs. Un lien est dit possiblement mort quand il a échoué à trois vérifications de suite étalées sur au moins sept jours.'
	}
};

export type LinksMessages = typeof linksFr;

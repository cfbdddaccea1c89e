// Indicators fed from open data: the feed form of the indicators editing page, its errors, and the
// "automatique" mention of collected values.
export const feedsFr = {
	title: 'Collecte automatique',
	lead: 'Jalons peut relever lui-même la valeur de cet indicateur dans un fichier de données ouvertes (CSV ou JSON), chaque jour ou chaque semaine. Chaque valeur relevée est ajoutée avec l’adresse du fichier comme source ; une valeur inchangée n’est pas ajoutée de nouveau.',
	none: 'Aucune collecte automatique n’est configurée pour cet indicateur.',
	configure: 'Configurer la collecte automatique de « {name} »',
	edit: 'Modifier la collecte automatique de « {name} »',
	submitCreate: 'Activer la collecte',
	submitEdit: 'Enregistrer la collecte',
	remove: 'Arrêter la collecte',
	summary: 'Fichier {format}, collecte {schedule}.',
	lastSuccess: 'Dernière collecte réussie : {date}.',
	neverSucceeded: 'Aucune collecte réussie pour l’instant.',
	notice: 'La collecte automatique de l’indicateur « {name} » échoue.',
	noticeLink: 'Voir l’erreur',
	automatic: 'automatique',
	automaticTitle: 'Valeur relevée automatiquement dans la source',
	failing: {
		title: 'La collecte automatique échoue',
		body: {
			one: 'La collecte a échoué {n} fois : {error}',
			other: 'La collecte a échoué {n} fois de suite. Dernière erreur : {error}'
		},
		since: 'Dernière collecte réussie : {date}.',
		never: 'Aucune collecte n’a encore réussi.',
		advice: 'Aucune valeur n’a été ajoutée. Vérifiez l’adresse et l’emplacement de la valeur ci-dessous, ou ajoutez la valeur à la main.',
		detail: 'Détail : {detail}'
	},
	schedules: { DAILY: 'quotidienne', WEEKLY: 'hebdomadaire' },
	formats: { CSV: 'CSV', JSON: 'JSON' },
	fields: {
		url: 'Adresse du fichier',
		urlHint: 'Une adresse https:// de données ouvertes, par exemple sur data.gouv.fr.',
		format: 'Format',
		valuePath: 'Emplacement de la valeur',
		valuePathHint: 'CSV : le nom de la colonne (la dernière ligne est lue). JSON : un pointeur JSON (RFC 6901), par exemple /data/0/total.',
		filterColumn: 'Colonne de filtre (CSV, facultatif)',
		filterColumnHint: 'Pour ne lire que les lignes où cette colonne vaut la valeur ci-dessous (la dernière est retenue).',
		filterValue: 'Valeur du filtre (CSV, facultatif)',
		datePath: 'Emplacement de la date (facultatif)',
		datePathHint: 'Colonne (CSV) ou pointeur JSON de la date (2026-03-31 ou 31/03/2026). Laissé vide : la valeur est datée du jour de la collecte.',
		schedule: 'Fréquence'
	},
	errors: {
		network: 'le serveur n’a pas pu être joint.',
		timeout: 'le serveur n’a pas répondu à temps.',
		refused: 'le serveur a refusé la connexion.',
		blocked: 'cette adresse n’est pas autorisée (adresse privée ou protocole non pris en charge).',
		'too-large': 'le fichier est trop volumineux.',
		http: 'le serveur a répondu par une erreur HTTP.',
		empty: 'le fichier est vide.',
		unparseable: 'le fichier n’a pas pu être lu dans le format choisi.',
		'column-missing': 'une colonne attendue n’existe plus dans le fichier (son format a peut-être changé).',
		'row-missing': 'aucune ligne ne correspond au filtre.',
		'value-missing': 'la valeur est absente à l’emplacement indiqué.',
		'value-not-number': 'la valeur trouvée n’est pas un nombre.',
		'date-missing': 'la date est absente à l’emplacement indiqué.',
		'date-invalid': 'la date trouvée n’est pas une date lisible.',
		unknown: 'erreur inconnue.',
		filterWithoutValue: 'Donnez la colonne et la valeur du filtre, ou aucune des deux.',
		filterOnlyCsv: 'Le filtre ne s’applique qu’aux fichiers CSV : laissez ces champs vides pour un fichier JSON.',
		pointer: 'Pour un fichier JSON, saisissez un pointeur JSON qui commence par « / », par exemple /data/0/total.',
		conflict: 'Quelqu’un a modifié cette collecte pendant que vous la modifiiez : vérifiez les valeurs enregistrées avant d’enregistrer de nouveau.'
	}
};

export type FeedsMessages = typeof feedsFr;

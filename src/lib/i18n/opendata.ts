// Interface text of the open data pages, downloads, API and feeds. French first; English must have every key.
// The column descriptions below are also the descriptions of the Table Schema files: one text, everywhere.
const precisionFr =
	'Précision de la date : DAY (jour), MONTH (mois), QUARTER (trimestre), SEMESTER (semestre), YEAR (année) ou CONTINUOUS (en continu, sans date). La date donnée est le premier jour de la période.';

export const opendataFr = {
	title: 'Données ouvertes',
	pageTitle: 'Données ouvertes – {plan} – Jalons',
	metaDescription: 'Téléchargez les données du plan « {plan} » en CSV et en JSON avec leurs schémas, utilisez l’API et abonnez-vous aux flux Atom.',
	lead: 'Toutes les données publiques de ce plan se téléchargent librement, sans compte : mesures, jalons, preuves, indicateurs et leurs valeurs, mises à jour publiées, liens avec d’autres plans. Les fichiers sont produits à la demande : ils reflètent toujours l’état actuel du suivi.',
	howTo:
		'Chaque jeu de données existe en CSV (UTF-8 sans BOM, virgule comme séparateur, une ligne d’en-tête) et en JSON (un tableau d’objets aux mêmes noms de colonnes), avec un schéma au format Table Schema qui décrit chaque colonne. La colonne id est un identifiant stable : elle relie les fichiers entre eux et permet de suivre une ligne d’une version à l’autre ; les mesures gardent aussi leur numéro public (« 2.2 »).',
	formulaNote:
		'Pour qu’un tableur n’exécute jamais de formule, une cellule de texte qui commence par =, +, -, @ ou une tabulation est précédée d’une apostrophe dans les fichiers CSV (pas dans les fichiers JSON). Une cellule vide signifie « non renseigné », jamais zéro.',
	drafts: 'Seules les mises à jour publiées figurent dans ces fichiers : les brouillons des équipes n’en font jamais partie.',
	licenceTitle: 'Licence',
	licence:
		'Ces données sont publiées sous {licence}. Vous pouvez les copier, les modifier et les réutiliser librement, y compris à des fins commerciales, en mentionnant leur source (« Jalons – {plan} ») et la date de leur dernière mise à jour.',
	datasetsTitle: 'Jeux de données',
	datasetsCaption: 'Jeux de données du plan, nombre de lignes et téléchargements',
	datasetColumn: 'Jeu de données',
	rowsColumn: 'Lignes',
	downloadsColumn: 'Téléchargements',
	rowCount: { one: '{n} ligne', other: '{n} lignes' },
	downloadLabel: '{format}',
	downloadHidden: ' : {dataset}',
	schemaLabel: 'Schéma',
	fileDetail: '{format} – {size}',
	fieldsSummary: 'Colonnes de « {dataset} » ({n})',
	fieldsCaption: 'Colonnes du jeu de données « {dataset} »',
	fieldName: 'Colonne',
	fieldType: 'Type',
	fieldDescription: 'Description',
	required: 'toujours renseignée',
	allowedValues: 'Valeurs possibles : {values}.',
	types: {
		string: 'texte',
		integer: 'entier',
		number: 'nombre',
		boolean: 'booléen (true ou false)',
		date: 'date (AAAA-MM-JJ)',
		datetime: 'date et heure (UTC)',
		array: 'liste (tableau JSON)'
	},
	sizes: { bytes: '{n} o', kilobytes: '{n} ko', megabytes: '{n} Mo' },
	packageTitle: 'Tout le plan en un fichier',
	packageText:
		'Le fichier datapackage.json (format Data Package) décrit tous les jeux de données CSV, leurs schémas, leurs liens entre eux et la licence : des outils comme frictionless le lisent directement pour valider ou charger les données.',
	packageLink: 'Descripteur du paquet de données (datapackage.json)',
	apiTitle: 'API',
	apiText:
		'Une API en lecture seule, sans clé ni compte, donne les mêmes données que les pages, au format JSON. Elle accepte les requêtes depuis n’importe quel site (CORS) et sa description complète est un document OpenAPI 3.1.',
	apiPagination:
		'La liste des mesures est paginée : paramètres page (à partir de 1) et per_page (20 par défaut, 100 au plus). La réponse donne le total (champ meta.total et en-tête X-Total-Count) et des liens vers les pages voisines (en-tête Link).',
	apiCaching: 'Chaque réponse porte un ETag : renvoyez-le dans l’en-tête If-None-Match pour recevoir une réponse 304 sans corps tant que rien n’a changé.',
	apiEndpointsCaption: 'Adresses de l’API pour ce plan',
	apiEndpoint: 'Adresse',
	apiContent: 'Contenu',
	apiEndpoints: {
		openapi: 'Description OpenAPI 3.1 de l’API',
		plans: 'Liste des plans suivis',
		plan: 'Le plan, ses axes et son avancement',
		measures: 'Les mesures du plan, paginées',
		measure: 'Une mesure avec ses jalons, preuves, indicateurs et mises à jour publiées',
		owners: 'Les équipes porteuses et leurs mesures'
	},
	feedsTitle: 'Flux Atom',
	feedsText:
		'Abonnez-vous dans votre lecteur de flux pour être prévenu des mises à jour publiées, des changements de statut et des jalons atteints : pour tout le plan, pour un axe ou pour une mesure.',
	feedPlan: 'Tout le plan',
	feedAxis: 'Axe {n} : {title}',
	feedMeasure: 'Mesure {n} : {title}',
	feedMeasuresSummary: 'Un flux par mesure',
	feedMeasuresPattern: 'Chaque mesure a son flux, dont l’adresse se termine par le numéro de la mesure. Par exemple :',
	datasets: {
		mesures: {
			title: 'Mesures',
			description: 'Une ligne par mesure du plan : statut, avancement, confiance, calendrier et porteurs.',
			fields: {
				id: 'Identifiant stable de la mesure.',
				numero: 'Numéro public de la mesure (« 2.2 ») : il ne change jamais.',
				axe_numero: 'Numéro de l’axe du plan auquel la mesure appartient.',
				axe_titre: 'Intitulé de l’axe.',
				titre: 'Intitulé de la mesure.',
				description: 'Description de la mesure.',
				sous_actions: 'Actions prévues par la mesure.',
				porteur_code: 'Code de l’équipe qui porte la mesure.',
				porteur_nom: 'Nom de l’équipe qui porte la mesure.',
				contributeurs: 'Codes des équipes qui contribuent à la mesure.',
				statut:
					'Statut : NOT_STARTED (non commencée), IN_PROGRESS (en cours), DONE (réalisée), CONTINUOUS (action continue) ou ABANDONED (abandonnée). Vide : aucune source ne donne le statut, Jalons ne l’invente pas.',
				statut_libelle: 'Statut en clair, « Statut non renseigné » compris.',
				statut_date: 'Date à laquelle le statut a été établi.',
				avancement_methode:
					'Méthode de calcul de l’avancement : MANUAL (saisi par l’équipe), MILESTONES (part pondérée des jalons atteints) ou INDICATOR (chemin parcouru vers la cible du premier indicateur).',
				avancement: 'Avancement en pourcentage (0 à 100). Vide : inconnu, ce qui ne veut pas dire 0.',
				avancement_date: 'Date de l’avancement.',
				confiance: 'Confiance de l’équipe dans l’échéance : ON_TRACK (dans les temps), AT_RISK (à risque) ou OFF_TRACK (en retard). Vide : non renseignée.',
				confiance_explication: 'Explication donnée par l’équipe pour sa confiance.',
				confiance_date: 'Date de la confiance.',
				debut_prevu: 'Début prévu (premier jour de la période).',
				debut_prevu_precision: precisionFr,
				fin_prevue: 'Fin prévue (premier jour de la période ; l’échéance est le dernier jour de cette période).',
				fin_prevue_precision: precisionFr,
				en_retard: 'true si la fin prévue est passée et que la mesure n’est ni réalisée, ni abandonnée, ni retirée, à la date de production du fichier.',
				retiree_le: 'Date à laquelle la mesure a été retirée du plan (elle garde son numéro et sa page, mais ne compte plus dans l’avancement). Vide : mesure en vigueur.',
				retrait_raison: 'Raison du retrait. Vide : mesure en vigueur.',
				url: 'Adresse de la page publique de la mesure.'
			}
		},
		jalons: {
			title: 'Jalons',
			description: 'Une ligne par jalon : échéance prévue, prévision, date de réalisation, poids et replanifications.',
			fields: {
				id: 'Identifiant stable du jalon.',
				mesure_id: 'Identifiant de la mesure (colonne id du fichier des mesures).',
				mesure_numero: 'Numéro public de la mesure.',
				position: 'Ordre du jalon dans sa mesure (croissant).',
				titre: 'Intitulé du jalon.',
				description: 'Description du jalon.',
				date_prevue: 'Échéance prévue (premier jour de la période). Une échéance replanifiée garde son historique : voir replanifications.',
				date_prevue_precision: precisionFr,
				date_prevision: 'Nouvelle date prévue par l’équipe, quand elle en donne une.',
				realise_le: 'Date à laquelle le jalon a été atteint. Vide : pas encore atteint.',
				poids: 'Poids du jalon dans le calcul de l’avancement de la mesure.',
				en_retard: 'true si l’échéance est passée sans que le jalon soit atteint, à la date de production du fichier.',
				replanifications: 'Nombre de fois où l’échéance a été replanifiée.'
			}
		},
		preuves: {
			title: 'Preuves et liens',
			description: 'Une ligne par preuve publiée : document, site, code source ou article qui atteste de l’avancement.',
			fields: {
				id: 'Identifiant stable de la preuve.',
				mesure_id: 'Identifiant de la mesure.',
				mesure_numero: 'Numéro public de la mesure.',
				jalon_id: 'Identifiant du jalon que la preuve atteste, le cas échéant.',
				titre: 'Intitulé de la preuve.',
				url: 'Adresse de la preuve.',
				type: 'Nature : WEBSITE (site), DOCUMENT, SOURCE_CODE (code source), ARTICLE, DATASET (données), EVENT (événement) ou OTHER (autre).',
				date: 'Date de la preuve (premier jour de la période).',
				date_precision: precisionFr
			}
		},
		indicateurs: {
			title: 'Indicateurs',
			description: 'Une ligne par indicateur : unité, valeur de départ, cible, dernière valeur connue et avancement vers la cible.',
			fields: {
				id: 'Identifiant stable de l’indicateur.',
				mesure_id: 'Identifiant de la mesure.',
				mesure_numero: 'Numéro public de la mesure.',
				position: 'Ordre de l’indicateur dans sa mesure (croissant) ; le premier sert au calcul de l’avancement de la mesure.',
				nom: 'Nom de l’indicateur.',
				description: 'Description de l’indicateur.',
				unite: 'Unité des valeurs.',
				valeur_depart: 'Valeur de départ.',
				date_depart: 'Date de la valeur de départ.',
				cible: 'Valeur cible. Vide : aucune source ne fixe de cible.',
				date_cible: 'Date à laquelle la cible doit être atteinte.',
				sens: 'Sens attendu : UP (doit augmenter) ou DOWN (doit baisser).',
				derniere_valeur: 'Dernière valeur connue.',
				derniere_valeur_date: 'Date de la dernière valeur connue.',
				avancement: 'Chemin parcouru de la valeur de départ vers la cible, en pourcentage (0 à 100). Vide : inconnu (pas de cible ou pas de valeur).'
			}
		},
		'valeurs-indicateurs': {
			title: 'Valeurs des indicateurs',
			description: 'Une ligne par valeur datée et sourcée d’un indicateur.',
			fields: {
				id: 'Identifiant stable de la valeur.',
				indicateur_id: 'Identifiant de l’indicateur (colonne id du fichier des indicateurs).',
				mesure_id: 'Identifiant de la mesure.',
				mesure_numero: 'Numéro public de la mesure.',
				date: 'Date de la valeur (premier jour de la période).',
				date_precision: precisionFr,
				valeur: 'Valeur, dans l’unité de l’indicateur.',
				qualificatif: 'Comment la source qualifie la valeur (« plus de », « près de »).',
				source_url: 'Adresse de la source de la valeur.',
				note: 'Remarque sur la valeur.',
				automatique: 'true si la valeur a été relevée automatiquement dans sa source (collecte automatique de l’indicateur), false si une personne l’a saisie.'
			}
		},
		'mises-a-jour': {
			title: 'Mises à jour publiées',
			description: 'Une ligne par fait daté et sourcé publié, pour une mesure ou pour tout le plan (mesure vide). Les brouillons n’y figurent jamais.',
			fields: {
				id: 'Identifiant stable de la mise à jour.',
				portee: 'plan : fait qui concerne tout le plan (mesure_id et mesure_numero sont alors vides) ; mesure : fait qui concerne une mesure.',
				mesure_id: 'Identifiant de la mesure concernée. Vide : fait concernant tout le plan.',
				mesure_numero: 'Numéro public de la mesure concernée. Vide : fait concernant tout le plan.',
				date: 'Date du fait (premier jour de la période).',
				date_precision: precisionFr,
				texte: 'Ce qui s’est passé.',
				blocages: 'Points de blocage signalés.',
				prochaines_etapes: 'Prochaines étapes annoncées.',
				sources: 'Adresses des sources du fait.',
				publie_le: 'Date et heure de publication (UTC).'
			}
		},
		successions: {
			title: 'D’un plan à l’autre',
			description:
				'Une ligne par lien entre une mesure de ce plan et une mesure d’un autre plan : ce qu’elle est devenue dans un plan plus récent (poursuivie, fusionnée, remplacée, ou abandonnée avec sa raison), ou la mesure d’un plan plus ancien qu’elle poursuit.',
			fields: {
				id: 'Identifiant stable du lien.',
				sens: 'suite : la mesure de ce plan se poursuit dans un autre plan (ou a été abandonnée) ; origine : elle poursuit une mesure d’un plan plus ancien.',
				mesure_id: 'Identifiant de la mesure de ce plan (colonne id du fichier des mesures).',
				mesure_numero: 'Numéro public de la mesure de ce plan.',
				type: 'CONTINUED_BY (poursuivie par), MERGED_INTO (fusionnée dans), REPLACED_BY (remplacée par) ou ABANDONED (abandonnée), toujours lu depuis la mesure la plus ancienne.',
				type_libelle: 'Le lien en clair, lu depuis la mesure de ce plan.',
				autre_plan: 'Identifiant (slug) de l’autre plan. Vide pour un abandon.',
				autre_mesure_numero: 'Numéro public de la mesure dans l’autre plan. Vide pour un abandon.',
				autre_mesure_url: 'Adresse de la page publique de l’autre mesure. Vide pour un abandon.',
				raison: 'Raison donnée, obligatoire pour un abandon.',
				enregistre_le: 'Date à laquelle le lien a été enregistré dans Jalons.'
			}
		}
	},
	api: {
		notFound: 'Ressource introuvable. La description de l’API est à l’adresse /api/v1/openapi.json.',
		planNotFound: 'Aucun plan ne porte l’identifiant « {slug} ».',
		measureNotFound: 'Le plan « {slug} » n’a pas de mesure numéro « {number} ».',
		badInteger: 'Le paramètre « {name} » doit être un nombre entier compris entre {min} et {max}.',
		unavailable: 'Service momentanément indisponible : merci de réessayer dans quelques instants.',
		internal: 'Erreur interne du service. Identifiant de la requête : {id}.'
	},
	openapi: {
		title: 'API Jalons',
		description:
			'API publique en lecture seule de Jalons, le suivi public des plans d’action de l’État. Sans clé ni compte ; CORS ouvert ; réponses en JSON avec ETag (If-None-Match → 304). Les contenus sont sous Licence Ouverte 2.0. Les erreurs ont la forme { "error": "message" }.',
		tags: { plans: 'Plans', measures: 'Mesures', owners: 'Porteurs', meta: 'Description' },
		root: 'Point d’entrée : liens vers les plans, les porteurs et cette description.',
		openapi: 'Cette description OpenAPI 3.1.',
		plans: 'Liste des plans suivis.',
		plan: 'Un plan, son avancement global et ses axes.',
		measures: 'Mesures d’un plan, dans l’ordre du plan, paginées.',
		measure:
			'Une mesure : description, statut, avancement, confiance, calendrier, porteurs, jalons, preuves, indicateurs avec leurs valeurs et mises à jour publiées (jamais les brouillons).',
		owners: 'Équipes porteuses et mesures qu’elles portent ou auxquelles elles contribuent.',
		slug: 'Identifiant du plan dans les adresses.',
		number: 'Numéro public de la mesure, par exemple 2.2.',
		page: 'Numéro de page, à partir de 1.',
		perPage: 'Nombre de mesures par page (100 au plus).',
		ok: 'Réponse réussie.',
		notModified: 'Rien n’a changé depuis l’ETag envoyé dans If-None-Match.',
		badRequest: 'Paramètre invalide.',
		notFound: 'Plan ou mesure introuvable.',
		unavailable: 'Base de données momentanément indisponible.',
		totalCount: 'Nombre total de mesures.',
		link: 'Liens vers les pages first, prev, next et last (RFC 8288).',
		etag: 'Empreinte du corps de la réponse.',
		progress: 'Avancement en pourcentage ; null quand il est inconnu (jamais 0 par défaut).',
		rollUp: 'Moyenne des avancements connus, avec le nombre de mesures connues et inconnues.',
		preciseDate: 'Date avec sa précision : start est le premier jour de la période (null pour CONTINUOUS).',
		status: 'Statut ; NOT_REPORTED quand aucune source ne le donne.',
		error: 'Message d’erreur en français.'
	},
	feed: {
		planTitle: '{plan} – Jalons',
		axisTitle: 'Axe {n} : {axis} – Jalons',
		measureTitle: 'Mesure {n} : {measure} – Jalons',
		subtitle: 'Mises à jour publiées, changements de statut et jalons atteints.',
		author: 'Jalons',
		updateTitle: 'Mesure {n}, {date} : {excerpt}',
		planUpdateTitle: 'Plan, {date} : {excerpt}',
		statusTitle: 'Mesure {n} : statut « {status} »',
		statusContent: 'Le statut de la mesure {n} « {measure} » passe de « {before} » à « {after} ».',
		milestoneTitle: 'Mesure {n} : jalon atteint, {milestone}',
		milestoneContent: 'Le jalon « {milestone} » de la mesure {n} « {measure} » a été atteint le {date}.',
		blockers: 'Points de blocage',
		nextSteps: 'Prochaines étapes',
		sources: 'Sources',
		categories: { update: 'Mise à jour', status: 'Statut', milestone: 'Jalon' }
	}
};

export type OpendataMessages = typeof opendataFr;

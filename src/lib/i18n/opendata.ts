// Interface text of the open data pages, downloads, API and feeds. French first; English must have every key.
// The column descriptions below are also the descriptions of the Table Schema files: one text, everywhere.
const precisionFr =
	'Précision de la date : DAY (jour), MONTH (mois), QUARTER (trimestre), SEMESTER (semestre), YEAR (année) ou CONTINUOUS (en continu, sans date). La date donnée est le premier jour de la période.';
const precisionEn =
	'Precision of the date: DAY, MONTH, QUARTER, SEMESTER, YEAR or CONTINUOUS (ongoing, no date). The date given is the first day of the period.';

export const opendataFr = {
	title: 'Données ouvertes',
	pageTitle: 'Données ouvertes – {plan} – Jalons',
	metaDescription: 'Téléchargez les données du plan « {plan} » en CSV et en JSON avec leurs schémas, utilisez l’API et abonnez-vous aux flux Atom.',
	lead: 'Toutes les données publiques de ce plan se téléchargent librement, sans compte : mesures, jalons, preuves, indicateurs et leurs valeurs, mises à jour publiées. Les fichiers sont produits à la demande : ils reflètent toujours l’état actuel du suivi.',
	howTo:
		'Chaque jeu de données existe en CSV (UTF-8 sans BOM, virgule comme séparateur, une ligne d’en-tête) et en JSON (un tableau d’objets aux mêmes noms de colonnes), avec un schéma au format Table Schema qui décrit chaque colonne. La colonne id est un identifiant stable : elle relie les fichiers entre eux et permet de suivre une ligne d’une version à l’autre ; les mesures gardent aussi leur numéro public (« 2.2 »).',
	formulaNote:
		'Pour qu’un tableur n’exécute jamais de formule, une cellule de texte qui commence par =, +, -, @ ou une tabulation est précédée d’une apostrophe dans les fichiers CSV (pas dans les fichiers JSON). Une cellule vide signifie « non renseigné », jamais zéro.',
	drafts: 'Seules les mises à jour publiées figurent dans ces fichiers : les brouillons des équipes n’en font jamais partie.',
	licenceTitle: 'Licence',
	licence: 'Ces données sont publiées sous {licence}. Vous pouvez les copier, les modifier et les réutiliser librement, y compris à des fins commerciales, en mentionnant leur source (« Jalons – {plan} ») et la date de leur dernière mise à jour.',
	datasetsTitle: 'Jeux de données',
	datasetsCaption: 'Jeux de données du plan, nombre de lignes et téléchargements',
	datasetColumn: 'Jeu de données',
	rowsColumn: 'Lignes',
	downloadsColumn: 'Téléchargements',
	rowCount: '{n} ligne(s)',
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
	apiCaching:
		'Chaque réponse porte un ETag : renvoyez-le dans l’en-tête If-None-Match pour recevoir une réponse 304 sans corps tant que rien n’a changé.',
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
				statut: 'Statut : NOT_STARTED (non commencée), IN_PROGRESS (en cours), DONE (réalisée), CONTINUOUS (action continue) ou ABANDONED (abandonnée). Vide : aucune source ne donne le statut, Jalons ne l’invente pas.',
				statut_libelle: 'Statut en clair, « Statut non renseigné » compris.',
				statut_date: 'Date à laquelle le statut a été établi.',
				avancement_methode: 'Méthode de calcul de l’avancement : MANUAL (saisi par l’équipe), MILESTONES (part pondérée des jalons atteints) ou INDICATOR (chemin parcouru vers la cible du premier indicateur).',
				avancement: 'Avancement en pourcentage (0 à 100). Vide : inconnu, ce qui ne veut pas dire 0.',
				avancement_date: 'Date de l’avancement.',
				confiance: 'Confiance de l’équipe dans l’échéance : ON_TRACK (dans les temps), AT_RISK (à risque) ou OFF_TRACK (en retard). Vide : non renseignée.',
				confiance_explication: 'Explication donnée par l’équipe pour sa confiance.',
				confiance_date: 'Date de la confiance.',
				debut_prevu: 'Début prévu (premier jour de la période).',
				debut_prevu_precision: precisionFr,
				fin_prevue: 'Fin prévue (premier jour de la période ; l’échéance est le dernier jour de cette période).',
				fin_prevue_precision: precisionFr,
				en_retard: 'true si la fin prévue est passée et que la mesure n’est ni réalisée ni abandonnée, à la date de production du fichier.',
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
				note: 'Remarque sur la valeur.'
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
		measure: 'Une mesure : description, statut, avancement, confiance, calendrier, porteurs, jalons, preuves, indicateurs avec leurs valeurs et mises à jour publiées (jamais les brouillons).',
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

export const opendataEn: OpendataMessages = {
	title: 'Open data',
	pageTitle: 'Open data – {plan} – Jalons',
	metaDescription: 'Download the data of the plan “{plan}” as CSV and JSON with their schemas, use the API and subscribe to the Atom feeds.',
	lead: 'All the public data of this plan can be downloaded freely, without an account: measures, milestones, evidence, indicators and their values, published updates. Files are produced on request: they always reflect the current state of the tracking.',
	howTo:
		'Each dataset comes as CSV (UTF-8 without BOM, comma separator, one header row) and as JSON (an array of objects with the same column names), with a Table Schema describing each column. The id column is a stable identifier: it links the files together and follows a row from one version to the next; measures also keep their public number (“2.2”).',
	formulaNote:
		'So that a spreadsheet never runs a formula, a text cell starting with =, +, -, @ or a tab is prefixed with an apostrophe in CSV files (not in JSON files). An empty cell means “not reported”, never zero.',
	drafts: 'Only published updates are in these files: the teams’ drafts never are.',
	licenceTitle: 'Licence',
	licence: 'This data is published under the {licence}. You may copy, modify and reuse it freely, including for commercial purposes, provided you mention its source (“Jalons – {plan}”) and the date of its last update.',
	datasetsTitle: 'Datasets',
	datasetsCaption: 'Datasets of the plan, row counts and downloads',
	datasetColumn: 'Dataset',
	rowsColumn: 'Rows',
	downloadsColumn: 'Downloads',
	rowCount: '{n} row(s)',
	downloadLabel: '{format}',
	downloadHidden: ': {dataset}',
	schemaLabel: 'Schema',
	fileDetail: '{format} – {size}',
	fieldsSummary: 'Columns of “{dataset}” ({n})',
	fieldsCaption: 'Columns of the dataset “{dataset}”',
	fieldName: 'Column',
	fieldType: 'Type',
	fieldDescription: 'Description',
	required: 'always filled in',
	allowedValues: 'Allowed values: {values}.',
	types: {
		string: 'text',
		integer: 'integer',
		number: 'number',
		boolean: 'boolean (true or false)',
		date: 'date (YYYY-MM-DD)',
		datetime: 'date and time (UTC)',
		array: 'list (JSON array)'
	},
	sizes: { bytes: '{n} B', kilobytes: '{n} kB', megabytes: '{n} MB' },
	packageTitle: 'The whole plan in one file',
	packageText:
		'The datapackage.json file (Data Package format) describes every CSV dataset, its schema, the links between them and the licence: tools such as frictionless read it directly to validate or load the data.',
	packageLink: 'Data package descriptor (datapackage.json)',
	apiTitle: 'API',
	apiText:
		'A read-only API, with no key and no account, gives the same data as the pages, as JSON. It accepts requests from any website (CORS) and is fully described by an OpenAPI 3.1 document.',
	apiPagination:
		'The list of measures is paginated: parameters page (from 1) and per_page (20 by default, 100 at most). The response gives the total (meta.total field and X-Total-Count header) and links to the neighbouring pages (Link header).',
	apiCaching:
		'Every response carries an ETag: send it back in the If-None-Match header to get a 304 response with no body as long as nothing changed.',
	apiEndpointsCaption: 'API addresses for this plan',
	apiEndpoint: 'Address',
	apiContent: 'Content',
	apiEndpoints: {
		openapi: 'OpenAPI 3.1 description of the API',
		plans: 'List of the tracked plans',
		plan: 'The plan, its axes and its progress',
		measures: 'The measures of the plan, paginated',
		measure: 'One measure with its milestones, evidence, indicators and published updates',
		owners: 'The owner teams and their measures'
	},
	feedsTitle: 'Atom feeds',
	feedsText:
		'Subscribe in your feed reader to hear about published updates, status changes and milestones reached: for the whole plan, for an axis or for a measure.',
	feedPlan: 'The whole plan',
	feedAxis: 'Axis {n}: {title}',
	feedMeasure: 'Measure {n}: {title}',
	feedMeasuresSummary: 'One feed per measure',
	datasets: {
		mesures: {
			title: 'Measures',
			description: 'One row per measure of the plan: status, progress, confidence, schedule and owners.',
			fields: {
				id: 'Stable identifier of the measure.',
				numero: 'Public number of the measure (“2.2”): it never changes.',
				axe_numero: 'Number of the plan axis the measure belongs to.',
				axe_titre: 'Title of the axis.',
				titre: 'Title of the measure.',
				description: 'Description of the measure.',
				sous_actions: 'Actions the measure plans.',
				porteur_code: 'Code of the team that leads the measure.',
				porteur_nom: 'Name of the team that leads the measure.',
				contributeurs: 'Codes of the teams that contribute to the measure.',
				statut: 'Status: NOT_STARTED, IN_PROGRESS, DONE, CONTINUOUS (ongoing action) or ABANDONED. Empty: no source gives the status, and Jalons does not invent one.',
				statut_libelle: 'Status in words (in French), “Statut non renseigné” included.',
				statut_date: 'Date on which the status was established.',
				avancement_methode: 'How progress is computed: MANUAL (entered by the team), MILESTONES (weighted share of milestones reached) or INDICATOR (way travelled towards the first indicator’s target).',
				avancement: 'Progress as a percentage (0 to 100). Empty: unknown, which does not mean 0.',
				avancement_date: 'Date of the progress figure.',
				confiance: 'The team’s confidence in the deadline: ON_TRACK, AT_RISK or OFF_TRACK. Empty: not reported.',
				confiance_explication: 'The team’s explanation of its confidence.',
				confiance_date: 'Date of the confidence.',
				debut_prevu: 'Planned start (first day of the period).',
				debut_prevu_precision: precisionEn,
				fin_prevue: 'Planned end (first day of the period; the deadline is the last day of that period).',
				fin_prevue_precision: precisionEn,
				en_retard: 'true when the planned end has passed and the measure is neither done nor abandoned, on the day the file was produced.',
				url: 'Address of the measure’s public page.'
			}
		},
		jalons: {
			title: 'Milestones',
			description: 'One row per milestone: planned deadline, forecast, date reached, weight and re-plannings.',
			fields: {
				id: 'Stable identifier of the milestone.',
				mesure_id: 'Identifier of the measure (id column of the measures file).',
				mesure_numero: 'Public number of the measure.',
				position: 'Order of the milestone within its measure (ascending).',
				titre: 'Title of the milestone.',
				description: 'Description of the milestone.',
				date_prevue: 'Planned deadline (first day of the period). A re-planned deadline keeps its history: see replanifications.',
				date_prevue_precision: precisionEn,
				date_prevision: 'New date forecast by the team, when it gives one.',
				realise_le: 'Date on which the milestone was reached. Empty: not reached yet.',
				poids: 'Weight of the milestone in the measure’s progress.',
				en_retard: 'true when the deadline has passed without the milestone being reached, on the day the file was produced.',
				replanifications: 'Number of times the deadline was re-planned.'
			}
		},
		preuves: {
			title: 'Evidence and links',
			description: 'One row per published piece of evidence: document, website, source code or article attesting progress.',
			fields: {
				id: 'Stable identifier of the evidence.',
				mesure_id: 'Identifier of the measure.',
				mesure_numero: 'Public number of the measure.',
				jalon_id: 'Identifier of the milestone the evidence attests, if any.',
				titre: 'Title of the evidence.',
				url: 'Address of the evidence.',
				type: 'Kind: WEBSITE, DOCUMENT, SOURCE_CODE, ARTICLE, DATASET, EVENT or OTHER.',
				date: 'Date of the evidence (first day of the period).',
				date_precision: precisionEn
			}
		},
		indicateurs: {
			title: 'Indicators',
			description: 'One row per indicator: unit, baseline, target, latest known value and progress towards the target.',
			fields: {
				id: 'Stable identifier of the indicator.',
				mesure_id: 'Identifier of the measure.',
				mesure_numero: 'Public number of the measure.',
				position: 'Order of the indicator within its measure (ascending); the first one is used for the measure’s progress.',
				nom: 'Name of the indicator.',
				description: 'Description of the indicator.',
				unite: 'Unit of the values.',
				valeur_depart: 'Baseline value.',
				date_depart: 'Date of the baseline.',
				cible: 'Target value. Empty: no source sets a target.',
				date_cible: 'Date by which the target should be reached.',
				sens: 'Expected direction: UP or DOWN.',
				derniere_valeur: 'Latest known value.',
				derniere_valeur_date: 'Date of the latest known value.',
				avancement: 'Way travelled from the baseline towards the target, as a percentage (0 to 100). Empty: unknown (no target or no value).'
			}
		},
		'valeurs-indicateurs': {
			title: 'Indicator values',
			description: 'One row per dated and sourced value of an indicator.',
			fields: {
				id: 'Stable identifier of the value.',
				indicateur_id: 'Identifier of the indicator (id column of the indicators file).',
				mesure_id: 'Identifier of the measure.',
				mesure_numero: 'Public number of the measure.',
				date: 'Date of the value (first day of the period).',
				date_precision: precisionEn,
				valeur: 'Value, in the indicator’s unit.',
				qualificatif: 'How the source qualifies the value (“more than”, “nearly”).',
				source_url: 'Address of the value’s source.',
				note: 'Note about the value.'
			}
		},
		'mises-a-jour': {
			title: 'Published updates',
			description: 'One row per dated and sourced published fact, about a measure or about the whole plan (empty measure). Drafts are never included.',
			fields: {
				id: 'Stable identifier of the update.',
				portee: 'plan: a fact about the whole plan (mesure_id and mesure_numero are then empty); mesure: a fact about one measure.',
				mesure_id: 'Identifier of the measure concerned. Empty: a fact about the whole plan.',
				mesure_numero: 'Public number of the measure concerned. Empty: a fact about the whole plan.',
				date: 'Date of the fact (first day of the period).',
				date_precision: precisionEn,
				texte: 'What happened.',
				blocages: 'Reported blockers.',
				prochaines_etapes: 'Announced next steps.',
				sources: 'Addresses of the fact’s sources.',
				publie_le: 'Date and time of publication (UTC).'
			}
		}
	},
	api: {
		notFound: 'Resource not found. The API is described at /api/v1/openapi.json.',
		planNotFound: 'No plan has the identifier “{slug}”.',
		measureNotFound: 'The plan “{slug}” has no measure number “{number}”.',
		badInteger: 'The parameter “{name}” must be a whole number between {min} and {max}.',
		unavailable: 'Service temporarily unavailable: please try again in a few moments.',
		internal: 'Internal service error. Request identifier: {id}.'
	},
	openapi: {
		title: 'Jalons API',
		description:
			'Public read-only API of Jalons, the public tracking of government action plans. No key, no account; open CORS; JSON responses with an ETag (If-None-Match → 304). Content is under the Licence Ouverte 2.0. Errors look like { "error": "message" }.',
		tags: { plans: 'Plans', measures: 'Measures', owners: 'Owners', meta: 'Description' },
		root: 'Entry point: links to the plans, the owners and this description.',
		openapi: 'This OpenAPI 3.1 description.',
		plans: 'List of the tracked plans.',
		plan: 'A plan, its overall progress and its axes.',
		measures: 'Measures of a plan, in the plan’s order, paginated.',
		measure: 'One measure: description, status, progress, confidence, schedule, owners, milestones, evidence, indicators with their values and published updates (never drafts).',
		owners: 'Owner teams and the measures they lead or contribute to.',
		slug: 'Identifier of the plan in addresses.',
		number: 'Public number of the measure, for example 2.2.',
		page: 'Page number, from 1.',
		perPage: 'Number of measures per page (100 at most).',
		ok: 'Successful response.',
		notModified: 'Nothing changed since the ETag sent in If-None-Match.',
		badRequest: 'Invalid parameter.',
		notFound: 'Plan or measure not found.',
		unavailable: 'Database temporarily unavailable.',
		totalCount: 'Total number of measures.',
		link: 'Links to the first, prev, next and last pages (RFC 8288).',
		etag: 'Fingerprint of the response body.',
		progress: 'Progress as a percentage; null when unknown (never 0 by default).',
		rollUp: 'Average of the known progress figures, with the number of known and unknown measures.',
		preciseDate: 'Date with its precision: start is the first day of the period (null for CONTINUOUS).',
		status: 'Status; NOT_REPORTED when no source gives it.',
		error: 'Error message (in French).'
	},
	feed: {
		planTitle: '{plan} – Jalons',
		axisTitle: 'Axis {n}: {axis} – Jalons',
		measureTitle: 'Measure {n}: {measure} – Jalons',
		subtitle: 'Published updates, status changes and milestones reached.',
		author: 'Jalons',
		updateTitle: 'Measure {n}, {date}: {excerpt}',
		planUpdateTitle: 'Plan, {date}: {excerpt}',
		statusTitle: 'Measure {n}: status “{status}”',
		statusContent: 'The status of measure {n} “{measure}” changes from “{before}” to “{after}”.',
		milestoneTitle: 'Measure {n}: milestone reached, {milestone}',
		milestoneContent: 'The milestone “{milestone}” of measure {n} “{measure}” was reached on {date}.',
		blockers: 'Blockers',
		nextSteps: 'Next steps',
		sources: 'Sources',
		categories: { update: 'Update', status: 'Status', milestone: 'Milestone' }
	}
};

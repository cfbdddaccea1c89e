// English interface text of the opendata namespace: every key of the French reference (opendata.ts).
import type { OpendataMessages } from './opendata';

const precisionEn = 'Precision of the date: DAY, MONTH, QUARTER, SEMESTER, YEAR or CONTINUOUS (ongoing, no date). The date given is the first day of the period.';

export const opendataEn: OpendataMessages = {
	title: 'Open data',
	pageTitle: 'Open data – {plan} – Jalons',
	metaDescription: 'Download the data of the plan “{plan}” as CSV and JSON with their schemas, use the API and subscribe to the Atom feeds.',
	lead: 'All the public data of this plan can be downloaded freely, without an account: measures, milestones, evidence, indicators and their values, published updates, links to other plans. Files are produced on request: they always reflect the current state of the tracking.',
	howTo:
		'Each dataset comes as CSV (UTF-8 without BOM, comma separator, one header row) and as JSON (an array of objects with the same column names), with a Table Schema describing each column. The id column is a stable identifier: it links the files together and follows a row from one version to the next; measures also keep their public number (“2.2”).',
	formulaNote:
		'So that a spreadsheet never runs a formula, a text cell starting with =, +, -, @ or a tab is prefixed with an apostrophe in CSV files (not in JSON files). An empty cell means “not reported”, never zero.',
	drafts: 'Only published updates are in these files: the teams’ drafts never are.',
	licenceTitle: 'Licence',
	licence:
		'This data is published under the {licence}. You may copy, modify and reuse it freely, including for commercial purposes, provided you mention its source (“Jalons – {plan}”) and the date of its last update.',
	datasetsTitle: 'Datasets',
	datasetsCaption: 'Datasets of the plan, row counts and downloads',
	datasetColumn: 'Dataset',
	rowsColumn: 'Rows',
	downloadsColumn: 'Downloads',
	rowCount: { one: '{n} row', other: '{n} rows' },
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
	apiCaching: 'Every response carries an ETag: send it back in the If-None-Match header to get a 304 response with no body as long as nothing changed.',
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
	feedsText: 'Subscribe in your feed reader to hear about published updates, status changes and milestones reached: for the whole plan, for an axis or for a measure.',
	feedPlan: 'The whole plan',
	feedAxis: 'Axis {n}: {title}',
	feedMeasure: 'Measure {n}: {title}',
	feedMeasuresSummary: 'One feed per measure',
	feedMeasuresPattern: 'Each measure has its own feed, whose address ends with the number of the measure. For example:',
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
				avancement_methode:
					'How progress is computed: MANUAL (entered by the team), MILESTONES (weighted share of milestones reached) or INDICATOR (way travelled towards the first indicator’s target).',
				avancement: 'Progress as a percentage (0 to 100). Empty: unknown, which does not mean 0.',
				avancement_date: 'Date of the progress figure.',
				confiance: 'The team’s confidence in the deadline: ON_TRACK, AT_RISK or OFF_TRACK. Empty: not reported.',
				confiance_explication: 'The team’s explanation of its confidence.',
				confiance_date: 'Date of the confidence.',
				debut_prevu: 'Planned start (first day of the period).',
				debut_prevu_precision: precisionEn,
				fin_prevue: 'Planned end (first day of the period; the deadline is the last day of that period).',
				fin_prevue_precision: precisionEn,
				en_retard: 'true when the planned end has passed and the measure is neither done, abandoned nor retired, on the day the file was produced.',
				retiree_le: 'Day the measure was retired from the plan (it keeps its number and page but no longer counts in the progress). Empty: the measure is in force.',
				retrait_raison: 'Why it was retired. Empty: the measure is in force.',
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
				note: 'Note about the value.',
				automatique: 'true when the value was read automatically from its source (the indicator’s automatic collection), false when a person typed it.'
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
		},
		successions: {
			title: 'From one plan to another',
			description:
				'One row per link between a measure of this plan and a measure of another plan: what it became in a newer plan (continued, merged, replaced, or abandoned with a reason), or which older plan’s measure it goes on from.',
			fields: {
				id: 'Stable identifier of the link.',
				sens: 'suite: the measure of this plan goes on in another plan (or was abandoned); origine: it goes on from a measure of an older plan.',
				mesure_id: 'Identifier of this plan’s measure (column id of the measures file).',
				mesure_numero: 'Public number of this plan’s measure.',
				type: 'CONTINUED_BY (continued by), MERGED_INTO (merged into), REPLACED_BY (replaced by) or ABANDONED (abandoned), always read from the older measure.',
				type_libelle: 'The link in words (in French), as read from this plan’s measure.',
				autre_plan: 'Identifier (slug) of the other plan. Empty for an abandonment.',
				autre_mesure_numero: 'Public number of the measure in the other plan. Empty for an abandonment.',
				autre_mesure_url: 'Address of the other measure’s public page. Empty for an abandonment.',
				raison: 'Reason given, required for an abandonment.',
				enregistre_le: 'Date on which the link was recorded in Jalons.'
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

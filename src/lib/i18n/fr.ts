// French interface text: the reference. English (en.ts) must have every key.
import { authFr } from './auth';
import { editingFr } from './editing';
import { feedsFr } from './feeds';
import { opendataFr } from './opendata';
import { commentsFr } from './comments';
import { reportsFr } from './reports';
import { exploreFr } from './explore';
import { timetravelFr } from './timetravel';
import { siteFr } from './site';
import { privacyFr } from './privacy';
import { knownFr } from './known';
import { embedFr } from './embed';
import { teamsFr } from './teams';
import { structureFr } from './structure';
import { csvImportFr } from './csv-import';
import { plansFr } from './plans';
import { linksFr } from './links';
import { typesetFrench } from './typography';

// Pure: the client bundle drops this catalogue where only the English one is loaded (tests/e2e/i18n-bundle.e2e.ts).
export const fr = /* @__PURE__ */ typesetFrench({
	auth: authFr,
	editing: editingFr,
	feeds: feedsFr,
	opendata: opendataFr,
	comments: commentsFr,
	reports: reportsFr,
	explore: exploreFr,
	timetravel: timetravelFr,
	site: siteFr,
	privacy: privacyFr,
	known: knownFr,
	embed: embedFr,
	teams: teamsFr,
	structure: structureFr,
	csvImport: csvImportFr,
	plans: plansFr,
	links: linksFr,
	form: {
		required: 'Ce champ est obligatoire.',
		tooLong: 'Ce texte est trop long ({max} caractères au plus).',
		invalidUrl: 'Saisissez une adresse web complète commençant par http:// ou https://.',
		invalidDate: 'Saisissez une date valide, par exemple 2024-06-30.',
		invalidNumber: 'Saisissez un nombre.',
		invalidChoice: 'Choisissez une des valeurs proposées.',
		invalidEmail: 'Saisissez une adresse électronique valide, par exemple nom@example.gouv.fr.',
		errorSummary: 'Le formulaire contient des erreurs : corrigez les champs signalés.',
		alreadySent:
			'Ce formulaire avait déjà été envoyé et enregistré : il n’a pas été enregistré une deuxième fois. Vérifiez la liste ci-dessous ; pour ajouter autre chose, remplissez de nouveau le formulaire.',
		saved: 'Enregistré.',
		save: 'Enregistrer',
		cancel: 'Annuler'
	},
	/** After a label ("Rôles : …"): French puts a no-break space before the colon, English none. */
	colon: ' :',
	siteName: 'Jalons',
	siteTagline: 'Suivi public des plans d’action de l’État',
	brandTop: 'République<br />Française',
	skipToContent: 'Contenu',
	skipToFooter: 'Pied de page',
	skipLinksLabel: 'Accès rapide',
	home: 'Accueil',
	breadcrumbLabel: 'vous êtes ici :',
	breadcrumbToggle: 'Voir le fil d’Ariane',
	footerDescription: 'Jalons est un logiciel libre de suivi public des plans d’action. Les données du plan sont publiées sous Licence Ouverte 2.0.',
	sourceCode: 'Code source',
	accessibility: 'Accessibilité : non conforme',
	legalNotice: 'Mentions légales',
	methodology: 'Méthodologie',
	personalData: 'Données personnelles',

	status: {
		NOT_REPORTED: 'Statut non renseigné',
		NOT_STARTED: 'Non commencée',
		IN_PROGRESS: 'En cours',
		DONE: 'Réalisée',
		CONTINUOUS: 'Action continue',
		ABANDONED: 'Abandonnée'
	},
	confidence: {
		ON_TRACK: 'Dans les temps',
		AT_RISK: 'À risque',
		OFF_TRACK: 'En retard'
	},
	progressMethod: {
		MANUAL: 'saisie par l’équipe',
		MILESTONES: 'part pondérée des jalons atteints',
		INDICATOR: 'chemin parcouru de la valeur de départ à la cible de l’indicateur'
	},
	evidenceKind: {
		WEBSITE: 'Site',
		DOCUMENT: 'Document',
		SOURCE_CODE: 'Code source',
		ARTICLE: 'Article',
		DATASET: 'Données',
		EVENT: 'Événement',
		OTHER: 'Lien'
	},

	charts: {
		title: 'En graphiques',
		measures: 'Mesures',
		axis: 'Axe',
		progressByAxis: 'Avancement par axe',
		statusSummary: { one: '{n} mesure : {details}.', other: '{n} mesures : {details}.' },
		progressSummary: { one: 'Avancement moyen des mesures renseignées, pour {n} axe sur {total}.', other: 'Avancement moyen des mesures renseignées, pour {n} axes sur {total}.' },
		noProgress: 'Aucun axe n’a de mesure dont l’avancement est renseigné : il n’y a rien à représenter.'
	},
	dashboard: {
		archived: 'Plan archivé',
		adoptedOn: 'Adopté le {date}',
		overallProgress: 'Avancement global',
		progressUnknown: 'Non renseigné',
		unknownCount: {
			one: '{n} mesure sur {total} sans avancement renseigné : elle ne compte pas dans la moyenne.',
			other: '{n} mesures sur {total} sans avancement renseigné : elles ne comptent pas dans la moyenne.'
		},
		allUnknown: { one: 'La seule mesure n’a pas d’avancement renseigné par une source.', other: 'Aucune des {n} mesures n’a d’avancement renseigné par une source.' },
		howComputed: 'Comment est-ce calculé ?',
		methodology: 'Lire la méthodologie',
		howComputedPlan:
			'L’avancement du plan est la moyenne de l’avancement de ses mesures ; celui d’un axe, la moyenne de ses mesures. Une mesure dont l’avancement est inconnu n’est pas comptée comme 0 : elle est écartée, et le nombre de mesures écartées est indiqué.',
		measuresByStatus: 'Mesures par statut',
		measureCount: { one: '{n} mesure', other: '{n} mesures' },
		axis: 'Axe {n}',
		measure: 'Mesure {n}',
		leadOwner: 'Porteur',
		nextMilestone: 'Prochain jalon',
		noMilestone: 'Aucun jalon planifié',
		late: 'En retard',
		lateMilestones: { one: '{n} jalon en retard', other: '{n} jalons en retard' },
		latestFact: 'Dernier fait connu',
		noFact: 'Aucun fait publié',
		lastChange: 'Données modifiées le {date}',
		asOf: 'au {date}',
		planFacts: 'Faits marquants du plan',
		source: 'Source',
		sources: 'Sources',
		allMeasuresOfAxis: 'Voir les {n} mesures de l’axe {axis}',
		measuresOfAxis: 'Mesures de l’axe {n}',
		progress: 'Avancement',
		status: 'Statut',
		number: 'N°',
		title: 'Intitulé'
	},
	measure: {
		description: 'Description',
		subActions: 'Actions prévues',
		owners: 'Porteurs',
		lead: 'Porteur principal',
		contributors: 'Contributeurs',
		milestones: 'Jalons',
		noMilestones: 'Aucun jalon n’a encore été planifié pour cette mesure.',
		planned: 'Prévu : {date}',
		forecast: 'Prévision : {date}',
		doneOn: 'Atteint le {date}',
		evidence: 'Preuves et liens',
		noEvidence: 'Aucune preuve publiée.',
		indicators: 'Indicateurs',
		indicatorTable: '{name} : valeurs datées et sources',
		indicatorChart: 'Évolution de « {name} »',
		indicatorChartSummary: 'De {first} ({firstDate}) à {last} ({lastDate}). Les valeurs et leurs sources sont dans le tableau ci-dessous.',
		indicatorChartTarget: 'Cible : {target} (ligne en pointillés).',
		baseline: 'Valeur de départ',
		target: 'Cible',
		noTarget: 'Aucune cible fixée par une source : l’avancement ne peut pas être calculé à partir de cet indicateur.',
		date: 'Date',
		value: 'Valeur',
		updates: 'Avancement, du plus récent au plus ancien',
		noUpdates: 'Aucune mise à jour publiée.',
		blockers: 'Points de blocage',
		nextSteps: 'Prochaines étapes',
		confidence: 'Confiance',
		plannedPeriod: 'Période prévue',
		notPlanned: 'Non précisée',
		from: 'du {date}',
		to: 'au {date}',
		statusUnknownHelp: 'Aucune source publique ne donne le statut de cette mesure : Jalons ne l’invente pas. Les faits datés ci-dessous disent ce qui est connu.'
	},
	notFound: {
		title: 'Page non trouvée',
		lead: 'La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.',
		body: 'Si vous avez tapé l’adresse web dans le navigateur, vérifiez qu’elle est correcte. La page n’est peut-être plus disponible.',
		back: 'Page d’accueil'
	},
	error: {
		title: 'Erreur inattendue',
		badRequest: 'Adresse incorrecte',
		forbidden: 'Accès refusé',
		forbiddenAdvice:
			'Votre compte est bien connecté, mais ses droits ne couvrent pas cette page (une équipe, par exemple, ne modifie que ses propres mesures). Si vous devez y accéder, demandez ces droits à l’administrateur de Jalons ; sinon, revenez à la page précédente.',
		refused: 'Demande non traitée',
		withoutQuery: 'Afficher cette page sans ces paramètres',
		lead: 'Désolé, le service rencontre un problème, nous travaillons pour le résoudre le plus rapidement possible.',
		unavailable: 'Service temporairement indisponible',
		retry: 'Réessayez dans quelques instants.',
		tooLarge: 'La requête est trop volumineuse : raccourcissez les textes envoyés et réessayez.',
		unreadable: 'La requête n’a pas pu être lue : vérifiez les informations envoyées et réessayez.',
		requestId: 'Identifiant de la requête : {id}'
	}
});

export type Messages = typeof fr;

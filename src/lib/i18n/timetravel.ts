// Interface text of time travel (`?date=`), of the comparison between two dates and of the plan's
// progress over time. French first; English must have every key.
export const timetravelFr = {
	titleAt: '{title}, au {date}',
	banner: {
		plan: 'Vous consultez le plan tel qu’il était le {date}',
		measure: 'Vous consultez la mesure telle qu’elle était le {date}',
		text: 'Les faits datés après ce jour sont masqués ; le statut, l’avancement et la confiance sont ceux qui étaient enregistrés ce jour-là.',
		back: 'Revenir à aujourd’hui',
		method: 'Comment cette vue est reconstituée'
	},
	form: {
		legend: 'Consulter une autre date',
		label: 'Date',
		hint: 'Au format AAAA-MM-JJ, par exemple 2023-06-30.',
		hintFrom: 'Au format AAAA-MM-JJ, par exemple 2023-06-30, à partir du {date}.',
		submit: 'Afficher à cette date'
	},
	problems: {
		invalid: 'Cette date n’est pas valide : saisissez une date au format AAAA-MM-JJ, par exemple 2023-06-30.',
		malformed: 'La date demandée dans l’adresse (?date=) n’est pas une date valide. Utilisez le format AAAA-MM-JJ, par exemple ?date=2023-06-30, ou retirez ce paramètre pour voir la page aujourd’hui.',
		future: 'Cette date est dans le futur : Jalons ne montre que le passé et aujourd’hui.',
		beforeAdoption: 'Le plan a été adopté le {date} : choisissez une date à partir de ce jour.',
		order: 'La date de début doit précéder la date de fin.',
		shownToday: 'La page montre le plan aujourd’hui.'
	},
	links: {
		title: 'Le plan dans le temps',
		compare: 'Comparer deux dates',
		evolution: 'Avancement du plan dans le temps'
	},
	absent: 'Cette mesure n’existait pas encore à cette date.',
	list: {
		searchHint:
			'À cette date, la recherche porte sur le texte tel qu’il était ce jour-là (titre, description, actions prévues, mises à jour publiées connues) : chaque mot doit y figurer, sans tenir compte des majuscules ni des accents. Les formes voisines d’un mot, les guillemets et le signe moins ne sont pas pris en compte.',
		searchNotice:
			'La recherche en texte intégral ne connaît que le texte d’aujourd’hui. À une date passée, Jalons cherche simplement chacun des mots dans le texte de ce jour-là (sans formes voisines, expression exacte ni exclusion) : les résultats peuvent différer de ceux d’aujourd’hui.',
		lateHint: 'Fin prévue ou jalon dépassé sans être atteint, au {date}.'
	},
	compare: {
		title: 'Ce qui a changé entre deux dates',
		pageTitle: 'Comparer deux dates – {plan} – Jalons',
		lead: 'Pour chaque mesure : changements de statut et d’avancement, jalons atteints ou replanifiés, nouvelles preuves, mises à jour publiées et valeurs d’indicateur ajoutées entre les deux dates.',
		legend: 'Période à comparer',
		from: 'Du',
		to: 'Au',
		submit: 'Comparer',
		summary: 'Du {from} au {to} : {changed} mesure(s) sur {total} ont changé.',
		totals: '{status} changement(s) de statut, {milestones} jalon(s) atteint(s), {replans} replanification(s), {evidence} preuve(s), {updates} mise(s) à jour, {values} valeur(s) d’indicateur.',
		progress: 'Avancement moyen du plan : {from} → {to}.',
		unknown: 'inconnu',
		nothing: 'Aucune mesure n’a changé entre ces deux dates.',
		unchanged: '{n} mesure(s) sans changement.',
		isNew: 'Mesure ajoutée dans la période',
		status: 'Statut',
		progressLabel: 'Avancement',
		milestonesDone: 'Jalons atteints',
		replanned: 'Jalons replanifiés',
		replannedItem: '{title} : prévu {previous}, replanifié {planned} le {at}',
		evidence: 'Nouvelles preuves',
		updates: 'Mises à jour publiées',
		values: 'Valeurs d’indicateur ajoutées',
		planFacts: 'Faits concernant tout le plan',
		seeFrom: 'Voir le plan au {date}',
		seeTo: 'Voir le plan au {date}',
		fixErrors: 'Corrigez les dates : la comparaison montrée porte sur la période par défaut.'
	},
	evolution: {
		title: 'Avancement du plan dans le temps',
		pageTitle: 'Avancement dans le temps – {plan} – Jalons',
		lead: 'L’avancement moyen et le nombre de mesures par statut à chaque fin de trimestre, reconstitués à partir de l’historique (voir la méthodologie).',
		chartTitle: 'Avancement moyen du plan à chaque fin de trimestre',
		chartSummary: 'Avancement moyen connu à {known} date(s) sur {total} ; dernier point : {last}.',
		noProgress: 'À aucune de ces {total} dates l’avancement d’une mesure n’est connu : aucune source publique ne donne de pourcentage. Le tableau ci-dessous donne les statuts à chaque date.',
		tableTitle: 'Avancement et mesures par statut à chaque date',
		date: 'Date',
		average: 'Avancement moyen',
		known: 'Mesures à l’avancement connu',
		see: 'Voir le plan au {date}'
	},
	methodology: {
		title: 'Consulter le plan à une date passée',
		intro: 'Toutes les pages publiques du plan acceptent une date (par exemple ?date=2023-06-30) et montrent le plan tel qu’il était ce jour-là. La vue est reconstituée à partir de ce que Jalons conserve, selon deux règles :',
		dated: 'Les faits datés gardent leur propre date : une mise à jour, une valeur d’indicateur ou une preuve apparaît une fois sa période entièrement passée (un fait daté « 2023 » apparaît au 31 décembre 2023) ; un jalon est atteint si sa date de réalisation est passée ; une replanification faite après le jour choisi est annulée et l’ancienne échéance est montrée.',
		undated: 'Les informations sans date propre (statut, avancement saisi, confiance, période prévue, description, porteurs) viennent du journal des modifications : la valeur enregistrée par la dernière modification faite ce jour-là ou avant, sinon la valeur d’avant la première modification suivante.',
		created: 'Ce qui a été ajouté dans Jalons après le jour choisi (jalon, preuve sans date, mesure) n’apparaît pas. L’import initial du plan, fait d’un seul coup, compte comme l’état de départ : ses faits sont filtrés par leurs propres dates.',
		compare: 'La comparaison entre deux dates et la courbe d’avancement dans le temps appliquent les mêmes règles à chaque date.'
	}
};

export type TimetravelMessages = typeof timetravelFr;

export const timetravelEn: TimetravelMessages = {
	titleAt: '{title}, as of {date}',
	banner: {
		plan: 'You are viewing the plan as it stood on {date}',
		measure: 'You are viewing the measure as it stood on {date}',
		text: 'Facts dated after that day are hidden; status, progress and confidence are those recorded on that day.',
		back: 'Back to today',
		method: 'How this view is rebuilt'
	},
	form: {
		legend: 'View another date',
		label: 'Date',
		hint: 'Format YYYY-MM-DD, for example 2023-06-30.',
		hintFrom: 'Format YYYY-MM-DD, for example 2023-06-30, from {date} on.',
		submit: 'Show at this date'
	},
	problems: {
		invalid: 'This date is not valid: enter a date as YYYY-MM-DD, for example 2023-06-30.',
		malformed: 'The date asked for in the address (?date=) is not a valid date. Use the format YYYY-MM-DD, for example ?date=2023-06-30, or remove this parameter to see the page today.',
		future: 'This date is in the future: Jalons only shows the past and today.',
		beforeAdoption: 'The plan was adopted on {date}: choose a date from that day on.',
		order: 'The start date must come before the end date.',
		shownToday: 'The page shows the plan today.'
	},
	links: {
		title: 'The plan over time',
		compare: 'Compare two dates',
		evolution: 'Progress of the plan over time'
	},
	absent: 'This measure did not exist yet on that date.',
	list: {
		searchHint:
			'At this date, the search looks at the text as it stood that day (title, description, planned actions, published updates known then): every word must be in it, whatever the case and accents. Other forms of a word, quotes and the minus sign are not taken into account.',
		searchNotice:
			'Full-text search only knows today’s text. At a past date, Jalons simply looks for each word in that day’s text (no other forms of the word, exact phrases or exclusions): results may differ from today’s.',
		lateHint: 'Planned end or milestone passed without being reached, on {date}.'
	},
	compare: {
		title: 'What changed between two dates',
		pageTitle: 'Compare two dates – {plan} – Jalons',
		lead: 'For each measure: status and progress changes, milestones done or re-planned, new evidence, published updates and indicator values added between the two dates.',
		legend: 'Period to compare',
		from: 'From',
		to: 'To',
		submit: 'Compare',
		summary: 'From {from} to {to}: {changed} of {total} measure(s) changed.',
		totals: '{status} status change(s), {milestones} milestone(s) done, {replans} re-plan(s), {evidence} piece(s) of evidence, {updates} update(s), {values} indicator value(s).',
		progress: 'Average progress of the plan: {from} → {to}.',
		unknown: 'unknown',
		nothing: 'No measure changed between these two dates.',
		unchanged: '{n} measure(s) unchanged.',
		isNew: 'Measure added during the period',
		status: 'Status',
		progressLabel: 'Progress',
		milestonesDone: 'Milestones done',
		replanned: 'Re-planned milestones',
		replannedItem: '{title}: planned {previous}, re-planned to {planned} on {at}',
		evidence: 'New evidence',
		updates: 'Published updates',
		values: 'Indicator values added',
		planFacts: 'Facts about the whole plan',
		seeFrom: 'View the plan on {date}',
		seeTo: 'View the plan on {date}',
		fixErrors: 'Fix the dates: the comparison shown covers the default period.'
	},
	evolution: {
		title: 'Progress of the plan over time',
		pageTitle: 'Progress over time – {plan} – Jalons',
		lead: 'Average progress and number of measures by status at each quarter end, rebuilt from the history (see the methodology).',
		chartTitle: 'Average progress of the plan at each quarter end',
		chartSummary: 'Average progress known at {known} of {total} date(s); last point: {last}.',
		noProgress: 'At none of these {total} dates is the progress of any measure known: no public source gives a percentage. The table below gives the statuses at each date.',
		tableTitle: 'Progress and measures by status at each date',
		date: 'Date',
		average: 'Average progress',
		known: 'Measures with known progress',
		see: 'View the plan on {date}'
	},
	methodology: {
		title: 'Viewing the plan at a past date',
		intro: 'Every public page of the plan accepts a date (for example ?date=2023-06-30) and shows the plan as it stood that day. The view is rebuilt from what Jalons keeps, by two rules:',
		dated: 'Dated facts keep their own date: an update, an indicator value or a piece of evidence appears once its whole period has passed (a fact dated "2023" appears on 31 December 2023); a milestone is done if its completion date has passed; a re-plan made after the chosen day is undone and the earlier due date is shown.',
		undated: 'Information with no date of its own (status, manual progress, confidence, planned period, description, owners) comes from the change log: the value recorded by the latest change made on or before that day, otherwise the value before the first later change.',
		created: 'What was added in Jalons after the chosen day (milestone, undated evidence, measure) does not appear. The plan’s initial import, made in one go, counts as the starting state: its facts are filtered by their own dates.',
		compare: 'The comparison between two dates and the progress curve over time apply the same rules at each date.'
	}
};

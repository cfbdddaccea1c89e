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
		hint: 'Choisissez le jour dans le calendrier du champ, par exemple le 30 juin 2023.',
		hintFrom: 'Choisissez le jour dans le calendrier du champ, à partir du {date}.',
		submit: 'Afficher à cette date'
	},
	problems: {
		invalid: 'Cette date n’est pas valide : saisissez une date au format AAAA-MM-JJ, par exemple 2023-06-30.',
		malformed:
			'La date demandée dans l’adresse (?date=) n’est pas une date valide. Utilisez le format AAAA-MM-JJ, par exemple ?date=2023-06-30, ou retirez ce paramètre pour voir la page aujourd’hui.',
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
		summary: { one: 'Du {from} au {to} : {n} mesure sur {total} a changé.', other: 'Du {from} au {to} : {n} mesures sur {total} ont changé.' },
		totals: {
			status: { one: '{n} changement de statut', other: '{n} changements de statut' },
			milestones: { one: '{n} jalon atteint', other: '{n} jalons atteints' },
			replans: { one: '{n} replanification', other: '{n} replanifications' },
			evidence: { one: '{n} preuve', other: '{n} preuves' },
			updates: { one: '{n} mise à jour', other: '{n} mises à jour' },
			values: { one: '{n} valeur d’indicateur', other: '{n} valeurs d’indicateur' }
		},
		progress: 'Avancement moyen du plan : {from} → {to}.',
		unknown: 'inconnu',
		nothing: 'Aucune mesure n’a changé entre ces deux dates.',
		unchanged: { one: '{n} mesure sans changement.', other: '{n} mesures sans changement.' },
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
		chartSummary: {
			one: 'Avancement moyen connu à {n} date sur {total} ; dernier point : {last}.',
			other: 'Avancement moyen connu à {n} dates sur {total} ; dernier point : {last}.'
		},
		noProgress:
			'À aucune de ces {total} dates l’avancement d’une mesure n’est connu : aucune source publique ne donne de pourcentage. Le tableau ci-dessous donne les statuts à chaque date.',
		tableTitle: 'Avancement et mesures par statut à chaque date',
		date: 'Date',
		average: 'Avancement moyen',
		known: 'Mesures à l’avancement connu',
		see: 'Voir le plan au {date}'
	},
	methodology: {
		title: 'Consulter le plan à une date passée',
		intro:
			'Toutes les pages publiques du plan acceptent une date (par exemple ?date=2023-06-30) et montrent le plan tel qu’il était ce jour-là. La vue est reconstituée à partir de ce que Jalons conserve, selon deux règles :',
		dated:
			'Les faits datés gardent leur propre date : une mise à jour, une valeur d’indicateur ou une preuve apparaît une fois sa période entièrement passée (un fait daté « 2023 » apparaît au 31 décembre 2023) ; un jalon est atteint si sa date de réalisation est passée ; une replanification faite après le jour choisi est annulée et l’ancienne échéance est montrée.',
		undated:
			'Les informations sans date propre (statut, avancement saisi, confiance, période prévue, description, porteurs) viennent du journal des modifications : la valeur enregistrée par la dernière modification faite ce jour-là ou avant, sinon la valeur d’avant la première modification suivante.',
		created:
			'Ce qui a été ajouté dans Jalons après le jour choisi (jalon, preuve sans date, mesure) n’apparaît pas. L’import initial du plan, fait d’un seul coup, compte comme l’état de départ : ses faits sont filtrés par leurs propres dates.',
		compare: 'La comparaison entre deux dates et la courbe d’avancement dans le temps appliquent les mêmes règles à chaque date.'
	}
};

export type TimetravelMessages = typeof timetravelFr;

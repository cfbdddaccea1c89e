// Interface text of the dashboard's "what is known" section: the plan's dated facts, indicators and
// independent grades, shown first when no source gives statuses or progress. English in known.en.ts.
export const knownFr = {
	title: 'Ce que l’on sait du plan',
	intro:
		'Les faits datés et publiés, avec leurs sources, les dernières valeurs des indicateurs et l’appréciation indépendante du conseil. Ce qu’aucune source ne dit reste « non renseigné ».',
	factCount: { one: '{n} fait daté et publié', other: '{n} faits datés et publiés' },
	factSpan: 'de {first} à {last}',
	noFacts: 'Aucun fait publié pour l’instant.',
	latestTitle: 'Dernier fait connu',
	latestOf: 'Mesure {n}',
	planWide: 'Plan entier',
	source: 'Source',
	sources: 'Sources',
	noSource: 'Source non indiquée.',
	chartTitle: 'Faits publiés par année',
	chartSummary: { one: '{n} fait publié, réparti par année ; le tableau le détaille par axe.', other: '{n} faits publiés, répartis par année ; le tableau les détaille par axe.' },
	tableCaption: 'Faits publiés par année et par axe',
	year: 'Année',
	axis: 'Axe {n}',
	total: 'Total',
	indicatorsTitle: 'Indicateurs : dernières valeurs',
	indicatorsCaption: 'Dernière valeur connue de chaque indicateur, avec sa date et sa source',
	indicator: 'Indicateur',
	measure: 'Mesure',
	value: 'Dernière valeur',
	date: 'Date',
	noValue: 'Aucune valeur',
	moreIndicators: { one: 'Et {n} autre indicateur, sur les pages des mesures.', other: 'Et {n} autres indicateurs, sur les pages des mesures.' },
	gradesTitle: 'Appréciation indépendante du conseil',
	gradesOf: 'Rapport « {title} » (période close le {date}) : {n} mesures appréciées.',
	gradesLink: 'Lire le rapport et l’avis du conseil',
	noGrades: 'Aucun rapport publié ne donne encore d’appréciation indépendante.',
	measureFacts: { one: '{n} fait publié, le dernier du {date}', other: '{n} faits publiés, le dernier du {date}' },
	noMeasureFacts: 'Aucun fait publié'
};

export type KnownMessages = typeof knownFr;

// Embeddable progress (issue 14): badges, cards for an <iframe> on another site, and the box that
// gives their code on the measure and plan pages.
export const embedFr = {
	badge: {
		measure: 'Mesure {n}',
		plan: 'Avancement du plan',
		progress: 'avancement {value}',
		progressUnknown: 'avancement non renseigné',
		retired: 'Mesure retirée',
		archived: 'plan archivé',
		measuresDone: '{done} sur {total} mesures réalisées',
		measureTitle: 'Mesure {n} « {title} » du plan « {plan} » : {status}, {progress}.',
		retiredTitle: 'Mesure {n} « {title} » du plan « {plan} » : retirée du plan le {date}.',
		planTitle: 'Plan « {plan} » : avancement {progress}, {done} sur {total} mesures réalisées.',
		archivedTitle: 'Le plan est archivé.'
	},
	card: {
		progress: 'Avancement',
		progressUnknown: 'non renseigné',
		status: 'Statut',
		asOf: 'au {date}',
		retired: 'Mesure retirée du plan le {date}.',
		archived: 'Plan archivé le {date}.',
		archivedUndated: 'Plan archivé.',
		measures: 'Mesures',
		measuresDone: '{done} réalisées sur {total}',
		seeMeasure: 'Voir la mesure sur Jalons',
		seePlan: 'Voir le plan sur Jalons',
		newWindow: 'nouvelle fenêtre',
		frameTitleMeasure: 'Jalons : mesure {n} – {title}',
		frameTitlePlan: 'Jalons : {plan}'
	},
	code: {
		titleMeasure: 'Intégrer cette mesure',
		titlePlan: 'Intégrer ce plan',
		lead: 'Affichez son avancement sur votre site : copiez l’un de ces codes dans une page. Ils montrent toujours l’état du jour.',
		card: 'Carte (à coller dans une page HTML)',
		badge: 'Badge (image)',
		badgePreview: 'Aperçu du badge',
		copyCard: 'Copier le code de la carte',
		copyBadge: 'Copier le code du badge',
		copied: 'Code copié.',
		copyFailed: 'La copie a échoué : sélectionnez le texte et copiez-le.',
		badgeAlt: 'Avancement de la mesure {n} sur Jalons',
		badgeAltPlan: 'Avancement du plan « {plan} » sur Jalons'
	},
	oembed: {
		missingUrl: 'Le paramètre « url » est obligatoire : l’adresse d’une page de mesure ou de plan.',
		badUrl: 'Le paramètre « url » doit être l’adresse d’une page de mesure ou de plan de ce site.',
		badSize: 'Les paramètres « maxwidth » et « maxheight » sont des nombres entiers de pixels, positifs.',
		badFormat: 'Seul le format « json » est proposé.',
		notFound: 'Aucune page publique de mesure ou de plan à cette adresse.'
	}
};

export type EmbedMessages = typeof embedFr;

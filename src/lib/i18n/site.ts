// Interface text of the site frame: language selector, page metadata, error pages, footer licence.
// French first; English must have every key.
export const siteFr = {
	language: {
		/** The DSFR language selector: its button title and the name of each language in itself. */
		select: 'Sélectionner une langue',
		current: 'Langue du site',
		names: { fr: 'Français', en: 'English' },
		short: { fr: 'FR', en: 'EN' },
		/** Said of plan content written only in French, on an English page. */
		untranslated: 'Contenu en français'
	},
	meta: {
		description: 'Jalons suit publiquement l’avancement des plans d’action de l’État : mesures, jalons, preuves et indicateurs, avec leurs sources.',
		imageAlt: 'Jalons, suivi public des plans d’action de l’État'
	},
	errorCode: 'Erreur {status}',
	licence: 'Sauf mention contraire, les contenus de ce site sont sous',
	accessibilityTitle: 'Déclaration d’accessibilité',
	legalTitle: 'Mentions légales',
	methodologyDescription: 'Comment Jalons calcule l’avancement, définit les statuts et le retard, et d’où viennent les données.'
};

export type SiteMessages = typeof siteFr;

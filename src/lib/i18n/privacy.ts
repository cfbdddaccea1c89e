// The personal-data page (/donnees-personnelles). Durations are placeholders filled from the code
// that enforces them (session timeouts, purge of login attempts), so the page cannot drift from it.
export const privacyFr = {
	publicTitle: 'Consultation des pages publiques',
	publicText:
		'Les pages publiques de Jalons ne déposent aucun cookie et ne font appel à aucun service tiers de mesure d’audience. Aucune donnée personnelle n’est collectée lors de leur consultation, en dehors des journaux techniques du serveur (adresse de la requête, date), conservés pour la sécurité du service.',
	sessionsTitle: 'Comptes connectés : les sessions',
	sessionsWhat:
		'Quand une personne se connecte, Jalons dépose un cookie de session (strictement nécessaire, sans lequel on ne peut pas rester connecté) et enregistre avec cette session l’adresse IP et l’identification du navigateur (« user agent ») utilisées à la connexion, ainsi que l’heure de connexion et celle de la dernière activité. Seule une empreinte (SHA-256) du jeton du cookie est conservée.',
	sessionsWhy:
		'Pourquoi : pour que chacun voie, sur la page « Mon compte », les sessions ouvertes à son nom (appareil, adresse, dates) et puisse fermer celle qu’il ne reconnaît pas, et pour pouvoir enquêter sur un usage frauduleux d’un compte.',
	sessionsHowLong:
		'Combien de temps : tant que la session est valable. Elle expire après {idle} sans activité et au plus tard {max} après la connexion ; elle prend fin plus tôt à la déconnexion, au changement de mot de passe, à la désactivation du compte ou quand un administrateur la ferme. Une session fermée est effacée aussitôt, une session expirée lors du nettoyage automatique de la base, qui passe plusieurs fois par jour.',
	throttleTitle: 'Protection contre les tentatives de connexion répétées',
	throttleWhat:
		'Chaque tentative de connexion, réussie ou non, est enregistrée avec l’adresse IP d’où elle vient, une empreinte (SHA-256) de l’adresse électronique saisie (jamais l’adresse elle-même), son heure et son résultat. L’identification du navigateur n’y est pas enregistrée.',
	throttleWhy:
		'Pourquoi : pour ralentir qui essaie de deviner un mot de passe (un nombre limité d’échecs par compte et par adresse IP sur une période donnée), sans bloquer la personne titulaire du compte : les adresses d’où elle s’est déjà connectée avec succès sont reconnues.',
	throttleHowLong:
		'Combien de temps : {failed} pour une tentative échouée, {succeeded} pour une connexion réussie (la durée pendant laquelle une adresse reste reconnue), puis la tentative est effacée.',
	proconnectTitle: 'Connexion avec ProConnect',
	proconnectWhat:
		'Quand un agent se connecte avec ProConnect, Jalons enregistre l’identité liée à son compte : l’identifiant de son fournisseur d’identité (« idp_id ») et le sien chez ce fournisseur (« sub »), l’adresse électronique et le SIRET de son organisation tels que ProConnect les transmet, la date à laquelle l’identité a été liée et celle de la dernière connexion. Les autres informations transmises (prénom, nom, identifiant interne) ne sont pas conservées. La session ouverte garde en plus le jeton d’identité (« ID token ») remis par ProConnect. Pendant l’aller-retour vers ProConnect, un cookie technique de quelques minutes garde les valeurs aléatoires qui protègent l’échange ; il est effacé au retour.',
	proconnectWhy:
		'Pourquoi : pour retrouver le compte aux connexions suivantes, même si l’adresse de l’agent change, et montrer sur la page « Mon compte » les identités liées (organisation, dates) ; le jeton d’identité sert à fermer aussi la session ProConnect à la déconnexion.',
	proconnectHowLong:
		'Combien de temps : l’identité reste liée jusqu’à ce que l’agent la délie depuis « Mon compte » (s’il garde un autre moyen de se connecter, un mot de passe) ou que le compte soit effacé ; l’adresse et le SIRET sont remplacés à chaque connexion. Le jeton d’identité est effacé avec la session, dans les délais indiqués plus haut.'
};

export type PrivacyMessages = typeof privacyFr;

// Interface text of the auth screens. French first; English must have every key.
export const authFr = {
	title: 'Comptes',
	forbidden: 'Vous n’avez pas les droits nécessaires pour cette action.',
	roles: {
		ADMIN: 'Administrateur',
		EDITOR: 'Rédacteur',
		AMDAC: 'AMDAC',
		COUNCIL: 'Membre du CLL'
	},
	header: {
		tools: 'Outils du compte',
		login: 'Se connecter',
		account: 'Mon compte',
		admin: 'Administration',
		logout: 'Se déconnecter',
		menu: 'Menu',
		close: 'Fermer'
	},
	fields: {
		email: 'Adresse électronique',
		emailHint: 'Format attendu : nom@domaine.fr',
		password: 'Mot de passe',
		currentPassword: 'Mot de passe actuel',
		newPassword: 'Nouveau mot de passe',
		newPasswordHint: '12 caractères au minimum, sans autre contrainte. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.',
		confirmation: 'Confirmation du mot de passe',
		displayName: 'Nom affiché',
		organisation: 'Organisation',
		organisationHint: 'Facultatif. Par exemple : DINUM, ministère de l’Intérieur.',
		roles: 'Rôles',
		teams: 'Équipes',
		teamsHint: 'Un rédacteur, ou un membre AMDAC dans l’équipe de son ministère, modifie les mesures portées par ses équipes.'
	},
	login: {
		title: 'Connexion',
		lead: 'Espace réservé aux équipes qui tiennent le suivi à jour. Le tableau de bord public se consulte sans compte.',
		submit: 'Se connecter',
		forgot: 'Mot de passe oublié ?',
		invalid: 'Adresse électronique ou mot de passe incorrect.',
		throttled: { one: 'Trop de tentatives de connexion. Réessayez dans {n} minute.', other: 'Trop de tentatives de connexion. Réessayez dans {n} minutes.' },
		required: 'Connectez-vous pour accéder à cette page.',
		loggedOut: 'Vous êtes déconnecté.',
		passwordSet: 'Votre mot de passe est enregistré : vous pouvez vous connecter.',
		signedInAs: 'Vous êtes connecté en tant que {name}. Une nouvelle connexion fermera cette session.'
	},
	logout: {
		title: 'Déconnexion',
		lead: 'Se déconnecter ferme votre session sur cet appareil.',
		submit: 'Se déconnecter',
		notSignedIn: 'Vous n’êtes pas connecté.'
	},
	invitation: {
		title: 'Créer votre compte',
		lead: 'Vous êtes invité à rejoindre Jalons avec l’adresse {email}. Choisissez votre mot de passe pour activer votre compte.',
		submit: 'Créer mon compte',
		invalidTitle: 'Invitation invalide ou expirée',
		invalid:
			'Ce lien d’invitation n’est plus valable : il a déjà servi, a été remplacé par une invitation plus récente ou a expiré. Demandez une nouvelle invitation à un administrateur.'
	},
	forgot: {
		title: 'Mot de passe oublié',
		lead: 'Saisissez l’adresse électronique de votre compte. Si elle correspond à un compte actif, vous recevrez un lien pour choisir un nouveau mot de passe.',
		submit: 'Recevoir un lien',
		sent: 'Si un compte actif correspond à cette adresse, un message contenant un lien valable une heure vient de lui être envoyé. Sans nouvelles, contactez un administrateur de Jalons.'
	},
	reset: {
		title: 'Choisir un nouveau mot de passe',
		lead: 'Choisissez un nouveau mot de passe pour le compte {email}. Toutes les sessions ouvertes sur ce compte seront fermées.',
		submit: 'Enregistrer le mot de passe',
		invalidTitle: 'Lien invalide ou expiré',
		invalid: 'Ce lien de réinitialisation n’est plus valable : il a déjà servi, a été remplacé par un lien plus récent ou a expiré. Demandez-en un nouveau.',
		askAgain: 'Demander un nouveau lien'
	},
	account: {
		title: 'Mon compte',
		identity: 'Mes informations',
		none: 'Aucune',
		changePassword: 'Changer de mot de passe',
		changePasswordLead: 'Vos autres sessions seront fermées.',
		changeSubmit: 'Changer le mot de passe',
		passwordChanged: 'Mot de passe changé. Vos autres sessions ont été fermées.',
		sessions: 'Mes sessions',
		sessionsCaption: 'Sessions ouvertes sur mon compte',
		device: 'Appareil',
		createdAt: 'Ouverte le',
		lastSeen: 'Dernière activité',
		ipAddress: 'Adresse IP',
		action: 'Action',
		current: 'Session actuelle',
		revoke: 'Fermer',
		revokeLabel: 'Fermer la session ouverte le {date}',
		revoked: 'Session fermée.',
		revokeOthers: 'Fermer toutes mes autres sessions',
		othersRevoked: { one: '{n} autre session fermée.', other: '{n} autres sessions fermées.' },
		unknownDevice: 'Appareil inconnu',
		deviceOn: '{browser} sur {os}'
	},
	admin: {
		section: 'Administration',
		title: 'Utilisateurs',
		lead: 'Les comptes sont créés par invitation : la personne invitée choisit elle-même son mot de passe.',
		invite: 'Inviter un utilisateur',
		usersCaption: 'Comptes ({n})',
		name: 'Nom',
		state: 'État',
		active: 'Actif',
		disabled: 'Désactivé',
		noPassword: 'Sans mot de passe',
		edit: 'Modifier',
		editLabel: 'Modifier le compte de {name}',
		pending: 'Invitations en attente',
		pendingCaption: 'Invitations en attente ({n})',
		noPending: 'Aucune invitation en attente.',
		expires: 'Expire le',
		inviteTitle: 'Inviter un utilisateur',
		inviteLead: 'La personne reçoit un lien, valable 7 jours et utilisable une seule fois, pour choisir son mot de passe.',
		inviteSubmit: 'Envoyer l’invitation',
		invitedMailed: 'Invitation envoyée par courriel à {email}.',
		linkToPass: 'Aucun courriel n’a pu être envoyé. Transmettez vous-même ce lien à {email} ; il est valable jusqu’au {date} et ne sert qu’une fois :',
		editTitle: 'Compte de {name}',
		saved: 'Modifications enregistrées.',
		accessTitle: 'Accès',
		disable: 'Désactiver le compte',
		disableHint: 'Ses sessions sont fermées immédiatement ; ses contributions restent.',
		enable: 'Réactiver le compte',
		disabledDone: 'Compte désactivé : ses sessions ont été fermées.',
		enabledDone: 'Compte réactivé.',
		sendReset: 'Envoyer un lien de réinitialisation du mot de passe',
		resetMailed: 'Lien de réinitialisation envoyé par courriel à {email}.',
		sessionsOpen: 'Sessions ouvertes : {n}',
		back: 'Retour à la liste des utilisateurs'
	},
	errors: {
		emailTaken: 'Un compte existe déjà avec cette adresse.',
		unknownTeam: 'Choisissez des équipes de la liste.',
		editorNeedsTeam: 'Un rédacteur doit appartenir à au moins une équipe.',
		rolesRequired: 'Choisissez au moins un rôle.',
		passwordTooShort: 'Le mot de passe doit contenir au moins 12 caractères.',
		passwordTooLong: 'Le mot de passe doit contenir au plus 128 caractères.',
		passwordCommon: 'Ce mot de passe fait partie des plus utilisés : choisissez-en un autre.',
		passwordPersonal: 'Le mot de passe ne doit pas reprendre votre adresse électronique.',
		passwordMismatch: 'Les deux mots de passe ne correspondent pas.',
		passwordSame: 'Le nouveau mot de passe doit être différent de l’actuel.',
		currentPasswordWrong: 'Le mot de passe actuel est incorrect.',
		linkInvalid: 'Ce lien n’est plus valable.',
		cannotDisableSelf: 'Vous ne pouvez pas désactiver votre propre compte.',
		cannotDemoteSelf: 'Vous ne pouvez pas retirer votre propre rôle d’administrateur.',
		userDisabled: 'Ce compte est désactivé.',
		revokeCurrent: 'Pour fermer la session actuelle, déconnectez-vous.',
		sessionNotFound: 'Cette session n’existe plus.'
	},
	mail: {
		invitationSubject: 'Votre invitation à Jalons',
		invitationBody:
			'Bonjour {name},\n\n{inviter} vous invite à rejoindre Jalons, le suivi public des plans d’action de l’État.\n\nPour créer votre compte, choisissez votre mot de passe en suivant ce lien :\n{link}\n\nCe lien est valable jusqu’au {date} et ne sert qu’une fois. Si vous n’attendiez pas cette invitation, ignorez ce message.\n',
		resetSubject: 'Réinitialisation de votre mot de passe Jalons',
		resetBody:
			'Bonjour {name},\n\nPour choisir un nouveau mot de passe pour votre compte Jalons, suivez ce lien :\n{link}\n\nCe lien est valable jusqu’au {date} et ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.\n'
	}
};

export type AuthMessages = typeof authFr;

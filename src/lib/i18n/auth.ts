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
		newPasswordHint:
			'12 caractères au minimum, sans autre contrainte. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.',
		confirmation: 'Confirmation du mot de passe',
		displayName: 'Nom affiché',
		organisation: 'Organisation',
		organisationHint: 'Facultatif. Par exemple : DINUM, ministère de l’Intérieur.',
		roles: 'Rôles',
		teams: 'Équipes',
		teamsHint: 'Un rédacteur modifie les mesures portées par ses équipes.'
	},
	login: {
		title: 'Connexion',
		lead: 'Espace réservé aux équipes qui tiennent le suivi à jour. Le tableau de bord public se consulte sans compte.',
		submit: 'Se connecter',
		forgot: 'Mot de passe oublié ?',
		invalid: 'Adresse électronique ou mot de passe incorrect.',
		throttled: 'Trop de tentatives de connexion. Réessayez dans {minutes} minute(s).',
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
		invalid:
			'Ce lien de réinitialisation n’est plus valable : il a déjà servi, a été remplacé par un lien plus récent ou a expiré. Demandez-en un nouveau.',
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
		othersRevoked: '{n} autre(s) session(s) fermée(s).',
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

export const authEn: AuthMessages = {
	title: 'Accounts',
	forbidden: 'You do not have the rights needed for this action.',
	roles: {
		ADMIN: 'Administrator',
		EDITOR: 'Editor',
		AMDAC: 'AMDAC',
		COUNCIL: 'CLL member'
	},
	header: {
		tools: 'Account tools',
		login: 'Sign in',
		account: 'My account',
		admin: 'Administration',
		logout: 'Sign out',
		menu: 'Menu',
		close: 'Close'
	},
	fields: {
		email: 'E-mail address',
		emailHint: 'Expected format: name@domain.fr',
		password: 'Password',
		currentPassword: 'Current password',
		newPassword: 'New password',
		newPasswordHint: 'At least 12 characters, no other constraint. A sentence of several words is easy to remember and hard to guess.',
		confirmation: 'Confirm the password',
		displayName: 'Display name',
		organisation: 'Organisation',
		organisationHint: 'Optional. For example: DINUM, Ministry of the Interior.',
		roles: 'Roles',
		teams: 'Teams',
		teamsHint: 'An editor edits the measures carried by their teams.'
	},
	login: {
		title: 'Sign in',
		lead: 'For the teams who keep the tracker up to date. The public dashboard needs no account.',
		submit: 'Sign in',
		forgot: 'Forgot your password?',
		invalid: 'Wrong e-mail address or password.',
		throttled: 'Too many sign-in attempts. Try again in {minutes} minute(s).',
		required: 'Sign in to see this page.',
		loggedOut: 'You are signed out.',
		passwordSet: 'Your password is saved: you can sign in.',
		signedInAs: 'You are signed in as {name}. Signing in again will close this session.'
	},
	logout: {
		title: 'Sign out',
		lead: 'Signing out closes your session on this device.',
		submit: 'Sign out',
		notSignedIn: 'You are not signed in.'
	},
	invitation: {
		title: 'Create your account',
		lead: 'You are invited to join Jalons with the address {email}. Choose your password to activate your account.',
		submit: 'Create my account',
		invalidTitle: 'Invalid or expired invitation',
		invalid:
			'This invitation link is no longer valid: it has been used, replaced by a newer invitation, or has expired. Ask an administrator for a new invitation.'
	},
	forgot: {
		title: 'Forgotten password',
		lead: 'Enter the e-mail address of your account. If it matches an active account, you will receive a link to choose a new password.',
		submit: 'Send me a link',
		sent: 'If an active account matches this address, a message with a link valid for one hour has just been sent to it. If nothing arrives, contact a Jalons administrator.'
	},
	reset: {
		title: 'Choose a new password',
		lead: 'Choose a new password for the account {email}. Every open session of this account will be closed.',
		submit: 'Save the password',
		invalidTitle: 'Invalid or expired link',
		invalid: 'This reset link is no longer valid: it has been used, replaced by a newer link, or has expired. Ask for a new one.',
		askAgain: 'Ask for a new link'
	},
	account: {
		title: 'My account',
		identity: 'My details',
		none: 'None',
		changePassword: 'Change password',
		changePasswordLead: 'Your other sessions will be closed.',
		changeSubmit: 'Change the password',
		passwordChanged: 'Password changed. Your other sessions have been closed.',
		sessions: 'My sessions',
		sessionsCaption: 'Sessions open on my account',
		device: 'Device',
		createdAt: 'Opened on',
		lastSeen: 'Last activity',
		ipAddress: 'IP address',
		action: 'Action',
		current: 'Current session',
		revoke: 'Close',
		revokeLabel: 'Close the session opened on {date}',
		revoked: 'Session closed.',
		revokeOthers: 'Close all my other sessions',
		othersRevoked: '{n} other session(s) closed.',
		unknownDevice: 'Unknown device',
		deviceOn: '{browser} on {os}'
	},
	admin: {
		section: 'Administration',
		title: 'Users',
		lead: 'Accounts are created by invitation: the invited person chooses their own password.',
		invite: 'Invite a user',
		usersCaption: 'Accounts ({n})',
		name: 'Name',
		state: 'State',
		active: 'Active',
		disabled: 'Disabled',
		noPassword: 'No password',
		edit: 'Edit',
		editLabel: 'Edit the account of {name}',
		pending: 'Pending invitations',
		pendingCaption: 'Pending invitations ({n})',
		noPending: 'No pending invitation.',
		expires: 'Expires on',
		inviteTitle: 'Invite a user',
		inviteLead: 'The person receives a single-use link, valid for 7 days, to choose their password.',
		inviteSubmit: 'Send the invitation',
		invitedMailed: 'Invitation e-mailed to {email}.',
		linkToPass: 'No e-mail could be sent. Pass this link on to {email} yourself; it is valid until {date} and works only once:',
		editTitle: 'Account of {name}',
		saved: 'Changes saved.',
		accessTitle: 'Access',
		disable: 'Disable the account',
		disableHint: 'Their sessions are closed at once; their contributions stay.',
		enable: 'Enable the account again',
		disabledDone: 'Account disabled: its sessions have been closed.',
		enabledDone: 'Account enabled again.',
		sendReset: 'Send a password reset link',
		resetMailed: 'Reset link e-mailed to {email}.',
		sessionsOpen: 'Open sessions: {n}',
		back: 'Back to the list of users'
	},
	errors: {
		emailTaken: 'An account already exists with this address.',
		unknownTeam: 'Choose teams from the list.',
		editorNeedsTeam: 'An editor must belong to at least one team.',
		rolesRequired: 'Choose at least one role.',
		passwordTooShort: 'The password must be at least 12 characters long.',
		passwordTooLong: 'The password must be at most 128 characters long.',
		passwordCommon: 'This password is one of the most used: choose another one.',
		passwordPersonal: 'The password must not contain your e-mail address.',
		passwordMismatch: 'The two passwords do not match.',
		passwordSame: 'The new password must differ from the current one.',
		currentPasswordWrong: 'The current password is wrong.',
		linkInvalid: 'This link is no longer valid.',
		cannotDisableSelf: 'You cannot disable your own account.',
		cannotDemoteSelf: 'You cannot remove your own administrator role.',
		userDisabled: 'This account is disabled.',
		revokeCurrent: 'To close the current session, sign out.',
		sessionNotFound: 'This session no longer exists.'
	},
	mail: {
		invitationSubject: 'Your invitation to Jalons',
		invitationBody:
			'Hello {name},\n\n{inviter} invites you to join Jalons, the public tracker of government action plans.\n\nTo create your account, choose your password by following this link:\n{link}\n\nThis link is valid until {date} and works only once. If you did not expect this invitation, ignore this message.\n',
		resetSubject: 'Resetting your Jalons password',
		resetBody:
			'Hello {name},\n\nTo choose a new password for your Jalons account, follow this link:\n{link}\n\nThis link is valid until {date} and works only once. If you asked for nothing, ignore this message: your current password still works.\n'
	}
};

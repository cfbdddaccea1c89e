// Interface text of comments, follows, notifications and the daily digest. French first; English has every key.
export const commentsFr = {
	title: 'Commentaires',
	intro: 'Les commentaires publics sont visibles de tous, avec le nom et l’organisation de leur auteur.',
	none: 'Aucun commentaire pour l’instant.',
	signInToComment: 'Connectez-vous pour commenter (membres du groupe de travail AMDAC, du conseil et de l’équipe de la mission).',
	signIn: 'Se connecter',
	newComment: 'Ajouter un commentaire',
	body: 'Votre commentaire',
	bodyHint: 'Mise en forme possible : *italique*, **gras**, [texte du lien](https://…), listes commençant par « - » ou « 1. ». Le HTML n’est pas interprété.',
	visibility: 'Visible par',
	visibilityLabels: {
		PUBLIC: 'Public : tout le monde',
		WORKING_GROUP: 'Groupe de travail : personnes connectées',
		INTERNAL: 'Interne : équipe de la mission (administration, rédaction)'
	},
	badges: { PUBLIC: 'Public', WORKING_GROUP: 'Groupe de travail', INTERNAL: 'Interne' },
	target: 'À propos de',
	targetMeasure: 'La mesure dans son ensemble',
	targetMilestone: 'Jalon : {title}',
	targetReport: 'Le rapport',
	aboutMilestone: 'À propos du jalon « {title} »',
	submit: 'Publier le commentaire',
	reply: 'Répondre',
	replyTo: 'Répondre à {name}',
	replySubmit: 'Publier la réponse',
	replies: 'Réponses',
	edit: 'Modifier',
	editTitle: 'Modifier votre commentaire (possible pendant 15 minutes)',
	editSubmit: 'Enregistrer la modification',
	edited: 'modifié',
	postedBy: '{name}',
	postedOn: 'le {date}',
	hiddenNotice: 'Masqué par la modération : {reason}',
	hiddenOriginal: 'Texte masqué (visible des seuls modérateurs)',
	moderate: 'Masquer',
	moderateTitle: 'Masquer ce commentaire',
	reason: 'Raison (affichée à la place du commentaire)',
	hideSubmit: 'Masquer le commentaire',
	restore: 'Rétablir le commentaire',
	follow: 'Suivre cette mesure',
	unfollow: 'Ne plus suivre cette mesure',
	followHint: 'Vous recevez une notification pour chaque nouveau commentaire et chaque mise à jour publiée.',
	saved: {
		posted: 'Votre commentaire est publié.',
		edited: 'Votre commentaire est modifié.',
		hidden: 'Le commentaire est masqué.',
		restored: 'Le commentaire est rétabli.',
		followed: 'Vous suivez cette mesure.',
		unfollowed: 'Vous ne suivez plus cette mesure.',
		allRead: 'Toutes les notifications sont marquées comme lues.'
	},
	errors: {
		forbidden: 'Vous n’avez pas le droit de faire cela.',
		rateLimited: {
			one: 'Vous avez publié beaucoup de commentaires en peu de temps : réessayez dans {n} minute.',
			other: 'Vous avez publié beaucoup de commentaires en peu de temps : réessayez dans {n} minutes.'
		},
		editWindow: 'Un commentaire ne se modifie que pendant les 15 minutes qui suivent sa publication.',
		replyDepth: 'On ne répond qu’à un commentaire, pas à une réponse.',
		replyHidden: 'On ne répond pas à un commentaire masqué.',
		replyWider: 'Une réponse ne peut pas être visible d’un public plus large que le commentaire auquel elle répond.',
		alreadyHidden: 'Ce commentaire est déjà masqué.',
		notHidden: 'Ce commentaire n’est pas masqué.',
		conflict: 'Ce commentaire a changé depuis l’ouverture de la page : rien n’a été enregistré. Rechargez la page.'
	},
	notifications: {
		title: 'Notifications',
		header: 'Notifications',
		headerUnread: { one: 'Notifications ({n} non lue)', other: 'Notifications ({n} non lues)' },
		intro:
			'Les nouveautés des mesures que vous suivez (et, pour les membres du conseil, les rapports soumis au conseil). Avec un serveur de messagerie configuré, vous recevez aussi un résumé quotidien par courriel.',
		none: 'Aucune notification. Suivez une mesure depuis sa page pour être prévenu de ses nouveautés.',
		unread: 'Non lue',
		markAllRead: 'Tout marquer comme lu',
		comment: '{name} a commenté la mesure {n} – {title}',
		commentHidden: 'Nouveau commentaire (masqué depuis) sur la mesure {n} – {title}',
		update: 'Mise à jour publiée sur la mesure {n} – {title}',
		reportSubmitted: 'Rapport soumis au conseil : {title}',
		reportPublished: 'Rapport publié : {title}'
	},
	digest: {
		subject: { one: 'Jalons : {n} nouveauté sur les mesures que vous suivez', other: 'Jalons : {n} nouveautés sur les mesures que vous suivez' },
		greeting: 'Bonjour {name},',
		intro: 'Voici les nouveautés des mesures que vous suivez depuis le dernier résumé :',
		comment: '- {name} a commenté la mesure {n} – {title}',
		update: '- Mise à jour publiée sur la mesure {n} – {title}',
		reportSubmitted: '- Rapport soumis au conseil : {title}',
		reportPublished: '- Rapport publié : {title}',
		footer: 'Pour ne plus recevoir ce résumé, cessez de suivre ces mesures depuis leur page. Vos notifications : {link}'
	}
};

export type CommentsMessages = typeof commentsFr;

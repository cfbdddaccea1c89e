import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import { log } from '$lib/server/log';
import { localizeHref } from '$lib/i18n/routing';

// Signing out changes state, so it is a POST (a GET, such as a prefetched link, must not sign anyone out).
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.user !== null });

export const actions: Actions = {
	logout: async ({ locals, cookies, url }) => {
		if (locals.session) {
			await invalidateSession(await requestDb(), locals.session.id);
			log('info', 'logout', { userId: locals.user?.id });
		}
		deleteSessionCookie(cookies, url);
		redirect(303, localizeHref('/connexion?etat=deconnexion', locals.locale));
	}
};

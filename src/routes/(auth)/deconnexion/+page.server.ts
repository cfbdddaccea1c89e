import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { deleteSessionCookie, endSession } from '$lib/server/auth/session';
import { endSessionUrl, proConnectSettings } from '$lib/server/auth/proconnect';
import { log } from '$lib/server/log';
import { localizeHref } from '$lib/i18n/routing';

// Signing out changes state, so it is a POST (a GET, such as a prefetched link, must not sign anyone out).
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.user !== null });

export const actions: Actions = {
	logout: async ({ locals, cookies, url }) => {
		let idToken: string | null = null;
		if (locals.session) {
			({ idToken } = await endSession(await requestDb(), locals.session.id));
			log('info', 'logout', { userId: locals.user?.id });
		}
		deleteSessionCookie(cookies, url);
		// A session opened through ProConnect ends the federation's session too (Jalons' is already gone):
		// to the provider's end-session endpoint, which sends the browser back to /deconnexion/proconnect.
		const settings = proConnectSettings();
		const federated = settings && idToken ? await endSessionUrl(settings, cookies, url, idToken, locals.locale) : null;
		if (federated) redirect(303, federated.href);
		redirect(303, localizeHref('/connexion?etat=deconnexion', locals.locale));
	}
};

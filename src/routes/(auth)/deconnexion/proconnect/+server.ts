// The post-logout redirect URI registered with ProConnect. The Jalons session ended before the trip
// to the provider; a state that does not match the logout cookie only loses the "signed out" notice.
import type { RequestHandler } from './$types';
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/routing';
import { takeLogoutReturn } from '$lib/server/auth/proconnect';

export const GET: RequestHandler = ({ cookies, url }) => {
	const { locale, matched } = takeLogoutReturn(cookies, url);
	redirect(303, localizeHref(matched ? '/connexion?etat=deconnexion' : '/connexion', locale));
};

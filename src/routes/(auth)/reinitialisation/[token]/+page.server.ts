import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/routing';
import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { parseForm } from '$lib/server/forms/form';
import { setPasswordSchema } from '$lib/server/auth/schemas';
import { failFromDomain, invalid } from '$lib/server/forms/auth-errors';
import { performPasswordReset, findUsableToken } from '$lib/server/domain/users/users';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'Cache-Control': 'no-store' });
	const found = await findUsableToken(await requestDb(), 'PASSWORD_RESET', params.token);
	return { reset: found ? { email: found.email, displayName: found.displayName } : null };
};

export const actions: Actions = {
	setPassword: async (event) => {
		const parsed = parseForm(setPasswordSchema, await event.request.formData(), event.locals.locale);
		if (!parsed.ok) return invalid(parsed);
		try {
			await performPasswordReset(await requestDb(), event.params.token, parsed.data.password, event.getClientAddress());
		} catch (cause) {
			return failFromDomain(cause);
		}
		redirect(303, localizeHref('/connexion?etat=motdepasse', event.locals.locale));
	}
};

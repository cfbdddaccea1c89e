import type { Actions } from './$types';
import { requestDb } from '$lib/server/db/request';
import { parseForm } from '$lib/server/forms/form';
import { forgotSchema } from '$lib/server/auth/schemas';
import { invalid } from '$lib/server/forms/auth-errors';
import { requestPasswordReset } from '$lib/server/domain/users/users';
import { resetLink, resetMail } from '$lib/server/auth/links';
import { deliverLink } from '$lib/server/mail';
import { log } from '$lib/server/log';

export const actions: Actions = {
	requestReset: async ({ request, locals }) => {
		const parsed = parseForm(forgotSchema, await request.formData(), locals.locale);
		if (!parsed.ok) return invalid(parsed);
		const reset = await requestPasswordReset(await requestDb(), parsed.data.email);
		if (reset) {
			const link = resetLink(reset.token);
			const mail = resetMail(locals.locale, { email: reset.email, name: reset.displayName }, link, reset.expiresAt);
			// Not awaited: answering only after the SMTP exchange would tell, by its delay, that the account exists.
			void deliverLink(mail, link).catch((error: unknown) => log('error', 'reset mail failed', { error: String(error) }));
		}
		return { sent: true };
	}
};

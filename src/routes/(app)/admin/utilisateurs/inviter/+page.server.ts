import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { parseForm } from '$lib/server/forms/form';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManageUsers, ROLES } from '$lib/server/policies';
import { inviteSchema } from '$lib/server/auth/schemas';
import { failFromDomain, invalid } from '$lib/server/forms/auth-errors';
import { invitationMail, invitationLink } from '$lib/server/auth/links';
import { deliverLink } from '$lib/server/mail';
import { inviteUser, listTeams } from '$lib/server/domain/users/users';
import { formValues } from '$lib/server/forms/form';

export const load: PageServerLoad = async () => {
	requireAllowed(canManageUsers);
	return { teams: await listTeams(await requestDb()), roles: ROLES };
};

export const actions: Actions = {
	invite: async (event) => {
		const admin = requireAllowed(canManageUsers, event);
		const formData = await event.request.formData();
		const parsed = parseForm(inviteSchema, formData, event.locals.locale);
		if (!parsed.ok) return invalid(parsed);
		const input = parsed.data;
		let invitation: { token: string; expiresAt: Date };
		try {
			invitation = await inviteUser(await requestDb(), admin, input);
		} catch (cause) {
			return failFromDomain(cause, formValues(formData));
		}
		const link = invitationLink(invitation.token);
		const mail = invitationMail(event.locals.locale, { email: input.email, name: input.displayName }, admin.displayName, link, invitation.expiresAt);
		const { delivered } = await deliverLink(mail, link);
		// The link is shown once, to the admin who created it, only when no mail carried it.
		return { invited: { email: input.email, link: delivered ? null : link, expiresAt: invitation.expiresAt.toISOString() } };
	}
};

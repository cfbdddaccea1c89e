import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requestDb } from '$lib/server/db/request';
import { formValues, parseForm } from '$lib/server/forms/form';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManageUsers, ROLES } from '$lib/server/policies';
import { noFields, updateUserSchema } from '$lib/server/auth/schemas';
import { errorFromDomain, failFromDomain, invalid } from '$lib/server/forms/auth-errors';
import { resetMail, resetLink } from '$lib/server/auth/links';
import { deliverLink } from '$lib/server/mail';
import { getUserForAdmin, listTeams, sendPasswordResetByAdmin, setUserDisabled, updateUser } from '$lib/server/domain/users/users';
import { councilFlags, setCouncilFlags } from '$lib/server/domain/reports/opinions';
import { councilFlagsForm } from '$lib/server/validation/reports';
import { notFound } from '$lib/server/http/not-found';
import { PARAM_PATTERNS } from '$lib/route-params';

/** Checks the admin first (so that nobody learns which ids exist), then the id's shape. */
function target(event: RequestEvent) {
	const admin = requireAllowed(canManageUsers, event);
	if (!PARAM_PATTERNS.id.test(event.params.id)) notFound(event.locals.locale);
	return { admin, userId: event.params.id };
}

export const load: PageServerLoad = async (event) => {
	const { admin, userId } = target(event);
	const db = await requestDb();
	const user = await getUserForAdmin(db, admin, userId).catch(errorFromDomain);
	return {
		user: {
			id: user.id,
			email: user.email,
			displayName: user.displayName,
			organisation: user.organisation,
			roles: user.roles,
			teamIds: user.teamIds,
			sessions: user.sessions,
			disabledAt: user.disabledAt?.toISOString() ?? null
		},
		isSelf: user.id === admin.id,
		teams: await listTeams(db),
		roles: ROLES,
		// Council flags (reports): shown for council members only.
		council: user.roles.includes('COUNCIL') ? await councilFlags(db, user.id) : null
	};
};

async function noFieldsSent(event: RequestEvent) {
	return parseForm(noFields, await event.request.formData(), event.locals.locale);
}

export const actions: Actions = {
	update: async (event) => {
		const { admin, userId } = target(event);
		const formData = await event.request.formData();
		const parsed = parseForm(updateUserSchema, formData, event.locals.locale);
		if (!parsed.ok) return invalid(parsed);
		try {
			await updateUser(await requestDb(), admin, userId, parsed.data);
		} catch (cause) {
			return failFromDomain(cause, formValues(formData));
		}
		return { saved: true };
	},
	disable: async (event) => {
		const { admin, userId } = target(event);
		const parsed = await noFieldsSent(event);
		if (!parsed.ok) return invalid(parsed);
		try {
			await setUserDisabled(await requestDb(), admin, userId, true);
		} catch (cause) {
			return failFromDomain(cause);
		}
		return { disabled: true };
	},
	enable: async (event) => {
		const { admin, userId } = target(event);
		const parsed = await noFieldsSent(event);
		if (!parsed.ok) return invalid(parsed);
		try {
			await setUserDisabled(await requestDb(), admin, userId, false);
		} catch (cause) {
			return failFromDomain(cause);
		}
		return { enabled: true };
	},
	councilFlags: async (event) => {
		const { admin, userId } = target(event);
		const parsed = parseForm(councilFlagsForm, await event.request.formData(), event.locals.locale);
		if (!parsed.ok) return invalid(parsed);
		try {
			await setCouncilFlags(await requestDb(), admin, userId, parsed.data);
		} catch (cause) {
			return failFromDomain(cause);
		}
		return { councilSaved: true };
	},
	sendReset: async (event) => {
		const { admin, userId } = target(event);
		const parsed = await noFieldsSent(event);
		if (!parsed.ok) return invalid(parsed);
		let reset;
		try {
			reset = await sendPasswordResetByAdmin(await requestDb(), admin, userId);
		} catch (cause) {
			return failFromDomain(cause);
		}
		const link = resetLink(reset.token);
		const { delivered } = await deliverLink(resetMail(event.locals.locale, { email: reset.email, name: reset.displayName }, link, reset.expiresAt), link);
		return { reset: { email: reset.email, link: delivered ? null : link, expiresAt: reset.expiresAt.toISOString() } };
	}
};

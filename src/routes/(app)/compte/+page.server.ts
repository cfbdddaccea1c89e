import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { parseForm } from '$lib/server/forms/form';
import { requireUser } from '$lib/server/auth/guards';
import { changePasswordSchema, noFields, sessionIdSchema } from '$lib/server/auth/schemas';
import { failFromDomain, invalid } from '$lib/server/forms/auth-errors';
import { setSessionCookie } from '$lib/server/auth/session';
import { changePassword, listMySessions, listMyTeams, revokeMyOtherSessions, revokeMySession } from '$lib/server/domain/users/users';
import { describeDevice } from './device';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser();
	const db = await requestDb();
	const [sessions, teams] = await Promise.all([listMySessions(db, user), listMyTeams(db, user)]);
	return {
		identity: { email: user.email, displayName: user.displayName, organisation: user.organisation, roles: [...user.roles], teams },
		sessions: sessions.map((s) => ({
			id: s.id,
			createdAt: s.createdAt.toISOString(),
			lastSeenAt: s.lastSeenAt.toISOString(),
			device: describeDevice(s.userAgent),
			userAgent: s.userAgent,
			ipAddress: s.ipAddress,
			current: s.id === locals.session?.id
		}))
	};
};

export const actions: Actions = {
	changePassword: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(changePasswordSchema, await event.request.formData(), event.locals.locale);
		if (!parsed.ok) return invalid(parsed);
		try {
			const { token, expiresAt } = await changePassword(await requestDb(), user, {
				currentPassword: parsed.data.currentPassword,
				newPassword: parsed.data.newPassword,
				ipAddress: event.getClientAddress(),
				userAgent: event.request.headers.get('user-agent')
			});
			setSessionCookie(event.cookies, event.url, token, expiresAt);
		} catch (cause) {
			return failFromDomain(cause);
		}
		return { passwordChanged: true };
	},
	revokeSession: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(sessionIdSchema, await event.request.formData(), event.locals.locale);
		if (!parsed.ok) return invalid(parsed);
		try {
			await revokeMySession(await requestDb(), user, parsed.data.sessionId, event.locals.session?.id ?? null);
		} catch (cause) {
			return failFromDomain(cause);
		}
		return { revoked: true };
	},
	revokeOthers: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(noFields, await event.request.formData(), event.locals.locale);
		if (!parsed.ok) return invalid(parsed);
		const count = await revokeMyOtherSessions(await requestDb(), user, event.locals.session?.id ?? null);
		return { othersRevoked: count };
	}
};

import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { parseForm } from '$lib/server/forms/form';
import { requireUser } from '$lib/server/auth/guards';
import { changePasswordSchema, noFields, sessionIdSchema } from '$lib/server/auth/schemas';
import { failFromDomain, invalid } from '$lib/server/forms/auth-errors';
import { setSessionCookie } from '$lib/server/auth/session';
import { changePassword, listMySessions, listMyTeams, revokeMyOtherSessions, revokeMySession } from '$lib/server/domain/users/users';
import { describeDevice } from './device';
import { listMyIdentities, unlinkMyIdentity } from '$lib/server/domain/users/proconnect';
import { proConnectSettings } from '$lib/server/auth/proconnect';
import { z } from 'zod';

const identityIdSchema = z.strictObject({ identityId: z.string().min(1).max(64) });

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser();
	const db = await requestDb();
	const [sessions, teams, identities] = await Promise.all([listMySessions(db, user), listMyTeams(db, user), listMyIdentities(db, user)]);
	// Shown when ProConnect is on, or when an identity is still linked from a time it was.
	const showProConnect = proConnectSettings() !== null || identities.identities.length > 0;
	return {
		identity: { email: user.email, displayName: user.displayName, organisation: user.organisation, roles: [...user.roles], teams },
		hasPassword: identities.hasPassword,
		proConnect: showProConnect
			? {
					hasPassword: identities.hasPassword,
					identities: identities.identities.map((i) => ({ ...i, linkedAt: i.linkedAt.toISOString(), lastUsedAt: i.lastUsedAt?.toISOString() ?? null }))
				}
			: null,
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
	unlinkIdentity: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(identityIdSchema, await event.request.formData(), event.locals.locale);
		if (!parsed.ok) return invalid(parsed);
		try {
			await unlinkMyIdentity(await requestDb(), user, parsed.data.identityId);
		} catch (cause) {
			return failFromDomain(cause);
		}
		return { unlinked: true };
	},
	revokeOthers: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(noFields, await event.request.formData(), event.locals.locale);
		if (!parsed.ok) return invalid(parsed);
		const count = await revokeMyOtherSessions(await requestDb(), user, event.locals.session?.id ?? null);
		return { othersRevoked: count };
	}
};

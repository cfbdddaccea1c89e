import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canManageUsers } from '$lib/server/policies';
import { listUsers } from '$lib/server/domain/users/users';

export const load: PageServerLoad = async () => {
	const admin = requireAllowed(canManageUsers);
	const { users, invitations } = await listUsers(await requestDb(), admin);
	return {
		users: users.map((u) => ({ ...u, disabledAt: u.disabledAt?.toISOString() ?? null })),
		invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))
	};
};

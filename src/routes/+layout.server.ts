import type { LayoutServerLoad } from './$types';
import { canFollow, canManageUsers } from '$lib/server/policies';
import { requestDb } from '$lib/server/db/request';
import { unreadCount } from '$lib/server/domain/notifications';

// `currentUser` only drives the header links (a name no page should reuse: page data overrides layout
// data); every protected load and action checks access itself.
export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	currentUser: locals.user
		? {
				displayName: locals.user.displayName,
				canManageUsers: canManageUsers(locals.user),
				// Null: no notifications page for this account (no role).
				unreadNotifications: canFollow(locals.user) ? await unreadCount(await requestDb(), locals.user) : null
			}
		: null
});

import type { LayoutServerLoad } from './$types';
import { canManageUsers } from '$lib/server/policies';

// `currentUser` only drives the header links (a name no page should reuse: page data overrides layout
// data); every protected load and action checks access itself.
export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	currentUser: locals.user ? { displayName: locals.user.displayName, canManageUsers: canManageUsers(locals.user) } : null
});

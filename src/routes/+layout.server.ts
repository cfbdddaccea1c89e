import type { LayoutServerLoad } from './$types';
import { canFollow, canManagePlan, canManageUsers, canViewInternal } from '$lib/server/policies';
import { requestDb } from '$lib/server/db/request';
import { unreadCount } from '$lib/server/domain/notifications/notifications';
import { publicModels } from '$lib/server/read-models/instance';
import { localeFromPath } from '$lib/i18n/routing';
import { publicOrigin } from '$lib/server/config';
import { generateToken } from '$lib/server/auth/tokens';

/**
 * The header's unread count must never take a page down: this load also runs for the error page, and
 * during a database outage that page (503, "try again") is exactly what must still render.
 */
async function unreadOrNull(user: NonNullable<App.Locals['user']>): Promise<number | null> {
	try {
		return await unreadCount(await requestDb(), user);
	} catch {
		return null;
	}
}

/** The reports workspace of the default plan, for the roles that read it (council members first); like the count, never fatal. */
async function reportsHrefOrNull(user: NonNullable<App.Locals['user']>): Promise<string | null> {
	if (!canViewInternal(user)) return null;
	try {
		const slug = await publicModels.defaultPlanSlug(await requestDb());
		return slug ? `/plans/${slug}/rapports/travail` : null;
	} catch {
		return null;
	}
}

// `currentUser` only drives the header links (a name no page should reuse: page data overrides layout
// data); every protected load and action checks access itself.
// The locale is read from `url` (not only `locals`) so that this load reruns when a client-side
// navigation switches language on the same route (`/x` ↔ `/en/x`).
export const load: LayoutServerLoad = async ({ locals, url }) => ({
	locale: localeFromPath(url.pathname),
	// Canonical and OpenGraph URLs: from ORIGIN, never from the request's Host.
	siteOrigin: publicOrigin(),
	// For the create forms of signed-in pages (FormToken.svelte); this load reruns on every navigation.
	formToken: locals.user ? generateToken() : null,
	currentUser: locals.user
		? {
				displayName: locals.user.displayName,
				canManageUsers: canManageUsers(locals.user),
				canManagePlans: canManagePlan(locals.user),
				// Null: no notifications page for this account (no role).
				unreadNotifications: canFollow(locals.user) ? await unreadOrNull(locals.user) : null,
				reportsHref: await reportsHrefOrNull(locals.user)
			}
		: null
});

import type { LayoutServerLoad } from './$types';
import { canFollow, canManagePlan, canManageUsers, canViewInternal } from '$lib/server/policies';
import { requestDb } from '$lib/server/db/request';
import { publicModels } from '$lib/server/read-models/instance';
import { localeFromPath } from '$lib/i18n/routing';
import { publicOrigin } from '$lib/server/config';
import { generateToken } from '$lib/server/auth/tokens';

/**
 * The reports workspace of the default plan, for the roles that read it (council members first). Never
 * fatal: this load also runs for the error page, which a database outage must still render (503).
 */
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
				// Null: no notifications page for this account (no role). Counted with the session check
				// (auth/session.ts), so the error page of a database outage needs no query here.
				unreadNotifications: canFollow(locals.user) ? (locals.session?.unreadNotifications ?? null) : null,
				reportsHref: await reportsHrefOrNull(locals.user)
			}
		: null
});

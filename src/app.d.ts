// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n';
import type { Actor } from '$lib/server/policies';
import type { PlanLifecycle } from '$lib/server/domain/plans/lifecycle';

declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
			/** The database could not be reached: the page is a 503 (see hooks.server.ts). */
			unavailable?: boolean;
		}
		interface Locals {
			requestId: string;
			locale: Locale;
			/** The signed-in user (roles and teams loaded), or null. Set by the authenticate hook. */
			user: (Actor & { email: string; organisation: string | null }) | null;
			/** The current session, or null; with the unread notifications as counted when it was checked. */
			session: { id: string; expiresAt: Date; unreadNotifications: number } | null;
			/** Set by handleError when the database went away during the request: answered 503. */
			databaseUnavailable?: boolean;
			/** The life cycle of the plan named by the route's `slug` (null: no such plan). Set by the plan-access hook. */
			plan?: PlanLifecycle | null;
			/** The visitor may not see this plan (a draft, anonymous), or that could not be checked: see http/plan-access.ts. */
			planGate?: 'hidden' | 'unchecked';
		}
	}
}

export {};

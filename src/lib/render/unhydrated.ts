// Public pages are not hydrated (routes/(public)/+layout.ts: `csr = false`), yet SvelteKit still
// serializes their load data with devalue as it renders them, for a browser script that never comes:
// a whole read model walked and turned into code, then dropped (about a tenth of the uncached
// dashboard's CPU, bench/RESULTS.md). The largest public pages' loads hand their data through
// `renderedOnServer`, and SvelteKit's `transport` hook (src/hooks.ts) serializes what it marked as a
// marker, so nothing of it is walked. Only a (public) page's data is marked: every page that carries it
// has the (public) layout, so no script reads it. (An error page is drawn from the root layout alone,
// and is hydrated: it never carries it.)
import type { Transporter } from '@sveltejs/kit';

/** The pages served without hydration: every route of the (public) group. */
export function isPublicRoute(routeId: string | null): boolean {
	return /^\/\(public\)(\/|$)/.test(routeId ?? '');
}

const serverOnly = new WeakSet<object>();

/**
 * A (public) page's data, not serialized in its HTML. Its `__data.json` keeps it whole: the router of a
 * signed-in page preloads it when a link to the page is hovered. A copy is marked, so that a read model
 * shared by every request is never marked itself.
 */
export function renderedOnServer<T extends object>(event: { isDataRequest: boolean }, data: T): T {
	if (event.isDataRequest) return data;
	const copy = { ...data };
	serverOnly.add(copy);
	return copy;
}

/** No browser decodes it: no page that reaches a browser's script carries it. */
export const unhydratedData: Transporter = {
	encode: (value) => typeof value === 'object' && value !== null && serverOnly.has(value),
	decode: () => null
};

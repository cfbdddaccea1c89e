// Public pages are not hydrated (routes/(public)/+layout.ts: `csr = false`), yet SvelteKit still
// serializes their load data with devalue as it renders them, for a browser script that never comes:
// a whole read model walked and turned into code, then dropped (about a tenth of the uncached
// dashboard's CPU, bench/RESULTS.md). SvelteKit's `transport` hook (src/hooks.ts) lets that
// serialization replace a value by a marker: in the HTML of a page that is never hydrated, it replaces
// the first value it meets, the page's whole data, so nothing of it is walked.
import type { Transporter } from '@sveltejs/kit';

/** The pages served without hydration: every route of the (public) group. */
export function isPublicRoute(routeId: string | null): boolean {
	return /^\/\(public\)(\/|$)/.test(routeId ?? '');
}

let renderingUnhydrated: () => boolean = () => false;

/** Set once by the server (hooks.server.ts): whether the page being rendered is never hydrated. */
export function skipDataOf(check: () => boolean): void {
	renderingUnhydrated = check;
}

/** No browser decodes it: no page that reaches a browser's script carries it. */
export const unhydratedData: Transporter = {
	encode: (value) => value !== null && typeof value === 'object' && renderingUnhydrated(),
	decode: () => null
};

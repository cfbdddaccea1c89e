// The routes whose anonymous answers the page cache may keep: an allow-list by SvelteKit route id,
// so that a new route stays out of the cache until someone decides it is public. Everything under the
// (public) group, the public API, and the sitemap; never health checks, account or editing pages.
const PUBLIC_ROUTE_PREFIXES = ['/(public)/', '/api/v1/'];
const PUBLIC_ROUTES = new Set(['/(public)', '/api/v1', '/sitemap.xml', '/robots.txt']);

export function isCacheableRoute(routeId: string | null): boolean {
	if (routeId === null) return false;
	return PUBLIC_ROUTES.has(routeId) || PUBLIC_ROUTE_PREFIXES.some((prefix) => routeId.startsWith(prefix));
}

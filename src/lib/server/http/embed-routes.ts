// The routes that publish a plan's progress to other sites (issue 14, "embeddable progress"): badges,
// cards meant for an <iframe>, and the oEmbed endpoint. What they show is the same for everyone, so
// they run anonymously (no session read, no cookie ever set, shareable by any cache), and, like the
// feeds, they never show a draft, not even to a signed-in reader. Only the cards may be framed.

const FRAMABLE = /^\/\(public\)\/integrer\//;
const BADGE = /^\/\(public\)\/plans\/\[slug=slug\](?:\/mesures\/\[numero=numero\])?\/badge\.svg$/;
const OEMBED = '/(public)/oembed';

/** Cards for an <iframe> on another site: the only routes whose pages may be framed. */
export function isFramableRoute(routeId: string | null): boolean {
	return routeId !== null && FRAMABLE.test(routeId);
}

/** Badges, cards and oEmbed: anonymous, cacheable, never about a draft. */
export function isEmbedRoute(routeId: string | null): boolean {
	return routeId !== null && (isFramableRoute(routeId) || BADGE.test(routeId) || routeId === OEMBED);
}

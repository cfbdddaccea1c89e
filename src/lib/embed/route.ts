// Cards for an <iframe> on other sites (routes/(public)/integrer): the card alone, no site frame, no script.
export function isEmbedRoute(routeId: string | null): boolean {
	return routeId?.startsWith('/(public)/integrer/') ?? false;
}

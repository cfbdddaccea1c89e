// Universal hooks (server and browser). `reroute` maps `/en/...` onto the same routes as the French
// pages; the language itself is read from the URL (src/lib/i18n/routing.ts).
import type { Reroute } from '@sveltejs/kit';
import { delocalizePath, isUnlocalizedPath, localeFromPath } from '$lib/i18n/routing';

export const reroute: Reroute = ({ url }) => {
	if (localeFromPath(url.pathname) === 'fr' || isUnlocalizedPath(url.pathname)) return;
	return delocalizePath(url.pathname);
};

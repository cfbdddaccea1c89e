// Universal hooks (server and browser). `reroute` maps `/en/...` onto the same routes as the French
// pages; the language itself is read from the URL (src/lib/i18n/routing.ts). `transport` spares the
// serialization of data no browser reads ($lib/render/unhydrated.ts).
import type { Reroute, Transport } from '@sveltejs/kit';
import { delocalizePath, isUnlocalizedPath, localeFromPath } from '$lib/i18n/routing';
import { unhydratedData } from '$lib/render/unhydrated';

export const reroute: Reroute = ({ url }) => {
	if (localeFromPath(url.pathname) === 'fr' || isUnlocalizedPath(url.pathname)) return;
	return delocalizePath(url.pathname);
};

export const transport: Transport = { Unhydrated: unhydratedData };

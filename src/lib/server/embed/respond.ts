// The HTTP side of the badges, shared by the plan's and the measure's route.
import { cachedResponse } from '../http/cache';
import { requestDb } from '../db/request';
import { notFound } from '../http/not-found';
import type { Locale } from '../../i18n';
import { measureEmbed, planEmbed } from '../domain/embed/embed';
import { measureBadge, planBadge, renderBadge } from './badge';

/** `?lang=en` for an English badge; French otherwise (an `/en/…` address is English too). */
function badgeLocale(url: URL, pathLocale: Locale): Locale {
	const lang = url.searchParams.get('lang');
	return lang === 'en' || lang === 'fr' ? lang : pathLocale;
}

export async function badgeResponse(request: Request, url: URL, target: { slug: string; number?: string }, pathLocale: Locale): Promise<Response> {
	const locale = badgeLocale(url, pathLocale);
	const db = await requestDb();
	let svg: string;
	if (target.number === undefined) {
		const plan = await planEmbed(db, target.slug);
		if (!plan) notFound(pathLocale);
		svg = renderBadge(planBadge(plan, locale));
	} else {
		const measure = await measureEmbed(db, target.slug, target.number);
		if (!measure) notFound(pathLocale);
		svg = renderBadge(measureBadge(measure, locale));
	}
	return cachedResponse(request, svg, {
		headers: {
			'Content-Type': 'image/svg+xml; charset=utf-8',
			// An image any site may show (and read, like the feeds). The security headers' locked-down
			// policy (default-src 'none') keeps the SVG inert when opened on its own.
			'Access-Control-Allow-Origin': '*',
			'Content-Language': locale
		}
	});
}

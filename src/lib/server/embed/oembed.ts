// The oEmbed endpoint (https://oembed.com, JSON only): given the address of a public measure or plan
// page of this instance, the card's <iframe> as a "rich" answer. Anything else is a 404, as the spec
// asks for a URL the provider does not know: another site, a draft plan, an unknown measure.
import { z } from 'zod';
import type { Db } from '../db';
import { format, isMessageKey, localized, messages, translate, type Locale } from '../../i18n';
import { localeFromPath } from '../../i18n/routing';
import { PARAM_PATTERNS } from '../../route-params';
import { CARD_SIZE, embedUrls, iframeSnippet, type EmbedTarget } from '../../embed/snippets';
import { measureEmbed, planEmbed } from '../domain/embed/embed';

const size = z.coerce
	.number({ error: 'embed.oembed.badSize' })
	.int({ error: 'embed.oembed.badSize' })
	.min(1, { error: 'embed.oembed.badSize' })
	.max(100_000, { error: 'embed.oembed.badSize' });

const oembedQuery = z.object({
	url: z.string({ error: 'embed.oembed.missingUrl' }).trim().min(1, { error: 'embed.oembed.missingUrl' }).max(2000, { error: 'embed.oembed.badUrl' }),
	format: z.string().optional(),
	maxwidth: size.optional(),
	maxheight: size.optional()
});

interface OembedJson {
	version: '1.0';
	type: 'rich';
	title: string;
	provider_name: string;
	provider_url: string;
	html: string;
	width: number;
	height: number;
	cache_age: number;
}

export type OembedAnswer = { status: 200; body: OembedJson } | { status: 400 | 404 | 501; message: string };

const PAGE = /^(?:\/en)?\/plans\/([^/]+)(?:\/mesures\/([^/]+))?\/?$/;

/** The measure or plan a page address of this instance names, and its language; null for anything else. */
export function embeddableTarget(address: string, origin: string): { target: EmbedTarget; locale: Locale } | null {
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return null;
	}
	if (url.origin !== origin || url.username || url.password) return null;
	const match = PAGE.exec(url.pathname);
	if (!match) return null;
	const [, slug = '', number] = match;
	if (!PARAM_PATTERNS.slug.test(slug) || (number !== undefined && !PARAM_PATTERNS.numero.test(number))) return null;
	const locale = localeFromPath(url.pathname);
	return { target: number === undefined ? { kind: 'plan', slug } : { kind: 'measure', slug, number }, locale };
}

/** The answer to one oEmbed request; `query` is the request's parameters (one value each). */
export async function answerOembed(db: Db, query: Record<string, string>, origin: string, locale: Locale): Promise<OembedAnswer> {
	const t = messages(locale);
	const parsed = oembedQuery.safeParse(query);
	if (!parsed.success) {
		// The schema's messages are keys of the catalogue; any other refusal says "bad URL".
		const key = parsed.error.issues[0]?.message ?? '';
		return { status: 400, message: isMessageKey(t, key) ? translate(t, key) : t.embed.oembed.badUrl };
	}
	const { url, format: wanted, maxwidth, maxheight } = parsed.data;
	if (wanted !== undefined && wanted !== 'json') return { status: 501, message: t.embed.oembed.badFormat };
	const found = embeddableTarget(url, origin);
	if (!found) return { status: 404, message: t.embed.oembed.notFound };
	const { target, locale: pageLocale } = found;
	const w = messages(pageLocale).embed.card;
	let title: string;
	if (target.kind === 'measure') {
		const measure = await measureEmbed(db, target.slug, target.number);
		if (!measure) return { status: 404, message: t.embed.oembed.notFound };
		title = format(w.frameTitleMeasure, { n: measure.number, title: localized(pageLocale, measure.title, measure.titleEn).text });
	} else {
		const plan = await planEmbed(db, target.slug);
		if (!plan) return { status: 404, message: t.embed.oembed.notFound };
		title = format(w.frameTitlePlan, { plan: localized(pageLocale, plan.plan.title, plan.plan.titleEn).text });
	}
	// The consumer's limits are upper bounds (oEmbed §2.2): the card shrinks to them, never grows.
	const preferred = CARD_SIZE[target.kind];
	const width = Math.min(preferred.width, maxwidth ?? Infinity);
	const height = Math.min(preferred.height, maxheight ?? Infinity);
	const urls = embedUrls(origin, target, pageLocale);
	return {
		status: 200,
		body: {
			version: '1.0',
			type: 'rich',
			title,
			provider_name: messages(pageLocale).siteName,
			provider_url: `${origin}/`,
			html: iframeSnippet(urls.card, title, { width, height }),
			width,
			height,
			cache_age: 300
		}
	};
}

// The addresses and the HTML snippets of a measure's or a plan's badge and card, shared by the
// "embed this" box of the public pages (browser and server) and the oEmbed endpoint (server), so
// that both give other sites the same code. Addresses are absolute, built on the configured ORIGIN.
import { localizeHref } from '../i18n/routing';
import type { Locale } from '../i18n';

export type EmbedTarget = { kind: 'plan'; slug: string } | { kind: 'measure'; slug: string; number: string };

/** The card's size in the snippet: wide enough for a measure's title on two or three lines. */
export const CARD_SIZE = {
	plan: { width: 480, height: 300 },
	measure: { width: 480, height: 260 }
} as const;

export interface EmbedUrls {
	/** The public page, in the language asked for. */
	page: string;
	/** The card, for an <iframe>. */
	card: string;
	/** The badge, for an <img>. */
	badge: string;
}

export function embedUrls(origin: string, target: EmbedTarget, locale: Locale): EmbedUrls {
	const path = target.kind === 'plan' ? `/plans/${target.slug}` : `/plans/${target.slug}/mesures/${target.number}`;
	return {
		page: origin + localizeHref(path, locale),
		card: origin + localizeHref(`/integrer${path}`, locale),
		// The badge keeps one address per language through `?lang=` (an image has no page around it).
		badge: `${origin}${path}/badge.svg${locale === 'fr' ? '' : `?lang=${locale}`}`
	};
}

/** An attribute value between double quotes. */
export function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function iframeSnippet(src: string, title: string, size: { width: number; height: number }): string {
	return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${size.width}" height="${size.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

/** The badge links to the page it sums up. */
export function badgeSnippet(urls: EmbedUrls, alt: string): string {
	return `<a href="${escapeAttribute(urls.page)}"><img src="${escapeAttribute(urls.badge)}" alt="${escapeAttribute(alt)}"></a>`;
}

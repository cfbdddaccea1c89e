// Feed entries for published progress updates, and the stable identifiers every entry and feed uses.
import { createHash } from 'node:crypto';
import { format, formatPreciseDate, messages, type Locale } from '../../i18n';
import { toIsoDay, type DatePrecision } from '../../domain/dates';
import { escapeHtml, type AtomEntry } from './atom';
import { markdownToText, renderMarkdown } from '../markdown';

export interface FeedMeasure {
	number: string;
	title: string;
	owner: string;
	url: string;
}

export interface PublishedUpdate {
	id: string;
	date: Date;
	datePrecision: DatePrecision;
	text: string;
	blockers: string | null;
	nextSteps: string | null;
	sourceUrls: string[];
	publishedAt: Date;
}

/**
 * A name-based (version 5 layout) UUID: the same database row always gives the same entry id,
 * whatever the site's address, so feed readers never show an entry twice after a move.
 */
export function urnUuid(name: string): string {
	const bytes = createHash('sha1').update(`jalons:${name}`).digest().subarray(0, 16);
	bytes[6] = (bytes[6]! & 0x0f) | 0x50;
	bytes[8] = (bytes[8]! & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function excerpt(text: string, max = 90): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

// Updates are written in the safe Markdown subset: rendered in the entry's HTML, plain in its title.
const paragraphs = renderMarkdown;

/** Only web addresses become links; anything else stays text. */
const sourceItem = (url: string) => (/^https?:\/\//i.test(url) ? `<li><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>` : `<li>${escapeHtml(url)}</li>`);

export function updateEntry(update: PublishedUpdate, measure: FeedMeasure | null, planFactsUrl: string, locale: Locale): AtomEntry {
	const t = messages(locale).opendata.feed;
	const date = formatPreciseDate({ start: toIsoDay(update.date), precision: update.datePrecision }, locale);
	const title = measure
		? format(t.updateTitle, { n: measure.number, date, excerpt: excerpt(markdownToText(update.text)) })
		: format(t.planUpdateTitle, { date, excerpt: excerpt(markdownToText(update.text)) });
	const html = [
		paragraphs(update.text),
		update.blockers ? `<p><strong>${escapeHtml(t.blockers)}</strong></p>${paragraphs(update.blockers)}` : '',
		update.nextSteps ? `<p><strong>${escapeHtml(t.nextSteps)}</strong></p>${paragraphs(update.nextSteps)}` : '',
		update.sourceUrls.length > 0 ? `<p><strong>${escapeHtml(t.sources)}</strong></p><ul>${update.sourceUrls.map(sourceItem).join('')}</ul>` : ''
	].join('');
	return {
		id: urnUuid(`update:${update.id}`),
		title,
		updated: update.publishedAt,
		published: update.publishedAt,
		link: measure?.url ?? planFactsUrl,
		content: { type: 'html', value: html },
		authors: measure ? [measure.owner] : undefined,
		categories: [{ term: 'mise-a-jour', label: t.categories.update }]
	};
}

// The progress badges (…/badge.svg): a small SVG image that says, in words, a measure's status and
// progress, or a plan's progress, for other sites to show with <img>. Colour only reinforces the text
// (white on DSFR colours of at least 4.5:1 contrast). The image cannot load a web font, so the text
// is set in Arial or its metric twin Liberation Sans, and each box is sized from an estimate of the
// text's width in that font, with a margin for a wider fallback.
import { format, formatDay, formatPercent, localized, messages, type Locale } from '../../i18n';
import type { StatusKey } from '../../domain/status';
import type { MeasureEmbed, PlanEmbed } from '../domain/embed/embed';

interface BadgeSegment {
	text: string;
	/** Background colour; the text is white. */
	fill: string;
}

export interface Badge {
	locale: Locale;
	/** The accessible name: the whole sentence, with what the boxes abbreviate. */
	title: string;
	segments: BadgeSegment[];
}

const BLUE_FRANCE = '#000091';
const GREY = '#666666';
const DARK_GREY = '#3a3a3a';
const STATUS_FILL: Record<StatusKey, string> = {
	NOT_REPORTED: GREY,
	NOT_STARTED: '#695240',
	IN_PROGRESS: '#0063cb',
	DONE: '#18753c',
	CONTINUOUS: '#6e445a',
	ABANDONED: '#ce0500'
};

const FONT_SIZE = 12;
const HEIGHT = 24;
const PADDING = 8;
const FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif";

// Advance widths of Arial, in thousandths of an em; letters with diacritics count as their base letter.
const WIDTHS: Record<string, number> = {
	' ': 278,
	'\u00a0': 278,
	'\u202f': 200,
	'.': 278,
	',': 278,
	':': 278,
	';': 278,
	'!': 278,
	'?': 556,
	'%': 889,
	'(': 333,
	')': 333,
	'-': 333,
	'–': 556,
	'—': 1000,
	'·': 278,
	'/': 278,
	"'": 191,
	'’': 222,
	'"': 355,
	'“': 333,
	'”': 333,
	'«': 556,
	'»': 556,
	'&': 667,
	a: 556,
	b: 556,
	c: 500,
	d: 556,
	e: 556,
	f: 278,
	g: 556,
	h: 556,
	i: 222,
	j: 222,
	k: 500,
	l: 222,
	m: 833,
	n: 556,
	o: 556,
	p: 556,
	q: 556,
	r: 333,
	s: 500,
	t: 278,
	u: 556,
	v: 500,
	w: 722,
	x: 500,
	y: 500,
	z: 500,
	A: 667,
	B: 667,
	C: 722,
	D: 722,
	E: 667,
	F: 611,
	G: 778,
	H: 722,
	I: 278,
	J: 500,
	K: 667,
	L: 556,
	M: 833,
	N: 722,
	O: 778,
	P: 667,
	Q: 778,
	R: 722,
	S: 667,
	T: 611,
	U: 722,
	V: 667,
	W: 944,
	X: 667,
	Y: 667,
	Z: 611,
	œ: 944,
	Œ: 1000,
	æ: 889,
	Æ: 1000
};
const DIGIT = 556;
const UNKNOWN = 1000;
/** Room for a fallback font wider than Arial (DejaVu Sans is about 10 % wider). */
const SAFETY = 1.12;

/** Estimated width in pixels of `text` at the badge's font size, rounded up. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
	let units = 0;
	for (const char of text) {
		const base = WIDTHS[char] === undefined ? char.normalize('NFD').charAt(0) : char;
		units += WIDTHS[base] ?? (/\d/.test(base) ? DIGIT : UNKNOWN);
	}
	return Math.ceil(((units * fontSize) / 1000) * SAFETY);
}

/** Text and attribute values: the five characters XML gives a meaning to, and no control character. */
export function escapeXml(text: string): string {
	return Array.from(text, xmlChar).join('');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function xmlChar(char: string): string {
	const code = char.codePointAt(0)!;
	// Control characters (but tab and line breaks) and U+FFFE/U+FFFF are not allowed in XML at all.
	if ((code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || code === 0xfffe || code === 0xffff) return '';
	return ENTITIES[char] ?? char;
}

export function renderBadge(badge: Badge): string {
	let x = 0;
	const boxes: string[] = [];
	const texts: string[] = [];
	for (const segment of badge.segments) {
		const width = textWidth(segment.text) + 2 * PADDING;
		boxes.push(`<rect x="${x}" width="${width}" height="${HEIGHT}" fill="${escapeXml(segment.fill)}"/>`);
		texts.push(`<text x="${x + width / 2}" y="16">${escapeXml(segment.text)}</text>`);
		x += width;
	}
	const title = escapeXml(badge.title);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${x}" height="${HEIGHT}" viewBox="0 0 ${x} ${HEIGHT}" role="img" aria-labelledby="titre" lang="${badge.locale}" xml:lang="${badge.locale}">`,
		`<title id="titre">${title}</title>`,
		...boxes,
		`<g fill="#ffffff" font-family="${escapeXml(FONT_FAMILY)}" font-size="${FONT_SIZE}" text-anchor="middle" aria-hidden="true">`,
		...texts,
		'</g>',
		'</svg>',
		''
	].join('\n');
}

const percentOrUnknown = (value: number | null, locale: Locale, known: string, unknown: string) =>
	value === null ? unknown : format(known, { value: formatPercent(value, locale) });

export function measureBadge(m: MeasureEmbed, locale: Locale): Badge {
	const all = messages(locale);
	const t = all.embed.badge;
	const title = localized(locale, m.title, m.titleEn).text;
	const plan = localized(locale, m.plan.title, m.plan.titleEn).text;
	const label = { text: format(t.measure, { n: m.number }), fill: BLUE_FRANCE };
	const archived = m.plan.archived ? [{ text: t.archived, fill: DARK_GREY }] : [];
	const archivedTitle = m.plan.archived ? ` ${t.archivedTitle}` : '';
	if (m.retiredOn) {
		return {
			locale,
			title: format(t.retiredTitle, { n: m.number, title, plan, date: formatDay(m.retiredOn, locale) }) + archivedTitle,
			segments: [label, { text: t.retired, fill: GREY }, ...archived]
		};
	}
	const status = all.status[m.status];
	const progress = percentOrUnknown(m.progress.value, locale, t.progress, t.progressUnknown);
	return {
		locale,
		title: format(t.measureTitle, { n: m.number, title, plan, status, progress }) + archivedTitle,
		segments: [label, { text: `${status} · ${progress}`, fill: STATUS_FILL[m.status] }, ...archived]
	};
}

export function planBadge(p: PlanEmbed, locale: Locale): Badge {
	const { badge: t, card } = messages(locale).embed;
	const plan = localized(locale, p.plan.title, p.plan.titleEn).text;
	const counts = { done: p.statusCounts.DONE, total: p.measureCount };
	const percent = p.progress.value === null ? null : formatPercent(p.progress.value, locale);
	const progress = percent ?? t.progressUnknown;
	return {
		locale,
		title: format(t.planTitle, { plan, progress: percent ?? card.progressUnknown, ...counts }) + (p.plan.archived ? ` ${t.archivedTitle}` : ''),
		segments: [
			{ text: t.plan, fill: BLUE_FRANCE },
			{ text: `${progress} · ${format(t.measuresDone, counts)}`, fill: p.plan.archived ? GREY : STATUS_FILL.IN_PROGRESS },
			...(p.plan.archived ? [{ text: t.archived, fill: DARK_GREY }] : [])
		]
	};
}

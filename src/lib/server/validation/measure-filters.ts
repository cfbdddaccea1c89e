// Query parameters of the public measure list. Each filter is parsed on its own: a value that is
// not allowed is dropped (and reported, so the page can say so) instead of failing the request.
import { z } from 'zod';
import { STATUS_KEYS } from '../../domain/status';
import { NO_FILTERS, type MeasureFilters } from '../domain/measures/list';

const FILTER_PARAMS = ['axe', 'porteur', 'statut', 'confiance', 'retard', 'q'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
/** Parameters the list reads: the filters, and which page of results. */
type ListParam = FilterParam | 'page';
const QUERY_MAX_LENGTH = 200;

const fields = {
	axe: z
		.string()
		.regex(/^[1-9]\d{0,2}$/)
		.transform(Number),
	porteur: z.string().regex(/^[A-Z0-9_]{1,60}$/),
	statut: z.enum(STATUS_KEYS),
	confiance: z.enum(['ON_TRACK', 'AT_RISK', 'OFF_TRACK']),
	retard: z.literal('1'),
	// Control characters mean nothing in a search, and PostgreSQL refuses NUL in text outright.
	q: z
		.string()
		.max(QUERY_MAX_LENGTH)
		// eslint-disable-next-line no-control-regex -- control characters are what this removes
		.transform((q) => q.replace(/[\u0000-\u001f\u007f]/g, ' ').trim())
		.pipe(z.string().min(1))
};

export interface ParsedFilters {
	filters: MeasureFilters;
	/** Which page of results (1 when absent or unusable). */
	page: number;
	/** Parameters given with a value we could not use: they were ignored. */
	ignored: ListParam[];
}

const PAGE = z
	.string()
	.regex(/^[1-9]\d{0,5}$/)
	.transform(Number);

export function parseMeasureFilters(params: URLSearchParams): ParsedFilters {
	const ignored: ListParam[] = [];
	const read = <K extends FilterParam>(name: K): z.infer<(typeof fields)[K]> | null => {
		const raw = params.get(name);
		// An empty field is what a GET form sends for "all": not an error.
		if (raw === null || raw.trim() === '') return null;
		const parsed = fields[name].safeParse(raw);
		if (!parsed.success) {
			ignored.push(name);
			return null;
		}
		return parsed.data as z.infer<(typeof fields)[K]>;
	};
	return {
		filters: {
			...NO_FILTERS,
			axis: read('axe'),
			owner: read('porteur'),
			status: read('statut'),
			confidence: read('confiance'),
			late: read('retard') !== null,
			q: read('q')
		},
		page: readPage(params, ignored),
		ignored
	};
}

function readPage(params: URLSearchParams, ignored: ListParam[]): number {
	const raw = params.get('page');
	if (raw === null || raw.trim() === '') return 1;
	const parsed = PAGE.safeParse(raw.trim());
	if (parsed.success) return parsed.data;
	ignored.push('page');
	return 1;
}

/**
 * Well-formed values that name nothing in this plan (`axe=9` in a plan of six axes, an unknown
 * team code) are ignored and reported like malformed ones, rather than shown as an active filter
 * with no results. Returns null when every value names something.
 */
export function dropUnknownChoices(parsed: ParsedFilters, known: { axes: readonly { number: number }[]; owners: readonly { code: string }[] }): ParsedFilters | null {
	const { filters } = parsed;
	const unknownAxis = filters.axis !== null && !known.axes.some((a) => a.number === filters.axis);
	const unknownOwner = filters.owner !== null && !known.owners.some((o) => o.code === filters.owner);
	if (!unknownAxis && !unknownOwner) return null;
	const ignored: ListParam[] = [...parsed.ignored];
	if (unknownAxis) ignored.push('axe');
	if (unknownOwner) ignored.push('porteur');
	return {
		filters: { ...filters, axis: unknownAxis ? null : filters.axis, owner: unknownOwner ? null : filters.owner },
		page: parsed.page,
		ignored: FILTER_ORDER.filter((p) => ignored.includes(p))
	};
}

const FILTER_ORDER: readonly ListParam[] = [...FILTER_PARAMS, 'page'];

export const hasFilters = (f: MeasureFilters): boolean => f.axis !== null || f.owner !== null || f.status !== null || f.confidence !== null || f.late || f.q !== null;

/**
 * The filters as query parameters (validated values only), e.g. for hidden fields of the date form
 * so that choosing another date keeps them.
 */
export function filterEntries(f: MeasureFilters): [FilterParam, string][] {
	const entries: [FilterParam, string | null][] = [
		['q', f.q],
		['axe', f.axis === null ? null : String(f.axis)],
		['porteur', f.owner],
		['statut', f.status],
		['confiance', f.confidence],
		['retard', f.late ? '1' : null]
	];
	return entries.filter((e): e is [FilterParam, string] => e[1] !== null);
}

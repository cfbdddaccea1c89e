// ?page=&per_page= for list endpoints: defaults, limits, and the RFC 8288 Link header.
import { z } from 'zod';
import { format, messages } from '../../i18n';
import { ApiError } from './respond';
import { publicOrigin } from '../config';

export const PER_PAGE_DEFAULT = 20;
export const PER_PAGE_MAX = 100;
const PAGE_MAX = 100_000;

export interface PageRequest {
	page: number;
	perPage: number;
}

export interface PageMeta extends PageRequest {
	total: number;
	totalPages: number;
}

function integer(params: URLSearchParams, name: string, fallback: number, max: number): number {
	const raw = params.get(name);
	if (raw === null) return fallback;
	const parsed = z
		.string()
		.regex(/^\d{1,7}$/)
		.transform(Number)
		.pipe(z.number().int().min(1).max(max))
		.safeParse(raw);
	if (!parsed.success) throw new ApiError(400, format(messages('fr').opendata.api.badInteger, { name, min: 1, max }));
	return parsed.data;
}

export function parsePageRequest(params: URLSearchParams): PageRequest {
	return { page: integer(params, 'page', 1, PAGE_MAX), perPage: integer(params, 'per_page', PER_PAGE_DEFAULT, PER_PAGE_MAX) };
}

/** What a page says about itself and the whole list, from the number of items in the list. */
export function pageMeta(request: PageRequest, total: number): PageMeta {
	return { ...request, total, totalPages: Math.max(1, Math.ceil(total / request.perPage)) };
}

export function linkHeader(url: URL, meta: PageMeta): string {
	const at = (page: number) => {
		const target = new URL(url.pathname, publicOrigin());
		target.searchParams.set('page', String(page));
		target.searchParams.set('per_page', String(meta.perPage));
		return target.href;
	};
	const links: [string, number][] = [['first', 1]];
	if (meta.page > 1) links.push(['prev', Math.min(meta.page - 1, meta.totalPages)]);
	if (meta.page < meta.totalPages) links.push(['next', meta.page + 1]);
	links.push(['last', meta.totalPages]);
	return links.map(([rel, page]) => `<${at(page)}>; rel="${rel}"`).join(', ');
}

// Path parameters of the API. Anything that cannot be a plan slug or a measure number is simply
// not found: there is nothing to look up.
import { z } from 'zod';
import { format, messages } from '../../i18n';
import { ApiError } from './respond';

export const SLUG = z.string().regex(/^[a-z0-9-]{1,120}$/);
export const MEASURE_NUMBER = z.string().regex(/^\d{1,3}(\.\d{1,3}){0,2}$/);

const t = () => messages('fr').opendata.api;

export function planSlug(raw: string): string {
	const parsed = SLUG.safeParse(raw);
	if (!parsed.success) throw new ApiError(404, t().notFound);
	return parsed.data;
}

export function measureNumber(raw: string): string {
	const parsed = MEASURE_NUMBER.safeParse(raw);
	if (!parsed.success) throw new ApiError(404, t().notFound);
	return parsed.data;
}

export const planNotFound = (slug: string) => new ApiError(404, format(t().planNotFound, { slug }));
export const measureNotFound = (slug: string, number: string) => new ApiError(404, format(t().measureNotFound, { slug, number }));

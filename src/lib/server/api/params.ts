// Path parameters of the API. Anything that cannot be a plan slug or a measure number is simply
// not found: there is nothing to look up.
import { z } from 'zod';
import { PARAM_PATTERNS } from '../../route-params';
import { format, messages } from '../../i18n';
import { ApiError } from './respond';

// The API answers its own JSON 404 for a malformed parameter, so it does not use the route matchers.
const SLUG = z.string().regex(PARAM_PATTERNS.slug);
const MEASURE_NUMBER = z.string().regex(PARAM_PATTERNS.numero);

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

// Route parameters of the report pages: anything else is a 404 before the database is asked. The
// staff pages check who is asking first, so they read the shapes here rather than in route matchers.
import { z } from 'zod';
import { PARAM_PATTERNS } from '$lib/route-params';
import { type Locale } from '$lib/i18n';
import { notFound } from '../http/not-found';

const schema = z.object({
	slug: z.string().regex(PARAM_PATTERNS.slug),
	id: z.string().regex(PARAM_PATTERNS.id).optional(),
	avis: z.string().regex(PARAM_PATTERNS.id).optional()
});

export function reportParams(params: Record<string, string>, locale: Locale): { slug: string; id: string; avis?: string } & { id: string } {
	const parsed = schema.safeParse(params);
	if (!parsed.success) notFound(locale);
	return { slug: parsed.data.slug, id: parsed.data.id ?? '', avis: parsed.data.avis };
}

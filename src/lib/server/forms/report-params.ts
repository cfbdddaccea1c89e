// Route parameters of the report pages: anything else is a 404 before the database is asked.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { messages, type Locale } from '$lib/i18n';

const schema = z.object({
	slug: z.string().regex(/^[a-z0-9-]{1,120}$/),
	id: z.string().regex(/^[a-z0-9]{1,40}$/).optional(),
	avis: z.string().regex(/^[a-z0-9]{1,40}$/).optional()
});

export function reportParams(params: Record<string, string>, locale: Locale): { slug: string; id: string; avis?: string } & { id: string } {
	const parsed = schema.safeParse(params);
	if (!parsed.success) error(404, messages(locale).notFound.title);
	return { slug: parsed.data.slug, id: parsed.data.id ?? '', avis: parsed.data.avis };
}

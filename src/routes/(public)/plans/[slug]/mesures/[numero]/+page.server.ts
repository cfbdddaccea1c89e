import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getMeasureForRequest } from '$lib/server/domain/time-travel-view';
import { messages } from '$lib/i18n';
import { measurePermissions } from '$lib/server/policies';

const params = z.object({
	slug: z.string().regex(/^[a-z0-9-]{1,120}$/),
	numero: z.string().regex(/^\d{1,3}(\.\d{1,3}){0,2}$/)
});

export const load: PageServerLoad = async ({ params: raw, url, locals }) => {
	const parsed = params.safeParse(raw);
	if (!parsed.success) error(404, messages(locals.locale).notFound.title);
	// `?date=` shows the measure as it stood that day (checked in validation/time-travel.ts).
	const found = await getMeasureForRequest(await requestDb(), parsed.data.slug, parsed.data.numero, url.searchParams.get('date'));
	if (!found) error(404, messages(locals.locale).notFound.title);
	if (found.measure === 'absent') error(404, messages(locals.locale).timetravel.absent);
	const { ownership, ...detail } = found.measure;
	// The page receives booleans only; with no one signed in they are all false. A past view is never editable.
	const can = measurePermissions(found.travel.date ? null : locals.user, ownership);
	return { measure: detail, can, travel: found.travel };
};

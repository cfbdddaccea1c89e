// The `?date=` of a public page (time travel): a value that is not a calendar day at all is a bad
// request, answered 400 with the expected format; a well-formed day out of the plan's life is for the
// page to explain (validation/time-travel.ts).
import { error } from '@sveltejs/kit';
import { messages, type Locale } from '../../i18n';
import { travelDateParam } from '../validation/time-travel';

export function requestedDate(url: URL, locale: Locale): string | null {
	const date = travelDateParam.safeParse(url.searchParams.get('date'));
	if (!date.success) error(400, messages(locale).timetravel.problems.malformed);
	return date.data;
}

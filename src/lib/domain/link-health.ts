// The link watch's rules, pure: what counts as a failed check, how a URL's record moves from one
// check to the next, when a link is "possibly dead", and which URL a redirect suggests. The server
// (src/lib/server/domain/links) only fetches and stores.

/** Failed checks in a row before a link is called possibly dead… */
export const DEAD_AFTER_FAILURES = 3;
/** …spread over at least this many days between the first and the last of them. */
const DEAD_AFTER_DAYS = 7;

const DAY_MS = 86_400_000;

/** One check's outcome: an HTTP status, or why there was none ("timeout", "refused", "dns"…). */
export type CheckOutcome =
	{ status: number; finalUrl: string; redirects: { url: string; status: number }[] } | { failure: string; finalUrl: string | null; redirects: { url: string; status: number }[] };

export interface LinkRecord {
	lastCheckedAt: Date;
	lastStatus: string;
	lastSuccessAt: Date | null;
	consecutiveFailures: number;
	firstFailureAt: Date | null;
	finalUrl: string | null;
	redirects: { url: string; status: number }[];
	suggestedUrl: string | null;
}

/**
 * Whether an HTTP answer says the page is gone or broken. 401, 403 and 429 are not failures: the page
 * exists and refuses robots or asks to slow down (many public sites answer 403 to anything not a browser).
 */
export function isFailedStatus(status: number): boolean {
	return status >= 400 && status !== 401 && status !== 403 && status !== 429;
}

/** Whether a HEAD answer is worth a GET: servers that do not implement HEAD, or refuse it, answer these. */
export function retryWithGet(status: number): boolean {
	return status === 405 || status === 501 || status === 403 || status === 400 || status === 404 || status >= 500;
}

/** The target of a chain of permanent redirects (301/308 only) that ended in a success; otherwise null. */
export function permanentRedirectTarget(outcome: CheckOutcome): string | null {
	if (!('status' in outcome) || outcome.redirects.length === 0) return null;
	if (outcome.status < 200 || outcome.status >= 300) return null;
	return outcome.redirects.every((r) => r.status === 301 || r.status === 308) ? outcome.finalUrl : null;
}

/** The URL's record after a check made at `now`. */
export function nextRecord(previous: LinkRecord | null, outcome: CheckOutcome, now: Date): LinkRecord {
	const failed = 'failure' in outcome || isFailedStatus(outcome.status);
	const common = {
		lastCheckedAt: now,
		lastStatus: 'failure' in outcome ? outcome.failure : String(outcome.status),
		finalUrl: outcome.finalUrl,
		redirects: outcome.redirects
	};
	if (!failed) return { ...common, lastSuccessAt: now, consecutiveFailures: 0, firstFailureAt: null, suggestedUrl: permanentRedirectTarget(outcome) };
	const streak = previous?.consecutiveFailures ?? 0;
	return {
		...common,
		lastSuccessAt: previous?.lastSuccessAt ?? null,
		consecutiveFailures: streak + 1,
		firstFailureAt: streak > 0 && previous?.firstFailureAt ? previous.firstFailureAt : now,
		// A failing link keeps the redirect it was last seen to have: the likeliest replacement.
		suggestedUrl: previous?.suggestedUrl ?? null
	};
}

/**
 * The day a link has been possibly dead since (its first failed check), or null. It depends on the
 * stored checks only, never on today's date, so that a page showing it changes only when a check is
 * written (and the page cache with it).
 */
export function possiblyDeadSince(record: Pick<LinkRecord, 'consecutiveFailures' | 'firstFailureAt' | 'lastCheckedAt'> | null): Date | null {
	if (!record?.firstFailureAt || record.consecutiveFailures < DEAD_AFTER_FAILURES) return null;
	return record.lastCheckedAt.getTime() - record.firstFailureAt.getTime() >= DEAD_AFTER_DAYS * DAY_MS ? record.firstFailureAt : null;
}

/** The Web Archive's list of captures of `url` (built, never fetched by Jalons). */
export function webArchiveUrl(url: string): string {
	return `https://web.archive.org/web/*/${url}`;
}

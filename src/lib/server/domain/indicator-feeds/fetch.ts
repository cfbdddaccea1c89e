// The one place a feed touches the network: through the outbound module (src/lib/server/net), which
// applies the network rules shared with the link watch (per-host limit, timeout, redirects, no
// private addresses, identifying user agent), then turns its answer into text or a feed error.
import { fetchOutbound, type FetchOutbound, type OutboundResult } from '../../net/outbound';
import type { FeedErrorCode } from '../../../domain/indicator-feed';
import type { FeedBody, FetchFeedBody } from './collect';

/** Open-data files that hold one indicator are small; a larger answer is not downloaded. */
const FEED_MAX_BYTES = 5 * 1024 * 1024;

const REASONS: Record<Extract<OutboundResult, { ok: false }>['reason'], FeedErrorCode> = {
	timeout: 'timeout',
	refused: 'refused',
	dns: 'network',
	network: 'network',
	'too-many-redirects': 'network',
	'private-address': 'blocked',
	scheme: 'blocked',
	'too-large': 'too-large'
};

/** UTF-8, or Windows-1252 for the many French exports still written by spreadsheet software. */
function decode(body: Buffer): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(body);
	} catch {
		return new TextDecoder('windows-1252').decode(body);
	}
}

function toFeedBody(result: OutboundResult): FeedBody {
	if (!result.ok) return { ok: false, error: REASONS[result.reason] ?? 'network', detail: result.message.slice(0, 300) };
	if (result.status >= 400) return { ok: false, error: 'http', detail: `HTTP ${result.status}` };
	if (!result.body || result.body.length === 0) return { ok: false, error: 'empty', detail: `HTTP ${result.status}` };
	return { ok: true, body: decode(result.body) };
}

/** A feed fetcher over an outbound function (tests give one with a short timeout and 127.0.0.1 allowed). */
export function feedFetcher(outbound: FetchOutbound = fetchOutbound): FetchFeedBody {
	return async (url) => toFeedBody(await outbound(url, { method: 'GET', maxBodyBytes: FEED_MAX_BYTES }));
}

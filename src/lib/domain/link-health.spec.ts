import { describe, expect, it } from 'vitest';
import { isFailedStatus, nextRecord, permanentRedirectTarget, possiblyDeadSince, retryWithGet, webArchiveUrl, type CheckOutcome, type LinkRecord } from './link-health';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 3));
const ok: CheckOutcome = { status: 200, finalUrl: 'https://a.fr/', redirects: [] };
const gone: CheckOutcome = { status: 404, finalUrl: 'https://a.fr/', redirects: [] };
const timeout: CheckOutcome = { failure: 'timeout', finalUrl: 'https://a.fr/', redirects: [] };

function run(outcomes: [number, CheckOutcome][]): LinkRecord {
	let record: LinkRecord | null = null;
	for (const [n, outcome] of outcomes) record = nextRecord(record, outcome, day(n));
	return record!;
}

describe('possiblyDeadSince', () => {
	it('needs 3 failed checks in a row spread over at least 7 days', () => {
		expect(
			possiblyDeadSince(
				run([
					[0, gone],
					[1, gone],
					[2, gone]
				])
			)
		).toBeNull();
		expect(
			possiblyDeadSince(
				run([
					[0, gone],
					[7, gone]
				])
			)
		).toBeNull();
		expect(
			possiblyDeadSince(
				run([
					[0, gone],
					[3, timeout],
					[7, gone]
				])
			)
		).toEqual(day(0));
		expect(
			possiblyDeadSince(
				run([
					[0, gone],
					[3, gone],
					[6, gone],
					[7, gone]
				])
			)
		).toEqual(day(0));
	});

	it('starts again after a success', () => {
		const record = run([
			[0, gone],
			[3, gone],
			[4, ok],
			[5, gone],
			[9, gone],
			[12, gone]
		]);
		expect(record.firstFailureAt).toEqual(day(5));
		expect(possiblyDeadSince(record)).toEqual(day(5));
		expect(
			possiblyDeadSince(
				run([
					[0, gone],
					[3, gone],
					[7, gone],
					[8, ok]
				])
			)
		).toBeNull();
	});

	it('does not depend on today: an old streak stays as its last check left it', () => {
		expect(
			possiblyDeadSince(
				run([
					[0, gone],
					[1, gone],
					[2, gone]
				])
			)
		).toBeNull();
		expect(possiblyDeadSince(null)).toBeNull();
	});
});

describe('nextRecord', () => {
	it('counts failures, keeps the last success and the first failure, and records the status', () => {
		const record = run([
			[0, ok],
			[1, gone],
			[2, timeout]
		]);
		expect(record).toMatchObject({ lastStatus: 'timeout', lastSuccessAt: day(0), consecutiveFailures: 2, firstFailureAt: day(1), lastCheckedAt: day(2) });
		expect(
			run([
				[0, gone],
				[1, ok]
			])
		).toMatchObject({ lastStatus: '200', consecutiveFailures: 0, firstFailureAt: null, lastSuccessAt: day(1) });
	});

	it('keeps the suggestion of a permanent redirect while the link fails', () => {
		const moved: CheckOutcome = { status: 200, finalUrl: 'https://b.fr/new', redirects: [{ url: 'https://a.fr/', status: 301 }] };
		expect(run([[0, moved]]).suggestedUrl).toBe('https://b.fr/new');
		expect(
			run([
				[0, moved],
				[1, gone]
			]).suggestedUrl
		).toBe('https://b.fr/new');
		expect(
			run([
				[0, moved],
				[1, ok]
			]).suggestedUrl
		).toBeNull();
	});
});

describe('statuses and redirects', () => {
	it('treats gone, broken and server errors as failures, not refusals of robots', () => {
		for (const status of [400, 404, 410, 500, 503]) expect(isFailedStatus(status), String(status)).toBe(true);
		for (const status of [200, 204, 301, 401, 403, 429]) expect(isFailedStatus(status), String(status)).toBe(false);
		expect(retryWithGet(405)).toBe(true);
		expect(retryWithGet(501)).toBe(true);
		expect(retryWithGet(200)).toBe(false);
	});

	it('suggests only the end of a chain of permanent redirects that answered', () => {
		const chain = (statuses: number[], status = 200): CheckOutcome => ({
			status,
			finalUrl: 'https://b.fr/',
			redirects: statuses.map((s) => ({ url: 'https://a.fr/', status: s }))
		});
		expect(permanentRedirectTarget(chain([301, 308]))).toBe('https://b.fr/');
		expect(permanentRedirectTarget(chain([301, 302]))).toBeNull();
		expect(permanentRedirectTarget(chain([301], 404))).toBeNull();
		expect(permanentRedirectTarget(chain([]))).toBeNull();
		expect(permanentRedirectTarget(timeout)).toBeNull();
	});

	it('builds the Web Archive search address without fetching it', () => {
		expect(webArchiveUrl('https://a.fr/page?x=1')).toBe('https://web.archive.org/web/*/https://a.fr/page?x=1');
	});
});

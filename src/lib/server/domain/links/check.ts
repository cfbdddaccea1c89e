// The link watch: checks every evidence link and every source of updates and indicator values, and
// stores what it saw per URL (LinkCheck). Run by `npm run links:check` and by the in-process job
// (src/lib/server/jobs), one instance at a time. Network rules: src/lib/server/net/outbound.ts.
import type { Db } from '../../db';
import type { LinkCheck, Prisma } from '../../db/generated/client';
import type { FetchOutbound } from '../../net/outbound';
import { isFailedStatus, nextRecord, possiblyDeadSince, retryWithGet, type CheckOutcome, type LinkRecord } from '../../../domain/link-health';
import { recordAudit, type AuditActor } from '../../audit';
import { markPublicChange } from '../../public-changes';

/** How the link watch appears in the audit log. */
const LINK_CHECK_ACTOR: AuditActor = { id: null, label: 'vérification des liens', role: null };

/** Every outside URL a public page links to as evidence or source, each once. */
export async function watchedUrls(db: Db): Promise<string[]> {
	const rows = await db.$queryRaw<{ url: string }[]>`
		SELECT "url" FROM "EvidenceLink"
		UNION SELECT "sourceUrl" FROM "IndicatorValue"
		UNION SELECT unnest("sourceUrls") FROM "ProgressUpdate"`;
	return rows.map((r) => r.url).filter((url) => /^https?:\/\//i.test(url));
}

/** One URL checked: HEAD, then GET (body not read) when HEAD is refused or looks wrong. */
async function checkUrl(fetch: FetchOutbound, url: string): Promise<CheckOutcome> {
	let result = await fetch(url, { method: 'HEAD' });
	if ((result.ok && retryWithGet(result.status)) || (!result.ok && result.reason === 'network')) {
		result = await fetch(url, { method: 'GET', maxBodyBytes: 0 });
	}
	if (result.ok) return { status: result.status, finalUrl: result.finalUrl, redirects: result.redirects };
	return { failure: result.reason, finalUrl: result.finalUrl, redirects: result.redirects };
}

function toRecord(row: LinkCheck | null): LinkRecord | null {
	if (!row) return null;
	return { ...row, redirects: Array.isArray(row.redirects) ? (row.redirects as LinkRecord['redirects']) : [] };
}

/** Stores one check; moves the page cache's version only when the link's "possibly dead" state changed. */
export async function recordCheck(db: Db, url: string, outcome: CheckOutcome, now: Date): Promise<{ dead: boolean; changed: boolean }> {
	return db.$transaction(async (tx) => {
		const previous = toRecord(await tx.linkCheck.findUnique({ where: { url } }));
		const next = nextRecord(previous, outcome, now);
		const data = { ...next, redirects: next.redirects as Prisma.InputJsonValue };
		await tx.linkCheck.upsert({ where: { url }, create: { url, ...data }, update: data });
		const before = possiblyDeadSince(previous)?.getTime() ?? null;
		const after = possiblyDeadSince(next)?.getTime() ?? null;
		// The notice on public pages follows the link's state: the cached pages must not keep an old
		// one. The content itself did not change: no public audit event, so no "modifiée le".
		if (before !== after) await markPublicChange(tx);
		return { dead: after !== null, changed: before !== after };
	});
}

export interface CheckLinksOptions {
	fetch: FetchOutbound;
	now?: () => Date;
	/** Links checked less than this long ago are left for the next round (default 20 hours). */
	minAgeMs?: number;
	/** URLs in flight at once across all hosts (the per-host limit is outbound's). */
	concurrency?: number;
}

export interface CheckLinksSummary extends Record<string, unknown> {
	checked: number;
	failed: number;
	possiblyDead: number;
	skipped: number;
	forgotten: number;
}

/** One round of the link watch. */
export async function checkLinks(db: Db, options: CheckLinksOptions): Promise<CheckLinksSummary> {
	const now = options.now ?? (() => new Date());
	const urls = await watchedUrls(db);
	const threshold = new Date(now().getTime() - (options.minAgeMs ?? 20 * 3_600_000));
	const fresh = new Set((await db.linkCheck.findMany({ where: { url: { in: urls }, lastCheckedAt: { gt: threshold } }, select: { url: true } })).map((r) => r.url));
	const due = urls.filter((url) => !fresh.has(url));
	let failed = 0;
	let next = 0;
	const worker = async () => {
		while (next < due.length) {
			const url = due[next++]!;
			const outcome = await checkUrl(options.fetch, url);
			await recordCheck(db, url, outcome, now());
			if ('failure' in outcome || isFailedStatus(outcome.status)) failed++;
		}
	};
	await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, due.length) }, worker));
	// URLs no longer used anywhere: their record would only count a link nobody shows.
	const { count: forgotten } = await db.linkCheck.deleteMany({ where: { url: { notIn: urls } } });
	const records = await db.linkCheck.findMany({ where: { consecutiveFailures: { gt: 0 } }, select: { consecutiveFailures: true, firstFailureAt: true, lastCheckedAt: true } });
	const summary: CheckLinksSummary = {
		checked: due.length,
		failed,
		possiblyDead: records.filter((r) => possiblyDeadSince(r) !== null).length,
		skipped: urls.length - due.length,
		forgotten
	};
	await db.$transaction((tx) => recordAudit(tx, LINK_CHECK_ACTOR, { action: 'update', entityType: 'LinkCheck', entityId: 'round', after: summary }));
	return summary;
}

// An indicator's feed, as its measure's editors configure it: where the figure is read, how often.
// Same rules as every other indicator edit: the measure's editors only, a writable plan, a versioned
// update, an audit event in the transaction. The event is internal (not a public change): the values
// the feed collects are what the public sees.
import type { Db } from '../../db';
import type { IndicatorFeed } from '../../db/generated/client';
import { auditActor, recordAudit } from '../../audit';
import type { Viewer } from '../../policies';
import { ConflictError, NotFoundError, RuleError } from '../errors';
import { editableMeasure, writableMeasure, type MeasureRef, type Tx } from '../measures/editing';
import { claimFormToken, type OneTimeForm } from '../submissions';
import { FAILURES_SHOWN_AFTER, FEED_ERROR_CODES, isJsonPointer, type FeedErrorCode, type FeedFormat, type FeedSchedule } from '../../../domain/indicator-feed';
import type { Actor } from '../../policies';

export interface FeedFields {
	url: string;
	format: FeedFormat;
	valuePath: string;
	filterColumn: string | null;
	filterValue: string | null;
	datePath: string | null;
	schedule: FeedSchedule;
}

export interface FeedEditView extends FeedFields {
	id: string;
	version: number;
	lastFetchAt: string | null;
	lastSuccessAt: string | null;
	lastError: FeedErrorCode | 'unknown' | null;
	lastErrorDetail: string | null;
	consecutiveFailures: number;
	/** Failed often enough in a row that the editors are told (never the public). */
	failing: boolean;
}

type Target = { measureId: string; indicatorId: string };

/** Only the feed's own settings, from a stored row or from a form's input. */
function fieldsOf(feed: FeedFields): FeedFields {
	return {
		url: feed.url,
		format: feed.format,
		valuePath: feed.valuePath,
		filterColumn: feed.filterColumn,
		filterValue: feed.filterValue,
		datePath: feed.datePath,
		schedule: feed.schedule
	};
}

const currentOf = (feed: IndicatorFeed) => ({ version: feed.version, ...fieldsOf(feed) });

function errorCode(code: string | null): FeedEditView['lastError'] {
	if (code === null) return null;
	return (FEED_ERROR_CODES as readonly string[]).includes(code) ? (code as FeedErrorCode) : 'unknown';
}

function feedView(feed: IndicatorFeed): FeedEditView {
	return {
		id: feed.id,
		version: feed.version,
		...fieldsOf(feed),
		lastFetchAt: feed.lastFetchAt?.toISOString() ?? null,
		lastSuccessAt: feed.lastSuccessAt?.toISOString() ?? null,
		lastError: errorCode(feed.lastError),
		lastErrorDetail: feed.lastErrorDetail,
		consecutiveFailures: feed.consecutiveFailures,
		failing: feed.consecutiveFailures >= FAILURES_SHOWN_AFTER
	};
}

/** The feeds of a measure's indicators, by indicator id, for its editors. */
export async function listFeedsForEdit(db: Db, actor: Viewer, measureId: string): Promise<Map<string, FeedEditView>> {
	await editableMeasure(db, actor, measureId);
	const feeds = await db.indicatorFeed.findMany({ where: { indicator: { measureId } } });
	return new Map(feeds.map((feed) => [feed.indicatorId, feedView(feed)]));
}

/**
 * The measure's indicators whose feed is failing, for the notice of every editing page. The caller
 * has checked that the viewer edits the measure (editGuard): this is never read for the public.
 */
export function failingFeeds(db: Db, measureId: string): Promise<{ indicatorId: string; name: string }[]> {
	// One round trip on every editing page (Prisma's select sends a second one for the indicators, even for none).
	return db.$queryRaw`
		SELECT f."indicatorId", i."name" FROM "IndicatorFeed" f JOIN "Indicator" i ON i."id" = f."indicatorId"
		WHERE i."measureId" = ${measureId} AND f."consecutiveFailures" >= ${FAILURES_SHOWN_AFTER}
		ORDER BY i."position" ASC`;
}

/** Rules the form's schema cannot see alone: a filter is a CSV column and its value; JSON locations are pointers. */
function checkFields(fields: FeedFields): void {
	if ((fields.filterColumn === null) !== (fields.filterValue === null)) {
		throw new RuleError('feeds.errors.filterWithoutValue', fields.filterColumn === null ? 'filterColumn' : 'filterValue');
	}
	if (fields.format === 'JSON') {
		if (fields.filterColumn !== null) throw new RuleError('feeds.errors.filterOnlyCsv', 'filterColumn');
		if (!fields.valuePath.startsWith('/') || !isJsonPointer(fields.valuePath)) throw new RuleError('feeds.errors.pointer', 'valuePath');
		if (fields.datePath !== null && (!fields.datePath.startsWith('/') || !isJsonPointer(fields.datePath))) throw new RuleError('feeds.errors.pointer', 'datePath');
	}
}

async function target(tx: Tx, actor: Viewer, input: Target): Promise<MeasureRef & { actor: Actor }> {
	const ref = await writableMeasure(tx, actor, input.measureId);
	const indicator = await tx.indicator.findUnique({ where: { id: input.indicatorId }, select: { measureId: true } });
	if (!indicator || indicator.measureId !== ref.id) throw new NotFoundError();
	return ref;
}

function audit(tx: Tx, ref: MeasureRef & { actor: Actor }, action: 'create' | 'update' | 'delete', feed: IndicatorFeed, before: IndicatorFeed | null, after: IndicatorFeed | null) {
	return recordAudit(tx, auditActor(ref.actor, ref), {
		action,
		entityType: 'IndicatorFeed',
		entityId: feed.id,
		planId: ref.planId,
		measureId: ref.id,
		before: before ? { indicatorId: before.indicatorId, ...fieldsOf(before) } : undefined,
		after: after ? { indicatorId: after.indicatorId, ...fieldsOf(after) } : undefined
	});
}

export async function addIndicatorFeed(db: Db, actor: Viewer, input: Target & FeedFields & OneTimeForm): Promise<{ id: string }> {
	return db.$transaction(async (tx) => {
		const ref = await target(tx, actor, input);
		await claimFormToken(tx, actor, input);
		checkFields(input);
		// Someone set one up since the page was loaded: theirs is shown, nothing is overwritten.
		const existing = await tx.indicatorFeed.findUnique({ where: { indicatorId: input.indicatorId } });
		if (existing) throw new ConflictError(currentOf(existing));
		const created = await tx.indicatorFeed.create({
			data: { indicatorId: input.indicatorId, ...fieldsOf(input) }
		});
		await audit(tx, ref, 'create', created, null, created);
		return { id: created.id };
	});
}

async function stored(tx: Tx, input: Target & { version: number }): Promise<IndicatorFeed> {
	const feed = await tx.indicatorFeed.findUnique({ where: { indicatorId: input.indicatorId } });
	if (!feed) throw new NotFoundError();
	if (feed.version !== input.version) throw new ConflictError(currentOf(feed));
	return feed;
}

/** A changed address or location starts afresh: fetched at the next run, past failures forgotten. */
export async function updateIndicatorFeed(db: Db, actor: Viewer, input: Target & FeedFields & { version: number }): Promise<{ changed: boolean }> {
	return db.$transaction(async (tx) => {
		const ref = await target(tx, actor, input);
		const row = await stored(tx, input);
		checkFields(input);
		const fields = fieldsOf(input);
		if (JSON.stringify(fieldsOf(row)) === JSON.stringify(fields)) return { changed: false };
		const { count } = await tx.indicatorFeed.updateMany({
			where: { id: row.id, version: row.version },
			data: { ...fields, version: { increment: 1 }, lastFetchAt: null, lastError: null, lastErrorDetail: null, consecutiveFailures: 0 }
		});
		if (count === 0) throw new ConflictError(currentOf((await tx.indicatorFeed.findUnique({ where: { id: row.id } })) ?? row));
		const saved = await tx.indicatorFeed.findUniqueOrThrow({ where: { id: row.id } });
		await audit(tx, ref, 'update', saved, row, saved);
		return { changed: true };
	});
}

/** Stops the collection; the values it collected stay (they are facts with their source). */
export async function removeIndicatorFeed(db: Db, actor: Viewer, input: Target & { version: number }): Promise<void> {
	await db.$transaction(async (tx) => {
		const ref = await target(tx, actor, input);
		const row = await stored(tx, input);
		const { count } = await tx.indicatorFeed.deleteMany({ where: { id: row.id, version: row.version } });
		if (count === 0) throw new ConflictError(currentOf(row));
		await audit(tx, ref, 'delete', row, row, null);
	});
}

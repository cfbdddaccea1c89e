// Time travel: the plan as it stood on a day D, rebuilt from what we store today. Pure functions
// (rows + audit events in, rows out) so that every rule is unit-tested; server/domain/time-travel/view.ts loads
// the inputs and hands the rebuilt rows to the same builders as today's pages.
//
// The reconstruction is HYBRID, because the real plan's facts were imported long after they happened:
// - dated facts keep their own date: a progress update, an indicator value or an evidence link is
//   known at D once its whole period has passed (a fact dated "2023" appears on 31 December 2023);
//   a milestone is done at D when its done date is on or before D; a re-plan made after D is undone;
// - undated fields (status, progress, confidence, planned period, text, owners) come from the audit
//   log: the "after" state of the latest event at or before D, else the "before" state of the first
//   event after D, else today's value;
// - rows created in the application after D are absent. The import's events ("seed") stand for the
//   plan's starting state: they count as if made before the plan was adopted;
// - the structure comes from the audit log too: a measure has the number and axis it had on D and is
//   retired only from its retirement day; axes created after D are absent, with the title and place
//   they had on D.
import type { PlanStatusKey } from './plan-status';
import type { Prisma } from '../server/db/generated/client';
import type { Confidence, DatePrecision, MeasureStatus } from '../server/db/generated/enums';
import { measureProgress, type Progress } from './progress';
import { endOfPeriod, toIsoDay } from './dates';
import { retiredAt } from './structure';
import type { MeasureDetailRow } from '../server/domain/measures/view';

export interface TravelEvent {
	at: Date;
	actorId: string | null;
	actorLabel: string;
	action: string;
	entityType: string;
	entityId: string;
	measureId: string | null;
	before: Prisma.JsonValue | null;
	after: Prisma.JsonValue | null;
}

export interface OwnerRow {
	id: string;
	code: string;
	name: string;
	nameEn: string | null;
	description: string | null;
}

type Rec = Record<string, unknown>;
const asRecord = (json: Prisma.JsonValue | null): Rec | null => (json && typeof json === 'object' && !Array.isArray(json) ? json : null);

/** Events of the import describe the starting state, whatever day the import ran. */
const isImport = (e: Pick<TravelEvent, 'actorId' | 'actorLabel'>): boolean => e.actorId === null && e.actorLabel === 'seed';

/** Day on which an event counts; null = before anything (the import). */
const eventDays = new WeakMap<TravelEvent, string>();
// Replays compare each event's day many times (every field of every row): computed once per event.
const effectiveDay = (e: TravelEvent): string | null => {
	if (isImport(e)) return null;
	let day = eventDays.get(e);
	if (day === undefined) eventDays.set(e, (day = toIsoDay(e.at)));
	return day;
};
const happenedBy = (e: TravelEvent, date: string): boolean => {
	const d = effectiveDay(e);
	return d === null || d <= date;
};

/** A dated fact is known on `date` once the last day of its period is on or before it. */
export function knownAt(day: Date | null, precision: DatePrecision | null, date: string): boolean {
	if (!day) return false;
	const end = endOfPeriod({ start: toIsoDay(day), precision: precision ?? 'DAY' }) ?? toIsoDay(day);
	return end <= date;
}

/** Oldest first, the import before everything (stable: same-time events keep their order). */
function sortedByTime(list: readonly TravelEvent[]): TravelEvent[] {
	const time = (e: TravelEvent) => (isImport(e) ? -Infinity : e.at.getTime());
	return [...list].sort((a, b) => (time(a) === time(b) ? 0 : time(a) < time(b) ? -1 : 1));
}

const DELETED_EVIDENCE = 'EvidenceLinkDeleted';

/** Events grouped by `entityType:entityId` (and deleted evidence by measure), oldest first. */
export type EventIndex = Map<string, TravelEvent[]>;

export function indexEvents(events: readonly TravelEvent[]): EventIndex {
	const index: EventIndex = new Map();
	for (const e of events) {
		const keys = [`${e.entityType}:${e.entityId}`];
		// Deleted evidence is looked up by measure: no row is left to find it by.
		if (e.entityType === 'EvidenceLink' && e.action === 'delete' && e.measureId) keys.push(`${DELETED_EVIDENCE}:${e.measureId}`);
		for (const key of keys) {
			const list = index.get(key) ?? [];
			list.push(e);
			index.set(key, list);
		}
	}
	for (const [key, list] of index) index.set(key, sortedByTime(list));
	return index;
}

/**
 * The value of `key` on `date` by the audit log: `{ found: false }` when no event says anything
 * about it (today's value then stands).
 */
export function fieldAt(events: readonly TravelEvent[], key: string, date: string): { found: true; value: unknown } | { found: false } {
	const ordered = sortedByTime(events);
	for (let i = ordered.length - 1; i >= 0; i--) {
		const e = ordered[i]!;
		if (!happenedBy(e, date)) continue;
		const after = asRecord(e.after);
		if (after && key in after) return { found: true, value: after[key] };
	}
	for (const e of ordered) {
		if (happenedBy(e, date)) continue;
		const before = asRecord(e.before);
		if (before && key in before) return { found: true, value: before[key] };
	}
	return { found: false };
}

/** False when the row was created in the application after `date`. */
export function existedAt(events: readonly TravelEvent[], date: string): boolean {
	const created = events.find((e) => e.action === 'create');
	return !created || happenedBy(created, date);
}

/** Day of the latest event on or before `date` that changed one of `keys` (never an import). */
function lastChangeDay(events: readonly TravelEvent[], keys: string[], date: string): string | null {
	let found: string | null = null;
	for (const e of sortedByTime(events)) {
		if (isImport(e) || !happenedBy(e, date)) continue;
		const before = asRecord(e.before);
		const after = asRecord(e.after);
		if (after && keys.some((k) => k in after && JSON.stringify(after[k]) !== JSON.stringify(before?.[k]))) found = toIsoDay(e.at);
	}
	return found;
}

function changedAfter(events: readonly TravelEvent[], keys: string[], date: string): boolean {
	return events.some((e) => {
		if (happenedBy(e, date)) return false;
		const before = asRecord(e.before);
		const after = asRecord(e.after);
		return after !== null && keys.some((k) => k in after && JSON.stringify(after[k]) !== JSON.stringify(before?.[k]));
	});
}

// Readers for values stored in audit snapshots (JSON): anything unexpected keeps today's value.
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown, fallback: string | null): string | null => (v === null || typeof v === 'string' ? v : fallback);
const intOrNull = (v: unknown, fallback: number | null): number | null => (v === null || typeof v === 'number' ? v : fallback);
const dateOrNull = (v: unknown, fallback: Date | null): Date | null => {
	if (v === null) return null;
	return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? new Date(`${v.slice(0, 10)}T00:00:00.000Z`) : fallback;
};
const strings = (v: unknown, fallback: string[]): string[] => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : fallback);
function oneOf<T extends string>(values: readonly T[], v: unknown, fallback: T | null): T | null {
	if (v === null) return null;
	return typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : fallback;
}

const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'ABANDONED', 'CONTINUOUS'] as const;
const METHODS = ['MANUAL', 'MILESTONES', 'INDICATOR'] as const;
const CONFIDENCES = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK'] as const;
const PRECISIONS = ['DAY', 'MONTH', 'QUARTER', 'SEMESTER', 'YEAR', 'CONTINUOUS'] as const;

/** `read(key, current, parse)`: the value of a field on the day, or today's (`current`). */
type Read = <T>(key: string, current: T, parse: (v: unknown, fallback: T) => T) => T;

/** `read(key)` gives the audit value of a field on `date`, or today's value. */
function reader(events: readonly TravelEvent[], date: string): Read {
	return (key, current, parse) => {
		const found = fieldAt(events, key, date);
		return found.found ? parse(found.value, current) : current;
	};
}

/** The same reader over a log folded elsewhere (`FieldSource`). */
function sourceReader(log: FieldSource, entity: string): Read {
	return (key, current, parse) => {
		const found = log.field(entity, key);
		return found.found ? parse(found.value, current) : current;
	};
}

/** "As of" day of a figure at `date`: today's when nothing changed it since, else the last change. */
function asOfAt(events: readonly TravelEvent[], keys: string[], current: Date | null, date: string): Date | null {
	if (current && toIsoDay(current) <= date && !changedAfter(events, keys, date)) return current;
	const day = lastChangeDay(events, keys, date);
	return day ? new Date(`${day}T00:00:00.000Z`) : null;
}

type MilestoneRow = MeasureDetailRow['milestones'][number];
type EvidenceRow = MeasureDetailRow['evidenceLinks'][number];

function milestoneAt(m: MilestoneRow, events: readonly TravelEvent[], date: string): MilestoneRow {
	const read = reader(events, date);
	// A re-plan made after `date` is undone: the milestone still had the date that re-plan replaced.
	const laterReplan = m.replans.find((r) => toIsoDay(r.at) > date);
	const planned = laterReplan
		? { plannedDate: laterReplan.previousDate, plannedPrecision: laterReplan.previousPrecision }
		: { plannedDate: m.plannedDate, plannedPrecision: m.plannedPrecision };
	return {
		...m,
		title: read('title', m.title, str),
		titleEn: read('titleEn', m.titleEn, strOrNull),
		description: read('description', m.description, strOrNull),
		weight: read('weight', m.weight, (v, f) => (typeof v === 'number' ? v : f)),
		...planned,
		// A forecast is not dated: it is kept only while the planned date is today's.
		forecastDate: laterReplan ? null : m.forecastDate,
		doneOn: m.doneOn && toIsoDay(m.doneOn) <= date ? m.doneOn : null,
		replans: m.replans.filter((r) => toIsoDay(r.at) <= date)
	};
}

function evidenceAt(e: EvidenceRow, events: readonly TravelEvent[], date: string): EvidenceRow | null {
	if (e.date) return knownAt(e.date, e.datePrecision, date) ? e : null;
	return existedAt(events, date) ? e : null;
}

/** Evidence deleted after `date` is rebuilt from the delete event's "before" snapshot. */
function deletedEvidence(measureId: string, index: EventIndex, date: string): EvidenceRow[] {
	const out: EvidenceRow[] = [];
	for (const deleted of index.get(`${DELETED_EVIDENCE}:${measureId}`) ?? []) {
		const events = index.get(`EvidenceLink:${deleted.entityId}`) ?? [];
		if (happenedBy(deleted, date) || !existedAt(events, date)) continue;
		const snap = asRecord(deleted.before);
		if (!snap) continue;
		const row: EvidenceRow = {
			id: deleted.entityId,
			measureId,
			milestoneId: null,
			title: str(snap.title, ''),
			url: str(snap.url, ''),
			kind: oneOf(['WEBSITE', 'DOCUMENT', 'SOURCE_CODE', 'ARTICLE', 'DATASET', 'EVENT', 'OTHER'] as const, snap.kind, 'OTHER') ?? 'OTHER',
			date: dateOrNull(snap.date, null),
			datePrecision: typeof snap.date === 'string' ? 'DAY' : null,
			position: Number.MAX_SAFE_INTEGER,
			version: 1,
			createdAt: deleted.at,
			milestone: null
		};
		if (row.url && (!row.date || knownAt(row.date, 'DAY', date))) out.push(row);
	}
	return out;
}

/** What time travel rebuilds of an axis: its title and place (its number never changes). */
export interface AxisRow {
	id: string;
	number: number;
	title: string;
	titleEn: string | null;
	position: number;
}

/** The axis as it stood on `date` (title, place), or null when it was created in the application after. */
function axisAt<A extends AxisRow>(axis: A, index: EventIndex, date: string): A | null {
	const events = index.get(`Axis:${axis.id}`) ?? [];
	if (!existedAt(events, date)) return null;
	const read = reader(events, date);
	return {
		...axis,
		title: read('title', axis.title, str),
		titleEn: read('titleEn', axis.titleEn, strOrNull),
		position: read('position', axis.position, (v, f) => (typeof v === 'number' ? v : f))
	};
}

/** The plan's axes on `date`, in their order of that day. */
export function axesAt<A extends AxisRow>(axes: readonly A[], index: EventIndex, date: string): A[] {
	return axes
		.map((a) => axisAt(a, index, date))
		.filter((a): a is A => a !== null)
		.sort((a, b) => a.position - b.position || a.number - b.number);
}

/**
 * Where a measure stood on `date` and who carried it, by the log (`read`): its axis (kept when the
 * log names an axis that did not exist that day), its retirement (dated: not before its day), its
 * lead team (kept when unknown) and contributors. Shared by the full replay and the list's state.
 */
function placeAt(
	row: { axisId: string; retiredOn: Date | null; leadOwnerId: string; contributorOwnerIds: string[] },
	read: Read,
	owners: ReadonlyMap<string, OwnerRow>,
	date: string,
	axes?: ReadonlyMap<string, AxisRow>
) {
	const loggedAxisId = read('axisId', row.axisId, str);
	const axis = axes?.get(loggedAxisId);
	const retiredOn = read('retiredOn', row.retiredOn, dateOrNull);
	const retired = retiredOn !== null && retiredAt(toIsoDay(retiredOn), date);
	const loggedLeadId = read('leadOwnerId', row.leadOwnerId, str);
	const lead = owners.get(loggedLeadId);
	return {
		axisId: axis ? loggedAxisId : row.axisId,
		axis,
		retiredOn: retired ? retiredOn : null,
		retired,
		leadOwnerId: lead ? loggedLeadId : row.leadOwnerId,
		lead,
		contributorIds: read('contributorOwnerIds', row.contributorOwnerIds, strings)
	};
}

/**
 * What the measure list filters, orders and searches on, for one measure as stored today (a large
 * plan's list at a past date reads these narrow rows for every measure, and rebuilds in full only the
 * page it shows). `text` is read only for a text search.
 */
export interface ListSource {
	id: string;
	axisId: string;
	position: number;
	status: MeasureStatus | null;
	confidence: Confidence | null;
	leadOwnerId: string;
	contributorOwnerIds: string[];
	plannedEnd: Date | null;
	plannedEndPrecision: DatePrecision | null;
	retiredOn: Date | null;
	text?: { title: string; description: string; subActions: string[] };
}

/** A measure's list fields on a day, by the rules of `measureAt` (a test compares both on whole plans). */
export interface ListStateAt {
	id: string;
	axisId: string;
	position: number;
	status: MeasureStatus | null;
	confidence: Confidence | null;
	lead: OwnerRow | undefined;
	contributors: OwnerRow[];
	retired: boolean;
	plannedEnd: Date | null;
	plannedEndPrecision: DatePrecision | null;
	text: { title: string; description: string; subActions: string[] } | null;
}

/** The list fields of a measure on `date`; null when it did not exist yet. `owners`: every team, by id. */
export function listStateAt(row: ListSource, log: FieldSource, date: string, axes: ReadonlyMap<string, AxisRow>, owners: ReadonlyMap<string, OwnerRow>): ListStateAt | null {
	const entity = `Measure:${row.id}`;
	if (!log.existed(entity)) return null;
	const read = sourceReader(log, entity);
	const place = placeAt(row, read, owners, date, axes);
	return {
		id: row.id,
		axisId: place.axisId,
		position: read('position', row.position, (v, f) => (typeof v === 'number' ? v : f)),
		status: read('status', row.status, (v, f) => oneOf(STATUSES, v, f)),
		confidence: read('confidence', row.confidence, (v, f) => oneOf(CONFIDENCES, v, f)),
		lead: place.lead ?? owners.get(row.leadOwnerId),
		contributors: place.contributorIds.map((id) => owners.get(id)).filter((o): o is OwnerRow => o !== undefined),
		retired: place.retired,
		plannedEnd: read('plannedEnd', row.plannedEnd, dateOrNull),
		plannedEndPrecision: read('plannedEndPrecision', row.plannedEndPrecision, (v, f) => oneOf(PRECISIONS, v, f)),
		text: row.text
			? { title: read('title', row.text.title, str), description: read('description', row.text.description, str), subActions: read('subActions', row.text.subActions, strings) }
			: null
	};
}

/** The log keys `listStateAt` reads (with `text`: LIST_TEXT_KEYS too). */
export const LIST_KEYS = ['axisId', 'position', 'status', 'confidence', 'leadOwnerId', 'contributorOwnerIds', 'plannedEnd', 'plannedEndPrecision', 'retiredOn'] as const;
export const LIST_TEXT_KEYS = ['title', 'description', 'subActions'] as const;

/**
 * The measure as it stood on `date`, in the same row shape as today's, or null when it was created
 * in the application after that day. `axes` (the plan's axes as they stood on `date`, by id) gives
 * the axis the measure was in; without it, today's axis row stays.
 */
export function measureAt(
	row: MeasureDetailRow,
	index: EventIndex,
	owners: ReadonlyMap<string, OwnerRow>,
	date: string,
	axes?: ReadonlyMap<string, AxisRow>
): MeasureDetailRow | null {
	const events = index.get(`Measure:${row.id}`) ?? [];
	if (!existedAt(events, date)) return null;
	const read = reader(events, date);
	const { axisId, axis, retiredOn, retired, leadOwnerId, lead, contributorIds } = placeAt(
		{ ...row, contributorOwnerIds: row.contributors.map((c) => c.ownerId) },
		read,
		owners,
		date,
		axes
	);
	const statusKeys = ['status'];
	const progressKeys = ['progressMethod', 'progressManual'];
	const confidenceKeys = ['confidence', 'confidenceExplanation'];

	const milestones = row.milestones.filter((m) => existedAt(index.get(`Milestone:${m.id}`) ?? [], date)).map((m) => milestoneAt(m, index.get(`Milestone:${m.id}`) ?? [], date));
	const milestoneIds = new Set(milestones.map((m) => m.id));
	const evidence = [
		...row.evidenceLinks
			.map((e) => evidenceAt(e, index.get(`EvidenceLink:${e.id}`) ?? [], date))
			.filter((e): e is EvidenceRow => e !== null)
			.map((e) => (e.milestoneId && !milestoneIds.has(e.milestoneId) ? { ...e, milestoneId: null, milestone: null } : e)),
		...deletedEvidence(row.id, index, date)
	];

	return {
		...row,
		plan: planRowAt(row.plan, date),
		number: read('number', row.number, str),
		position: read('position', row.position, (v, f) => (typeof v === 'number' ? v : f)),
		axisId,
		axis: axis ? { number: axis.number, title: axis.title, titleEn: axis.titleEn } : row.axis,
		retiredOn,
		retirementReason: retired ? read('retirementReason', row.retirementReason, strOrNull) : null,
		title: read('title', row.title, str),
		titleEn: read('titleEn', row.titleEn, strOrNull),
		description: read('description', row.description, str),
		descriptionEn: read('descriptionEn', row.descriptionEn, strOrNull),
		subActions: read('subActions', row.subActions, strings),
		leadOwnerId,
		leadOwner: lead ? { code: lead.code, name: lead.name, nameEn: lead.nameEn, description: lead.description } : row.leadOwner,
		contributors: contributorIds
			.map((id) => owners.get(id))
			.filter((o): o is OwnerRow => o !== undefined)
			.map((o) => ({ measureId: row.id, ownerId: o.id, owner: { id: o.id, code: o.code, name: o.name, nameEn: o.nameEn } })),
		status: read('status', row.status, (v, f) => oneOf(STATUSES, v, f)),
		statusAsOf: asOfAt(events, statusKeys, row.statusAsOf, date),
		progressMethod: read('progressMethod', row.progressMethod, (v, f) => oneOf(METHODS, v, f) ?? f),
		progressManual: read('progressManual', row.progressManual, intOrNull),
		progressAsOf: asOfAt(events, progressKeys, row.progressAsOf, date),
		confidence: read('confidence', row.confidence, (v, f) => oneOf(CONFIDENCES, v, f)),
		confidenceExplanation: read('confidenceExplanation', row.confidenceExplanation, strOrNull),
		confidenceAsOf: asOfAt(events, confidenceKeys, row.confidenceAsOf, date),
		plannedStart: read('plannedStart', row.plannedStart, dateOrNull),
		plannedStartPrecision: read('plannedStartPrecision', row.plannedStartPrecision, (v, f) => oneOf(PRECISIONS, v, f)),
		plannedEnd: read('plannedEnd', row.plannedEnd, dateOrNull),
		plannedEndPrecision: read('plannedEndPrecision', row.plannedEndPrecision, (v, f) => oneOf(PRECISIONS, v, f)),
		milestones,
		evidenceLinks: evidence,
		indicators: row.indicators.map((i) => ({ ...i, values: i.values.filter((v) => knownAt(v.date, v.datePrecision, date)) })),
		progressUpdates: row.progressUpdates.filter((u) => knownAt(u.date, u.datePrecision, date))
	};
}

/**
 * What the dashboard's roll-up reads of a measure, as stored today, for rebuilding on a day without
 * loading the measure in full (a large plan's dashboard at a past date): its own fields, the
 * milestones the audit log knows about one by one, the others already summed for the day, and its
 * first indicator with the latest value known that day.
 */
interface RollupSource {
	id: string;
	axisId: string;
	status: MeasureStatus | null;
	progressMethod: Progress['method'];
	progressManual: number | null;
	retiredOn: Date | null;
	/** Milestones no public event mentions: they existed with today's weight; `done` = done by the day. */
	plainWeights: { total: number; done: number };
	/** Milestones public events mention, as stored today (the log says when they were created and what they weighed). */
	trackedMilestones: { id: string; weight: number; doneOn: Date | null }[];
	indicator: { baseline: number; target: number | null; direction: 'UP' | 'DOWN'; current: number | null } | null;
}

interface RollupAt {
	id: string;
	axisId: string;
	status: MeasureStatus | null;
	progress: Progress;
	retired: boolean;
}

/**
 * What the audit log says on a day, entity by entity (`Measure:<id>`, `Milestone:<id>`), by the rules
 * of `existedAt` and `fieldAt`: folded by the database for a plan's dashboard at a date.
 */
export interface FieldSource {
	/** False when the entity was created in the application after the day (`existedAt`). */
	existed(entity: string): boolean;
	/** The value of `key` on the day by the log (`fieldAt`). */
	field(entity: string, key: string): { found: true; value: unknown } | { found: false };
}

/**
 * The roll-up of a measure on `date` by the same rules as `measureAt` followed by the dashboard's
 * progress rule (tests compare both on whole plans); null when the measure did not exist yet.
 */
export function measureRollupAt(row: RollupSource, log: FieldSource, date: string, axes: ReadonlyMap<string, AxisRow>): RollupAt | null {
	const entity = `Measure:${row.id}`;
	if (!log.existed(entity)) return null;
	const read = <T>(key: string, current: T, parse: (v: unknown, fallback: T) => T): T => {
		const found = log.field(entity, key);
		return found.found ? parse(found.value, current) : current;
	};
	const axisId = read('axisId', row.axisId, str);
	const retiredOn = read('retiredOn', row.retiredOn, dateOrNull);
	const tracked = row.trackedMilestones
		.filter((m) => log.existed(`Milestone:${m.id}`))
		.map((m) => {
			const weight = log.field(`Milestone:${m.id}`, 'weight');
			return {
				weight: weight.found && typeof weight.value === 'number' ? weight.value : m.weight,
				doneOn: m.doneOn && toIsoDay(m.doneOn) <= date ? toIsoDay(m.doneOn) : null
			};
		});
	const progress = measureProgress({
		method: read('progressMethod', row.progressMethod, (v, f) => oneOf(METHODS, v, f) ?? f),
		manualValue: read('progressManual', row.progressManual, intOrNull),
		// Two stand-ins with the summed weights give the same weighted share as every plain milestone.
		milestones: [{ weight: row.plainWeights.done, doneOn: date }, { weight: row.plainWeights.total - row.plainWeights.done, doneOn: null }, ...tracked],
		indicator: row.indicator
	});
	return {
		id: row.id,
		axisId: axes.has(axisId) ? axisId : row.axisId,
		status: read('status', row.status, (v, f) => oneOf(STATUSES, v, f)),
		progress,
		retired: retiredOn !== null && retiredAt(toIsoDay(retiredOn), date)
	};
}

/** A plan archived after `date` was still running that day. */
export function planRowAt<P extends { status: PlanStatusKey; archivedOn: Date | null; archiveNote: string | null }>(plan: P, date: string): P {
	return plan.archivedOn && toIsoDay(plan.archivedOn) > date ? { ...plan, status: 'ACTIVE', archivedOn: null, archiveNote: null } : plan;
}

export interface PlanFactRow {
	date: Date;
	datePrecision: DatePrecision;
	text: string;
	sourceUrls: string[];
	measureId: string | null;
}

/**
 * The whole plan on `date`: its axes and measures (those that existed, as they were) and its dated
 * facts known then. Without `axes`, measures keep today's axis.
 */
export function planAt<F extends PlanFactRow, A extends AxisRow = AxisRow>(
	input: { measures: readonly MeasureDetailRow[]; facts: readonly F[]; index: EventIndex; owners: ReadonlyMap<string, OwnerRow>; axes?: readonly A[] },
	date: string
): { measures: MeasureDetailRow[]; facts: F[]; axes: A[] } {
	const axes = axesAt(input.axes ?? [], input.index, date);
	const byId = input.axes ? new Map(axes.map((a) => [a.id, a])) : undefined;
	const measures = input.measures.map((m) => measureAt(m, input.index, input.owners, date, byId)).filter((m): m is MeasureDetailRow => m !== null);
	const present = new Set(measures.map((m) => m.id));
	const facts = input.facts.filter((f) => knownAt(f.date, f.datePrecision, date) && (f.measureId === null || present.has(f.measureId)));
	return { measures, facts, axes };
}

/** Quarter ends from the plan's adoption to `today`, then `today` itself; at most `max` points, the latest. */
export function quarterEnds(from: string, today: string, max = 40): string[] {
	const points: string[] = [];
	let year = Number(from.slice(0, 4));
	let quarter = Math.floor((Number(from.slice(5, 7)) - 1) / 3);
	for (;;) {
		const end = endOfPeriod({ start: `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`, precision: 'QUARTER' })!;
		if (end >= today) break;
		if (end >= from) points.push(end);
		quarter = (quarter + 1) % 4;
		if (quarter === 0) year++;
	}
	points.push(today);
	return points.slice(-max);
}

// How the public history reads audit snapshots: which fields of each entity are public (deny by
// default) and how a stored value becomes a readable one (enum, precise date, list, link).
import type { Prisma } from '../server/db/generated/client';
import { DATE_PRECISIONS, type PreciseDate } from './dates';
import { STATUS_KEYS, type StatusKey } from './status';

const CONFIDENCES = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK'] as const;
const METHODS = ['MANUAL', 'MILESTONES', 'INDICATOR'] as const;
const KINDS = ['WEBSITE', 'DOCUMENT', 'SOURCE_CODE', 'ARTICLE', 'DATASET', 'EVENT', 'OTHER'] as const;

export type HistoryValue =
	| { type: 'empty' }
	| { type: 'text'; text: string; lang?: 'en' }
	| { type: 'url'; url: string }
	| { type: 'list'; items: string[] }
	| { type: 'number'; value: number }
	| { type: 'percent'; value: number }
	| { type: 'date'; date: PreciseDate }
	| { type: 'status'; value: StatusKey }
	| { type: 'confidence'; value: (typeof CONFIDENCES)[number] }
	| { type: 'method'; value: (typeof METHODS)[number] }
	| { type: 'kind'; value: (typeof KINDS)[number] };

type HistoryField =
	| 'status'
	| 'progressMethod'
	| 'progressManual'
	| 'confidence'
	| 'confidenceExplanation'
	| 'plannedStart'
	| 'plannedEnd'
	| 'description'
	| 'subActions'
	| 'titleEn'
	| 'descriptionEn'
	| 'leadOwner'
	| 'contributors'
	| 'title'
	| 'planned'
	| 'doneOn'
	| 'weight'
	| 'position'
	| 'url'
	| 'kind'
	| 'date'
	| 'value'
	| 'qualifier'
	| 'sourceUrl'
	| 'note'
	| 'text'
	| 'blockers'
	| 'nextSteps'
	| 'sourceUrls'
	| 'number'
	| 'axis'
	| 'retiredOn';

export type HistoryKind =
	| 'import'
	| 'measureCreated'
	| 'measureMoved'
	| 'measureRetired'
	| 'measureReinstated'
	| 'measureUpdated'
	| 'ownersChanged'
	| 'milestoneAdded'
	| 'milestoneUpdated'
	| 'milestoneReplanned'
	| 'milestoneRemoved'
	| 'evidenceAdded'
	| 'evidenceUpdated'
	| 'evidenceRemoved'
	| 'valueAdded'
	| 'valueSourceReplaced'
	| 'updatePublished'
	| 'updateSourceReplaced';

export type ActorRole = 'ADMIN' | 'EDITOR' | 'AMDAC' | 'COUNCIL' | 'STAFF' | 'SYSTEM' | 'FEED';

export interface HistoryChange {
	field: HistoryField;
	before: HistoryValue;
	after: HistoryValue;
}

export interface HistoryEntry {
	id: string;
	at: string;
	kind: HistoryKind;
	/** Milestone or evidence title, indicator name. */
	subject: string | null;
	/** "diff": before → after; "created": the new values; "removed": nothing more to show. */
	mode: 'diff' | 'created' | 'removed';
	changes: HistoryChange[];
	reason: string | null;
	actor: { role: ActorRole; team: string | null; name: string | null };
	/** Import lines: how many records the import created for this measure. */
	count: number;
}

export interface MeasureHistory {
	plan: { slug: string; title: string };
	measure: { number: string; title: string };
	entries: HistoryEntry[];
	truncated: boolean;
}

export type Rec = Record<string, unknown>;
type Reader = (r: Rec, names: Names) => HistoryValue;
export interface Names {
	owners: Map<string, string>;
	indicators: Map<string, string>;
	/** Axis id → how the axis is named ("3 – Titre"); absent: the id is shown. */
	axes?: Map<string, string>;
}
export interface Spec {
	field: HistoryField;
	keys: string[];
	read: Reader;
}

const EMPTY: HistoryValue = { type: 'empty' };
export const asRecord = (json: Prisma.JsonValue | null): Rec | null => (json && typeof json === 'object' && !Array.isArray(json) ? json : null);
export const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null => (typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null);

const text =
	(key: string): Reader =>
	(r) =>
		typeof r[key] === 'string' && r[key] !== '' ? { type: 'text', text: r[key] } : EMPTY;
/** The English version of a text: marked so that the page can say which language it is in. */
const english =
	(key: string): Reader =>
	(r) =>
		typeof r[key] === 'string' && r[key] !== '' ? { type: 'text', text: r[key], lang: 'en' } : EMPTY;
/** Only http(s) addresses become links, whatever an old event may hold. */
const url =
	(key: string): Reader =>
	(r) => {
		const value = r[key];
		if (typeof value !== 'string' || value === '') return EMPTY;
		return /^https?:\/\//i.test(value) ? { type: 'url', url: value } : { type: 'text', text: value };
	};
const num =
	(key: string, shift = 0): Reader =>
	(r) =>
		typeof r[key] === 'number' ? { type: 'number', value: r[key] + shift } : EMPTY;
const list =
	(key: string): Reader =>
	(r) => {
		const items = Array.isArray(r[key]) ? r[key].filter((v): v is string => typeof v === 'string') : [];
		return items.length > 0 ? { type: 'list', items } : EMPTY;
	};
const enumOf =
	(type: 'confidence' | 'method' | 'kind', values: readonly string[], key: string): Reader =>
	(r) => {
		const value = oneOf(values, r[key]);
		return value ? ({ type, value } as HistoryValue) : EMPTY;
	};
const precise =
	(dateKey: string, precisionKey: string | null): Reader =>
	(r) => {
		const precision = precisionKey ? oneOf(DATE_PRECISIONS, r[precisionKey]) : 'DAY';
		if (precision === 'CONTINUOUS') return { type: 'date', date: { start: null, precision } };
		const date = r[dateKey];
		return precision && typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date) ? { type: 'date', date: { start: date.slice(0, 10), precision } } : EMPTY;
	};

export const MEASURE: Spec[] = [
	{ field: 'status', keys: ['status'], read: (r) => ({ type: 'status', value: oneOf(STATUS_KEYS, r.status) ?? 'NOT_REPORTED' }) },
	{ field: 'progressMethod', keys: ['progressMethod'], read: enumOf('method', METHODS, 'progressMethod') },
	{ field: 'progressManual', keys: ['progressManual'], read: (r) => (typeof r.progressManual === 'number' ? { type: 'percent', value: r.progressManual } : EMPTY) },
	{ field: 'confidence', keys: ['confidence'], read: enumOf('confidence', CONFIDENCES, 'confidence') },
	{ field: 'confidenceExplanation', keys: ['confidenceExplanation'], read: text('confidenceExplanation') },
	{ field: 'plannedStart', keys: ['plannedStart'], read: precise('plannedStart', 'plannedStartPrecision') },
	{ field: 'plannedEnd', keys: ['plannedEnd'], read: precise('plannedEnd', 'plannedEndPrecision') },
	{ field: 'description', keys: ['description'], read: text('description') },
	{ field: 'subActions', keys: ['subActions'], read: list('subActions') },
	{ field: 'titleEn', keys: ['titleEn'], read: english('titleEn') },
	{ field: 'descriptionEn', keys: ['descriptionEn'], read: english('descriptionEn') },
	{
		field: 'leadOwner',
		keys: ['leadOwnerId'],
		read: (r, n) => (typeof r.leadOwnerId === 'string' ? { type: 'text', text: n.owners.get(r.leadOwnerId) ?? r.leadOwnerId } : EMPTY)
	},
	{
		field: 'contributors',
		keys: ['contributorOwnerIds'],
		read: (r, n) => {
			const ids = Array.isArray(r.contributorOwnerIds) ? r.contributorOwnerIds.filter((v): v is string => typeof v === 'string') : [];
			return ids.length > 0 ? { type: 'list', items: ids.map((id) => n.owners.get(id) ?? id) } : EMPTY;
		}
	}
];
const axisName: Reader = (r, n) => (typeof r.axisId === 'string' ? { type: 'text', text: n.axes?.get(r.axisId) ?? r.axisId } : EMPTY);
/** A measure's place in the plan: what a move changes (its rank in the axis says nothing to the public). */
export const MEASURE_PLACE: Spec[] = [
	{ field: 'number', keys: ['number'], read: text('number') },
	{ field: 'axis', keys: ['axisId'], read: axisName }
];
/** A measure added in the application: its number, axis and title. */
export const MEASURE_CREATED: Spec[] = [...MEASURE_PLACE, { field: 'title', keys: ['title'], read: text('title') }];
/** A retirement's day (its reason is the event's reason); a reinstatement empties it. */
export const MEASURE_RETIREMENT: Spec[] = [{ field: 'retiredOn', keys: ['retiredOn'], read: precise('retiredOn', null) }];
export const MILESTONE: Spec[] = [
	{ field: 'title', keys: ['title'], read: text('title') },
	{ field: 'titleEn', keys: ['titleEn'], read: english('titleEn') },
	{ field: 'description', keys: ['description'], read: text('description') },
	{ field: 'planned', keys: ['plannedDate', 'plannedPrecision'], read: precise('plannedDate', 'plannedPrecision') },
	{ field: 'doneOn', keys: ['doneOn'], read: precise('doneOn', null) },
	{ field: 'weight', keys: ['weight'], read: num('weight') },
	{ field: 'position', keys: ['position'], read: num('position', 1) }
];
export const EVIDENCE: Spec[] = [
	{ field: 'title', keys: ['title'], read: text('title') },
	{ field: 'url', keys: ['url'], read: url('url') },
	{ field: 'kind', keys: ['kind'], read: enumOf('kind', KINDS, 'kind') },
	{ field: 'date', keys: ['date'], read: precise('date', null) }
];
export const VALUE: Spec[] = [
	{ field: 'date', keys: ['date', 'datePrecision'], read: precise('date', 'datePrecision') },
	{ field: 'value', keys: ['value'], read: num('value') },
	{ field: 'qualifier', keys: ['qualifier'], read: text('qualifier') },
	{ field: 'sourceUrl', keys: ['sourceUrl'], read: url('sourceUrl') },
	{ field: 'note', keys: ['note'], read: text('note') }
];
export const UPDATE: Spec[] = [
	{ field: 'date', keys: ['date', 'datePrecision'], read: precise('date', 'datePrecision') },
	{ field: 'text', keys: ['text'], read: text('text') },
	{ field: 'blockers', keys: ['blockers'], read: text('blockers') },
	{ field: 'nextSteps', keys: ['nextSteps'], read: text('nextSteps') },
	{ field: 'sourceUrls', keys: ['sourceUrls'], read: list('sourceUrls') }
];

export function changes(specs: Spec[], before: Rec | null, after: Rec | null, names: Names): HistoryChange[] {
	const has = (r: Rec | null, s: Spec) => r !== null && s.keys.every((k) => k in r);
	const out: HistoryChange[] = [];
	for (const spec of specs) {
		if (!has(after, spec) && !has(before, spec)) continue;
		const b = has(before, spec) ? spec.read(before!, names) : EMPTY;
		const a = has(after, spec) ? spec.read(after!, names) : EMPTY;
		if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: spec.field, before: b, after: a });
	}
	return out;
}

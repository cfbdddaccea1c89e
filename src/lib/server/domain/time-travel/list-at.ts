// The measure list and an owner's page at a past date. Today's list pages and filters in SQL
// (measures/list.ts); a past day is not in the tables. The list reads one narrow row per measure with
// the audit keys it filters on folded by PostgreSQL for the day (`listStateAt`), filters, orders and
// pages those in memory by the same rules as today's SQL, and rebuilds in full only the page it shows
// (`measuresInFull`); an owner's page is that list filtered on the team, all its measures in full. The
// number of queries does not depend on the plan's size.
//
// Text search: the full-text index (`searchVector`) holds today's text only. At a past date the
// search is a plain word match on the text as it stood that day (title, description, sub-actions,
// published updates known then): every word must appear, ignoring case and accents; no stemming,
// no "phrases", -exclusions or `or`. The page says so (explore.pastSearch).
import type { Db } from '../../db';
import { fromIsoDay, isLate, preciseOf, toIsoDay } from '../../../domain/dates';
import type { OwnerRef } from '../plans/view';
import type { MeasureDetailRow } from '../measures/view';
import { axesAt, indexEvents, LIST_KEYS, LIST_TEXT_KEYS, listStateAt, planAt, type ListSource, type ListStateAt } from '../../../domain/time-travel';
import type { Confidence, DatePrecision, MeasureStatus } from '../../db/generated/enums';
import { wholePlanReads } from '../../whole-plan-reads';
import { Prisma } from '../../db/generated/client';
import { foldedLog, knownBy, lateMilestonesAt } from './folded-log';
import { measuresInFull, requestedTravel, travelContext, type PlanHistory } from './view';
import type { TravelState } from '../../validation/time-travel';
import {
	buildOwnerPage,
	listMeasures,
	NO_FILTERS,
	getOwnerPage,
	matchesFilters,
	pageOfItems,
	planRef,
	PLAN_REF_SELECT,
	toItem,
	type MeasureFilters,
	type MeasureList,
	type OwnerPage,
	type PlanRef
} from '../measures/list';

type Paging = { page: number; perPage: number };

/** Lower case, without accents: « Numérique » and « numerique » are the same word here. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a query, folded; quotes and other punctuation only separate words. */
export function queryWords(q: string): string[] {
	return fold(q)
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 0);
}

/** True when every word of the query appears in a measure's text as it stood on the day. */
function matchesWords(parts: readonly string[], words: readonly string[]): boolean {
	if (words.length === 0) return true;
	const text = fold(parts.join('\n'));
	return words.every((w) => text.includes(w));
}

const matchesText = (m: MeasureDetailRow, words: readonly string[]) => matchesWords([m.title, m.description, ...m.subActions, ...m.progressUpdates.map((u) => u.text)], words);

const planRefOf = (history: PlanHistory): PlanRef => planRef(history.plan);

/** Teams leading or contributing to at least one of the measures, by name (the filter's options). */
function ownersOf(measures: readonly MeasureDetailRow[]): OwnerRef[] {
	return sortedOwners(measures.flatMap((m) => [m.leadOwner, ...m.contributors.map((c) => c.owner)]));
}

function sortedOwners(teams: readonly OwnerRef[]): OwnerRef[] {
	const byCode = new Map<string, OwnerRef>();
	for (const t of teams) byCode.set(t.code, { code: t.code, name: t.name, nameEn: t.nameEn });
	return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The plan's measures on `date`, in the order of today's SQL list (axis, position, then id). */
function measuresAt(history: PlanHistory, date: string): { measures: MeasureDetailRow[]; axes: PlanHistory['axes'] } {
	const { measures, axes } = planAt(history, date);
	const axisRank = new Map(axes.map((a, index) => [a.id, index]));
	const rank = (m: MeasureDetailRow) => axisRank.get(m.axisId) ?? Number.MAX_SAFE_INTEGER;
	const sorted = measures.sort((a, b) => rank(a) - rank(b) || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return { measures: sorted, axes };
}

/** Pure: the list as it stood on `date`, from already loaded history (the full replay, which tests compare the list with). */
export function listFromHistory(history: PlanHistory, filters: MeasureFilters, date: string, paging: Paging): MeasureList {
	const { measures, axes } = measuresAt(history, date);
	const words = filters.q ? queryWords(filters.q) : [];
	const matching = measures
		.filter((m) => matchesText(m, words))
		.map((m) => toItem(m, date))
		.filter((item) => matchesFilters(item, filters));
	return pageOfItems(
		{
			plan: planRefOf(history),
			today: date,
			axes: axes.map((a) => ({ number: a.number, title: a.title })),
			owners: ownersOf(measures),
			total: measures.length
		},
		matching,
		paging
	);
}

/** Pure: an owner's page as it stood on `date` from the full replay (which tests compare `getOwnerPageAt` with); null when no team has this code. */
export function ownerPageFromHistory(history: PlanHistory, code: string, date: string): OwnerPage | null {
	const owner = [...history.owners.values()].find((o) => o.code === code);
	if (!owner) return null;
	const { measures } = measuresAt(history, date);
	const theirs = measures.filter((m) => m.leadOwner.code === code || m.contributors.some((c) => c.owner.code === code));
	return buildOwnerPage(
		planRefOf(history),
		owner,
		theirs.map((m) => toItem(m, date)),
		date
	);
}

/**
 * The list as it stood on `date`: the same as `listFromHistory` (tests compare both), from one narrow
 * row per measure and the page's measures rebuilt in full. A fixed number of queries.
 */
export function getMeasureListAt(db: Db, slug: string, filters: MeasureFilters, date: string, paging: Paging): Promise<MeasureList | null> {
	return wholePlanReads.run(() => readMeasureListAt(db, slug, filters, date, paging));
}

async function readMeasureListAt(db: Db, slug: string, filters: MeasureFilters, date: string, paging: Paging): Promise<MeasureList | null> {
	const plan = await db.plan.findUnique({ where: { slug }, select: PLAN_REF_SELECT });
	if (!plan) return null;
	const at = await matchingAt(db, plan.id, filters, date);
	const offset = (paging.page - 1) * paging.perPage;
	const pageIds = at.matching.slice(offset, offset + paging.perPage).map((m) => m.id);
	return {
		plan: planRef(plan),
		today: date,
		axes: at.axes.map((a) => ({ number: a.number, title: a.title })),
		owners: sortedOwners(at.states.flatMap((m) => [...(m.lead ? [m.lead] : []), ...m.contributors])),
		total: at.states.length,
		matched: at.matching.length,
		page: paging.page,
		perPage: paging.perPage,
		pageCount: Math.max(1, Math.ceil(at.matching.length / paging.perPage)),
		results: await itemsInFull(db, plan.id, pageIds, at, date)
	};
}

type MatchingAt = Awaited<ReturnType<typeof matchingAt>>;

/**
 * Every measure's list fields on `date` from narrow rows, in the list's order (axis of the day,
 * position, id), those matching `filters`, and what rebuilding some of them in full needs.
 */
async function matchingAt(db: Db, planId: string, filters: MeasureFilters, date: string) {
	const words = filters.q ? queryWords(filters.q) : [];
	const searching = words.length > 0;
	const [[axes, axisEvents, owners], rows, log, lateMilestones, updates] = await Promise.all([
		travelContext(db, planId),
		listSources(db, planId, searching),
		foldedLog(db, planId, 'Measure', searching ? [...LIST_KEYS, ...LIST_TEXT_KEYS] : LIST_KEYS, date),
		filters.late ? lateMilestonesAt(db, planId, date) : null,
		searching
			? db.$queryRaw<{ measureId: string; text: string }[]>`
				SELECT u."measureId", u."text" FROM "ProgressUpdate" u
				WHERE u."planId" = ${planId} AND u."measureId" IS NOT NULL AND u."publishedAt" IS NOT NULL
					AND ${knownBy(Prisma.sql`u."date"`, Prisma.sql`u."datePrecision"`, date)}`
			: null
	]);
	const axesThen = axesAt(axes, indexEvents(axisEvents), date);
	const axisById = new Map(axesThen.map((a) => [a.id, a]));
	const axisRank = new Map(axesThen.map((a, index) => [a.id, index]));
	const axisNumber = new Map(axes.map((a) => [a.id, a.number]));
	const ownerById = new Map(owners.map((o) => [o.id, o]));
	const updatesOf = new Map<string, string[]>();
	for (const u of updates ?? []) {
		const texts = updatesOf.get(u.measureId);
		if (texts) texts.push(u.text);
		else updatesOf.set(u.measureId, [u.text]);
	}

	const states: ListStateAt[] = [];
	for (const source of rows) {
		const state = listStateAt(source, log, date, axisById, ownerById);
		if (state) states.push(state);
	}
	const rank = (m: ListStateAt) => axisRank.get(m.axisId) ?? Number.MAX_SAFE_INTEGER;
	states.sort((a, b) => rank(a) - rank(b) || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

	const matching = states.filter((m) => {
		if (filters.axis !== null && axisNumber.get(m.axisId) !== filters.axis) return false;
		if (filters.status !== null && (m.status ?? 'NOT_REPORTED') !== filters.status) return false;
		if (filters.confidence !== null && m.confidence !== filters.confidence) return false;
		if (filters.owner !== null && m.lead?.code !== filters.owner && !m.contributors.some((c) => c.code === filters.owner)) return false;
		if (lateMilestones && !lateAt(m, lateMilestones.get(m.id) ?? 0, date)) return false;
		return !searching || matchesWords([m.text!.title, m.text!.description, ...m.text!.subActions, ...(updatesOf.get(m.id) ?? [])], words);
	});
	return { axes: axesThen, axisById, axisEvents, owners, states, matching };
}

/** The list items of some measures rebuilt in full on `date`, in the order of `ids`. */
async function itemsInFull(db: Db, planId: string, ids: readonly string[], at: MatchingAt, date: string) {
	const shown = new Map((await measuresInFull(db, planId, ids, { axisEvents: at.axisEvents, owners: at.owners, axes: at.axisById }, date)).map((m) => [m.id, m]));
	return ids.flatMap((id) => {
		const m = shown.get(id);
		return m ? [toItem(m, date)] : [];
	});
}

type SourceJson = [
	string,
	string,
	number,
	MeasureStatus | null,
	Confidence | null,
	string,
	string[],
	string | null,
	DatePrecision | null,
	string | null,
	string?,
	string?,
	string[]?
];
const dayOrNull = (day: string | null) => (day === null ? null : fromIsoDay(day));

/**
 * Today's list fields of every measure of the plan (with their text for a search), as one JSON
 * document: decoding 10,000 rows column by column (and their contributors in a second query) cost
 * Node several times the CPU of one JSON.parse.
 */
async function listSources(db: Db, planId: string, withText: boolean): Promise<ListSource[]> {
	const text = withText ? Prisma.sql`, m."title", m."description", m."subActions"` : Prisma.empty;
	const [result] = await db.$queryRaw<{ rows: string }[]>`
		SELECT coalesce(json_agg(json_build_array(m."id", m."axisId", m."position", m."status", m."confidence", m."leadOwnerId",
			coalesce((SELECT json_agg(c."ownerId") FROM "MeasureContributor" c WHERE c."measureId" = m."id"), '[]'),
			m."plannedEnd", m."plannedEndPrecision", m."retiredOn" ${text})), '[]')::text AS rows
		FROM "Measure" m WHERE m."planId" = ${planId}`;
	return (JSON.parse(result?.rows ?? '[]') as SourceJson[]).map(
		([id, axisId, position, status, confidence, leadOwnerId, contributorOwnerIds, plannedEnd, plannedEndPrecision, retiredOn, title, description, subActions]) => ({
			id,
			axisId,
			position,
			status,
			confidence,
			leadOwnerId,
			contributorOwnerIds,
			plannedEnd: dayOrNull(plannedEnd),
			plannedEndPrecision,
			retiredOn: dayOrNull(retiredOn),
			text: withText ? { title: title ?? '', description: description ?? '', subActions: subActions ?? [] } : undefined
		})
	);
}

/** `toItem`'s lateness from the list fields: not done, abandoned or retired, and past its end or with an overdue milestone. */
function lateAt(m: ListStateAt, lateMilestones: number, date: string): boolean {
	if (m.status === 'DONE' || m.status === 'ABANDONED' || m.retired) return false;
	return isLate(preciseOf(m.plannedEnd, m.plannedEndPrecision), null, date) || lateMilestones > 0;
}

/**
 * An owner's page as it stood on `date`: the same as `ownerPageFromHistory` (a test compares both),
 * from the list's narrow rows filtered on the team, with only its measures rebuilt in full. A fixed
 * number of queries. Null when the plan or the team is unknown.
 */
export function getOwnerPageAt(db: Db, slug: string, code: string, date: string): Promise<OwnerPage | null> {
	return wholePlanReads.run(() => readOwnerPageAt(db, slug, code, date));
}

async function readOwnerPageAt(db: Db, slug: string, code: string, date: string): Promise<OwnerPage | null> {
	const plan = await db.plan.findUnique({ where: { slug }, select: PLAN_REF_SELECT });
	if (!plan) return null;
	const at = await matchingAt(db, plan.id, { ...NO_FILTERS, owner: code }, date);
	const owner = at.owners.find((o) => o.code === code);
	if (!owner) return null;
	const items = await itemsInFull(
		db,
		plan.id,
		at.matching.map((m) => m.id),
		at,
		date
	);
	return buildOwnerPage(planRef(plan), owner, items, date);
}

/**
 * The list a request asks for: today's (SQL, unchanged, no extra query) or, with a valid `?date=`,
 * the plan on that day. A date out of the plan's life is reported in `travel.problem`, today's list shown.
 */
export async function getMeasureListForRequest(
	db: Db,
	slug: string,
	filters: MeasureFilters,
	paging: Paging,
	rawDate: string | null,
	today = toIsoDay(new Date())
): Promise<{ list: MeasureList; travel: TravelState } | null> {
	const travel = await requestedTravel(db, slug, rawDate, today);
	if (!travel) return null;
	const list = travel.date ? await getMeasureListAt(db, slug, filters, travel.date, paging) : await listMeasures(db, slug, filters, today, paging);
	return list ? { list, travel: { ...travel, adoptedOn: travel.adoptedOn ?? list.plan.adoptedOn } } : null;
}

export async function getOwnerPageForRequest(
	db: Db,
	slug: string,
	code: string,
	rawDate: string | null,
	today = toIsoDay(new Date())
): Promise<{ page: OwnerPage; travel: TravelState } | null> {
	const travel = await requestedTravel(db, slug, rawDate, today);
	if (!travel) return null;
	const page = travel.date ? await getOwnerPageAt(db, slug, code, travel.date) : await getOwnerPage(db, slug, code, today);
	return page ? { page, travel: { ...travel, adoptedOn: travel.adoptedOn ?? page.plan.adoptedOn } } : null;
}

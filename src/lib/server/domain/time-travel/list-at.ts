// The measure list and an owner's page at a past date. Today's list pages and filters in SQL
// (measures/list.ts); a past day is not in the tables, so the plan is rebuilt from its history
// (loaded once, view.ts), turned into the same list items (lateness as of that day),
// filtered and paged in memory. The number of queries does not depend on the plan's size.
//
// Text search: the full-text index (`searchVector`) holds today's text only. At a past date the
// search is a plain word match on the text as it stood that day (title, description, sub-actions,
// published updates known then): every word must appear, ignoring case and accents; no stemming,
// no "phrases", -exclusions or `or`. The page says so (explore.pastSearch).
import type { Db } from '../../db';
import { toIsoDay } from '../../../domain/dates';
import type { OwnerRef } from '../plans/view';
import type { MeasureDetailRow } from '../measures/view';
import { planAt } from '../../../domain/time-travel';
import { loadPlanHistory, requestedTravel, type PlanHistory } from './view';
import type { TravelState } from '../../validation/time-travel';
import {
	buildOwnerPage,
	listMeasures,
	getOwnerPage,
	matchesFilters,
	pageOfItems,
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

/** True when every word of the query appears in the measure's text as rebuilt for the day. */
function matchesText(m: MeasureDetailRow, words: readonly string[]): boolean {
	if (words.length === 0) return true;
	const text = fold([m.title, m.description, ...m.subActions, ...m.progressUpdates.map((u) => u.text)].join('\n'));
	return words.every((w) => text.includes(w));
}

const planRefOf = (history: PlanHistory): PlanRef => ({
	id: history.plan.id,
	slug: history.plan.slug,
	title: history.plan.title,
	adoptedOn: history.plan.adoptedOn ? toIsoDay(history.plan.adoptedOn) : null
});

/** Teams leading or contributing to at least one of the measures, by name (the filter's options). */
function ownersOf(measures: readonly MeasureDetailRow[]): OwnerRef[] {
	const byCode = new Map<string, OwnerRef>();
	for (const m of measures) {
		byCode.set(m.leadOwner.code, { code: m.leadOwner.code, name: m.leadOwner.name, nameEn: m.leadOwner.nameEn });
		for (const c of m.contributors) byCode.set(c.owner.code, { code: c.owner.code, name: c.owner.name, nameEn: c.owner.nameEn });
	}
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

/** Pure: the list as it stood on `date`, from already loaded history. */
function measureListAt(history: PlanHistory, filters: MeasureFilters, date: string, paging: Paging): MeasureList {
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

/** Pure: an owner's page as it stood on `date`; null when no team has this code. */
function ownerPageAt(history: PlanHistory, code: string, date: string): OwnerPage | null {
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

export async function getMeasureListAt(db: Db, slug: string, filters: MeasureFilters, date: string, paging: Paging): Promise<MeasureList | null> {
	const history = await loadPlanHistory(db, slug);
	return history ? measureListAt(history, filters, date, paging) : null;
}

export async function getOwnerPageAt(db: Db, slug: string, code: string, date: string): Promise<OwnerPage | null> {
	const history = await loadPlanHistory(db, slug);
	return history ? ownerPageAt(history, code, date) : null;
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

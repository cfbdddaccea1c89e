// Read models of the public measure list (filters + French full-text search, one page at a time) and
// of an owner's page. A fixed number of queries whatever the plan's size: the filters, the text search
// over the generated `searchVector` columns (migration measure_search) and lateness select one page of
// ids in a single SQL query, then only that page's measures are loaded. Lateness is computed from
// dates (in SQL to filter, in lateness.ts for display, from the same rule), never stored.
import type { Db } from '../../db';
import { Prisma } from '../../db/generated/client';
import type { Confidence, MeasureStatus } from '../../db/generated/enums';
import type { Progress } from '../../../domain/progress';
import { isLate, preciseOf, toIsoDay, type DatePrecision } from '../../../domain/dates';
import { STATUS_KEYS, type StatusKey } from '../../../domain/status';
import { milestoneDue, rowProgress, type MilestoneRow, type OwnerRef, type ProgressRow } from '../plans/view';
import { parseJsonRows } from '../../db/json-rows';
import { milestoneDueEnd, periodEnd } from './lateness-sql';

export interface MeasureFilters {
	axis: number | null;
	owner: string | null;
	status: StatusKey | null;
	confidence: Confidence | null;
	late: boolean;
	q: string | null;
}

export const NO_FILTERS: MeasureFilters = { axis: null, owner: null, status: null, confidence: null, late: false, q: null };

/** A piece of a search snippet; `match` pieces are the words the query found. */
export interface SnippetPart {
	text: string;
	match: boolean;
}

export interface MeasureListItem {
	id: string;
	number: string;
	title: string;
	/** English title shown on `/en` pages; null: the French one. */
	titleEn: string | null;
	axis: { number: number; title: string };
	leadOwner: OwnerRef;
	contributors: OwnerRef[];
	status: StatusKey;
	confidence: Confidence | null;
	progress: Progress;
	/** Planned end passed (and neither done nor abandoned), or at least one open milestone overdue. */
	late: boolean;
	lateMilestones: number;
	/** Retired from the plan on this day: listed, never late. */
	retiredOn: string | null;
	snippet: SnippetPart[] | null;
}

export interface PlanRef {
	id: string;
	slug: string;
	title: string;
	/** Adoption day (YYYY-MM-DD): the earliest date the time-travel form accepts. */
	adoptedOn: string | null;
}

export const PLAN_REF_SELECT = { id: true, slug: true, title: true, adoptedOn: true } as const;
export const planRef = (p: { id: string; slug: string; title: string; adoptedOn: Date | null }): PlanRef => ({
	id: p.id,
	slug: p.slug,
	title: p.title,
	adoptedOn: p.adoptedOn ? toIsoDay(p.adoptedOn) : null
});

export interface MeasureList {
	plan: PlanRef;
	today: string;
	axes: { number: number; title: string }[];
	owners: OwnerRef[];
	/** Measures in the plan, before filtering. */
	total: number;
	/** Measures matching the filters, on every page. */
	matched: number;
	page: number;
	perPage: number;
	pageCount: number;
	/** This page's measures. */
	results: MeasureListItem[];
}

export const LIST_PAGE_SIZE = 50;

// Private-use characters mark the matches in ts_headline's output: they never occur in the plan's
// text, and the snippet is split on them into plain strings, so no HTML is ever built from data.
const START = '\uE000';
const STOP = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

// An excerpt cuts through Markdown (a "**" may open in one piece and close in the next): its pieces
// are shown as plain text, without the markers of emphasis and the addresses of links.
const plain = (text: string) =>
	text
		.replace(/\[([^\]\n]*)\]\([^()\s]*\)/g, '$1')
		.replace(/\*\*|__/g, '')
		.replace(/(^|[\s(])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?=$|[\s.,;:!?)])/g, '$1');

export function snippetParts(headline: string): SnippetPart[] {
	const parts: SnippetPart[] = [];
	for (const part of rawSnippetParts(headline)) {
		const text = plain(part.text);
		if (text) parts.push({ text, match: part.match });
	}
	return parts;
}

function rawSnippetParts(headline: string): SnippetPart[] {
	const parts: SnippetPart[] = [];
	for (const [index, chunk] of headline.split(START).entries()) {
		if (index === 0) {
			if (chunk) parts.push({ text: chunk.replaceAll(STOP, ''), match: false });
			continue;
		}
		const stop = chunk.indexOf(STOP);
		const matched = stop === -1 ? chunk : chunk.slice(0, stop);
		const rest = stop === -1 ? '' : chunk.slice(stop + 1).replaceAll(STOP, '');
		if (matched) parts.push({ text: matched, match: true });
		if (rest) parts.push({ text: rest, match: false });
	}
	return parts;
}

/** What a list item is built from: today's rows (listMeasureRows), or the rows time travel rebuilds (MeasureDetailRow). */
export interface MeasureListRow extends ProgressRow {
	id: string;
	number: string;
	title: string;
	titleEn: string | null;
	axis: { number: number; title: string };
	leadOwner: OwnerRef;
	contributors: { owner: OwnerRef }[];
	status: MeasureStatus | null;
	confidence: Confidence | null;
	plannedEnd: Date | null;
	plannedEndPrecision: DatePrecision | null;
	retiredOn: Date | null;
	milestones: MilestoneRow[];
}

const LIST_DATE_KEYS = new Set(['plannedEnd', 'retiredOn', 'plannedDate', 'forecastDate', 'doneOn', 'date']);

/**
 * The page's measures with what their items show, in one statement rather than Prisma's eight
 * (measure, axis, lead team, contributors and their teams, milestones, first indicator, its values):
 * a list page is rebuilt after every save in its plan. Contributors in team code order.
 * tests/integration/list-query-count.test.ts holds it equal to Prisma's include.
 */
async function listMeasureRows(db: Db, ids: readonly string[]): Promise<MeasureListRow[]> {
	if (ids.length === 0) return [];
	const [found] = await db.$queryRaw<{ rows: string }[]>`
		SELECT coalesce(jsonb_agg(jsonb_build_object(
			'id', m."id", 'number', m."number", 'title', m."title", 'titleEn', m."titleEn", 'status', m."status", 'confidence', m."confidence",
			'progressMethod', m."progressMethod", 'progressManual', m."progressManual", 'plannedEnd', m."plannedEnd", 'plannedEndPrecision', m."plannedEndPrecision",
			'retiredOn', m."retiredOn",
			'axis', jsonb_build_object('number', a."number", 'title', a."title"),
			'leadOwner', jsonb_build_object('code', o."code", 'name', o."name", 'nameEn', o."nameEn"),
			'contributors', coalesce((
				SELECT jsonb_agg(jsonb_build_object('owner', jsonb_build_object('code', w."code", 'name', w."name", 'nameEn', w."nameEn")) ORDER BY w."code", w."id")
				FROM "MeasureContributor" c JOIN "Owner" w ON w."id" = c."ownerId" WHERE c."measureId" = m."id"), '[]'),
			'milestones', coalesce((
				SELECT jsonb_agg(jsonb_build_object('title', ms."title", 'plannedDate', ms."plannedDate", 'plannedPrecision', ms."plannedPrecision",
					'forecastDate', ms."forecastDate", 'doneOn', ms."doneOn", 'weight', ms."weight") ORDER BY ms."position", ms."createdAt", ms."id")
				FROM "Milestone" ms WHERE ms."measureId" = m."id"), '[]'),
			'indicators', coalesce((
				SELECT jsonb_agg(jsonb_build_object('baseline', i."baseline", 'target', i."target", 'direction', i."direction", 'values', coalesce((
					SELECT jsonb_agg(jsonb_build_object('value', v."value", 'date', v."date") ORDER BY v."date" DESC, v."createdAt" DESC, v."id" DESC) FROM "IndicatorValue" v WHERE v."indicatorId" = i."id"), '[]')))
				FROM (SELECT * FROM "Indicator" WHERE "measureId" = m."id" ORDER BY "position", "id" LIMIT 1) i), '[]')
		)), '[]')::text AS rows
		FROM "Measure" m JOIN "Axis" a ON a."id" = m."axisId" JOIN "Owner" o ON o."id" = m."leadOwnerId"
		WHERE m."id" = ANY(${ids})`;
	return parseJsonRows<MeasureListRow[]>(found?.rows ?? '[]', { dates: LIST_DATE_KEYS });
}

/** A measure as the list shows it; lateness as of `today` (the day viewed, for a past date). */
export function toItem(m: MeasureListRow, today: string): MeasureListItem {
	const progress = rowProgress(m);
	const lateMilestones = m.milestones.filter((ms) => !ms.doneOn && isLate(milestoneDue(ms), null, today)).length;
	const plannedEnd = preciseOf(m.plannedEnd, m.plannedEndPrecision);
	const finished = m.status === 'DONE' || m.status === 'ABANDONED' || m.retiredOn !== null;
	return {
		id: m.id,
		number: m.number,
		title: m.title,
		titleEn: m.titleEn,
		// Copied field by field: rebuilt rows carry more than the page needs.
		axis: { number: m.axis.number, title: m.axis.title },
		leadOwner: { code: m.leadOwner.code, name: m.leadOwner.name, nameEn: m.leadOwner.nameEn },
		contributors: m.contributors.map((c) => ({ code: c.owner.code, name: c.owner.name, nameEn: c.owner.nameEn })),
		status: m.status ?? 'NOT_REPORTED',
		confidence: m.confidence,
		progress,
		late: !finished && (isLate(plannedEnd, null, today) || lateMilestones > 0),
		lateMilestones: finished ? 0 : lateMilestones,
		retiredOn: m.retiredOn ? toIsoDay(m.retiredOn) : null,
		snippet: null
	};
}

/**
 * The filters' options and the plan's count in one statement: its axes, and the teams that lead or
 * contribute to at least one of its measures (by name).
 */
async function listFacets(db: Db, planId: string): Promise<Pick<MeasureList, 'axes' | 'owners' | 'total'>> {
	const [row] = await db.$queryRaw<{ axes: string; owners: string; total: number }[]>`
		SELECT
			(SELECT coalesce(jsonb_agg(jsonb_build_object('number', a."number", 'title', a."title") ORDER BY a."position", a."id"), '[]') FROM "Axis" a WHERE a."planId" = ${planId})::text AS axes,
			(SELECT coalesce(jsonb_agg(jsonb_build_object('code', o."code", 'name', o."name", 'nameEn', o."nameEn") ORDER BY o."name", o."code"), '[]') FROM "Owner" o
				WHERE EXISTS (SELECT 1 FROM "Measure" m WHERE m."leadOwnerId" = o."id" AND m."planId" = ${planId})
					OR EXISTS (SELECT 1 FROM "MeasureContributor" c JOIN "Measure" m ON m."id" = c."measureId" WHERE c."ownerId" = o."id" AND m."planId" = ${planId}))::text AS owners,
			(SELECT count(*)::int FROM "Measure" m WHERE m."planId" = ${planId}) AS total`;
	return { axes: JSON.parse(row!.axes) as MeasureList['axes'], owners: JSON.parse(row!.owners) as OwnerRef[], total: row!.total };
}

function filterConditions(f: MeasureFilters, today: string): Prisma.Sql[] {
	const conditions: Prisma.Sql[] = [];
	if (f.axis !== null) conditions.push(Prisma.sql`a."number" = ${f.axis}`);
	if (f.status !== null) conditions.push(f.status === 'NOT_REPORTED' ? Prisma.sql`m."status" IS NULL` : Prisma.sql`m."status"::text = ${f.status}`);
	if (f.confidence !== null) conditions.push(Prisma.sql`m."confidence"::text = ${f.confidence}`);
	if (f.owner !== null)
		conditions.push(Prisma.sql`(EXISTS (SELECT 1 FROM "Owner" o WHERE o."id" = m."leadOwnerId" AND o."code" = ${f.owner})
			OR EXISTS (SELECT 1 FROM "MeasureContributor" c JOIN "Owner" o ON o."id" = c."ownerId" WHERE c."measureId" = m."id" AND o."code" = ${f.owner}))`);
	if (f.late)
		conditions.push(Prisma.sql`m."retiredOn" IS NULL AND coalesce(m."status"::text, '') NOT IN ('DONE', 'ABANDONED')
			AND (${periodEnd(Prisma.sql`m."plannedEnd"`, Prisma.sql`m."plannedEndPrecision"`)} < ${today}::date
				OR EXISTS (SELECT 1 FROM "Milestone" ms WHERE ms."measureId" = m."id" AND ms."doneOn" IS NULL AND ${milestoneDueEnd} < ${today}::date))`);
	return conditions;
}

/** No filter and no search: every measure of the plan matches (pageOfMeasures then sends no count). */
const isUnfiltered = (f: MeasureFilters): boolean => !f.q && filterConditions(f, '1970-01-01').length === 0;

interface PageRow {
	id: string;
	/** Measures matching the filters; null without filters (the plan's count). */
	matched: number | null;
	headline: string | null;
}

/**
 * One page of the plan's measures matching the filters, in the plan's order, or by relevance for a
 * text search (websearch syntax: words, "phrases", -exclusions, or; title, description and sub-actions
 * count fully, published progress updates half). The snippet is computed for this page only.
 */
async function pageOfMeasures(db: Db, planId: string, f: MeasureFilters, today: string, paging: { page: number; perPage: number }): Promise<PageRow[]> {
	const conditions = filterConditions(f, today);
	const where = Prisma.join([Prisma.sql`m."planId" = ${planId}`, ...conditions], ' AND ');
	const offset = (paging.page - 1) * paging.perPage;
	if (!f.q) {
		// Unfiltered, every measure matches: the caller has the plan's count, and the window count would
		// make PostgreSQL carry all 10,000 rows of a large plan through it for a page of 50.
		const matched = conditions.length > 0 ? Prisma.sql`(count(*) OVER ())::int` : Prisma.sql`NULL::int`;
		return db.$queryRaw<PageRow[]>`
			SELECT m."id", ${matched} AS matched, NULL AS headline
			FROM "Measure" m JOIN "Axis" a ON a."id" = m."axisId"
			WHERE ${where}
			ORDER BY a."position" ASC, m."position" ASC, m."id" ASC
			LIMIT ${paging.perPage} OFFSET ${offset}`;
	}
	return db.$queryRaw<PageRow[]>`
		WITH query AS (SELECT websearch_to_tsquery('french', ${f.q}) AS tsq),
		updates AS (
			SELECT u."measureId" AS id,
				max(ts_rank(u."searchVector", query.tsq)) AS rank,
				string_agg(u."text", ' … ' ORDER BY u."date" DESC) AS text
			FROM "ProgressUpdate" u CROSS JOIN query
			WHERE u."planId" = ${planId} AND u."measureId" IS NOT NULL AND u."publishedAt" IS NOT NULL
				AND u."searchVector" @@ query.tsq
			GROUP BY u."measureId"
		),
		hits AS (
			SELECT m."id", a."position" AS "axisPosition", m."position", updates.text AS "updateText",
				(CASE WHEN m."searchVector" @@ query.tsq THEN ts_rank(m."searchVector", query.tsq) ELSE 0 END
					+ coalesce(updates.rank, 0) * 0.5)::float8 AS rank,
				(count(*) OVER ())::int AS matched
			FROM "Measure" m JOIN "Axis" a ON a."id" = m."axisId" CROSS JOIN query LEFT JOIN updates ON updates.id = m."id"
			WHERE ${where} AND (m."searchVector" @@ query.tsq OR updates.id IS NOT NULL)
			ORDER BY rank DESC, a."position" ASC, m."position" ASC, m."id" ASC
			LIMIT ${paging.perPage} OFFSET ${offset}
		)
		SELECT hits."id", hits.matched,
			ts_headline('french',
				concat_ws(' … ', m."description", nullif("jalons_join_text"(m."subActions"), ''), hits."updateText"),
				query.tsq, ${HEADLINE_OPTIONS}) AS headline
		FROM hits JOIN "Measure" m ON m."id" = hits."id" CROSS JOIN query
		ORDER BY hits.rank DESC, hits."axisPosition" ASC, hits."position" ASC, hits."id" ASC`;
}

export async function listMeasures(
	db: Db,
	slug: string,
	filters: MeasureFilters,
	today = toIsoDay(new Date()),
	paging: { page: number; perPage: number } = { page: 1, perPage: LIST_PAGE_SIZE }
): Promise<MeasureList | null> {
	const planRow = await db.plan.findUnique({ where: { slug }, select: PLAN_REF_SELECT });
	if (!planRow) return null;
	const plan = planRef(planRow);
	const [{ axes, owners, total }, pageRows] = await Promise.all([listFacets(db, plan.id), pageOfMeasures(db, plan.id, filters, today, paging)]);
	// Past the last page the window count is lost with the rows: count the matches once more.
	const matched = isUnfiltered(filters) ? total : (pageRows[0]?.matched ?? (paging.page > 1 ? await countMatches(db, plan.id, filters, today) : 0));
	const rows = await listMeasureRows(
		db,
		pageRows.map((r) => r.id)
	);
	const byId = new Map(rows.map((m) => [m.id, m]));
	const results = pageRows.flatMap((hit) => {
		const row = byId.get(hit.id);
		return row ? [{ ...toItem(row, today), snippet: hit.headline ? snippetParts(hit.headline) : null }] : [];
	});
	return { plan, today, axes, owners, total, matched, page: paging.page, perPage: paging.perPage, pageCount: Math.max(1, Math.ceil(matched / paging.perPage)), results };
}

async function countMatches(db: Db, planId: string, f: MeasureFilters, today: string): Promise<number> {
	const rows = await pageOfMeasures(db, planId, f, today, { page: 1, perPage: 1 });
	return rows[0]?.matched ?? 0;
}

/** The same rows through Prisma's include (an owner's page; the list's equality test). */
export const LIST_MEASURE_INCLUDE = {
	axis: { select: { number: true, title: true } },
	leadOwner: { select: { code: true, name: true, nameEn: true } },
	contributors: { select: { owner: { select: { code: true, name: true, nameEn: true } } } },
	milestones: { select: { title: true, plannedDate: true, plannedPrecision: true, forecastDate: true, doneOn: true, weight: true } },
	indicators: { orderBy: { position: 'asc' }, take: 1, include: { values: { select: { value: true, date: true } } } }
} satisfies Prisma.MeasureInclude;

export interface OwnerPage {
	plan: PlanRef;
	owner: OwnerRef & { description: string | null };
	led: MeasureListItem[];
	contributed: MeasureListItem[];
	statusCounts: Record<StatusKey, number>;
	today: string;
}

/** An owner team's measures in one plan. Null when the plan or the owner code is unknown. */
export async function getOwnerPage(db: Db, slug: string, code: string, today = toIsoDay(new Date())): Promise<OwnerPage | null> {
	const [planRow, owner] = await Promise.all([
		db.plan.findUnique({ where: { slug }, select: PLAN_REF_SELECT }),
		db.owner.findUnique({ where: { code }, select: { id: true, code: true, name: true, nameEn: true, description: true } })
	]);
	if (!planRow || !owner) return null;
	const plan = planRef(planRow);
	const rows = await db.measure.findMany({
		where: { planId: plan.id, OR: [{ leadOwnerId: owner.id }, { contributors: { some: { ownerId: owner.id } } }] },
		orderBy: [{ axis: { position: 'asc' } }, { position: 'asc' }, { id: 'asc' }],
		include: LIST_MEASURE_INCLUDE
	});
	return buildOwnerPage(
		plan,
		owner,
		rows.map((m) => toItem(m, today)),
		today
	);
}

/** Pure: the page of `owner` from the items of the measures it leads or contributes to, in the plan's order. */
export function buildOwnerPage(plan: PlanRef, owner: OwnerPage['owner'], items: MeasureListItem[], today: string): OwnerPage {
	const led = items.filter((m) => m.leadOwner.code === owner.code);
	const contributed = items.filter((m) => m.leadOwner.code !== owner.code);
	const statusCounts = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;
	for (const m of items) if (!m.retiredOn) statusCounts[m.status]++;
	return { plan, owner: { code: owner.code, name: owner.name, nameEn: owner.nameEn, description: owner.description }, led, contributed, statusCounts, today };
}

/**
 * The list's filters other than the text search, in memory, by the same rules as the SQL of
 * `filterConditions` (lateness from `toItem`, computed the same way): used at a past date.
 */
export function matchesFilters(item: MeasureListItem, f: MeasureFilters): boolean {
	if (f.axis !== null && item.axis.number !== f.axis) return false;
	if (f.status !== null && item.status !== f.status) return false;
	if (f.confidence !== null && item.confidence !== f.confidence) return false;
	if (f.owner !== null && item.leadOwner.code !== f.owner && !item.contributors.some((c) => c.code === f.owner)) return false;
	if (f.late && !item.late) return false;
	return true;
}

/** One page of already filtered items, with the counts the list shows (same shape as the SQL path). */
export function pageOfItems(
	base: Pick<MeasureList, 'plan' | 'today' | 'axes' | 'owners' | 'total'>,
	matching: MeasureListItem[],
	paging: { page: number; perPage: number }
): MeasureList {
	const offset = (paging.page - 1) * paging.perPage;
	return {
		...base,
		matched: matching.length,
		page: paging.page,
		perPage: paging.perPage,
		pageCount: Math.max(1, Math.ceil(matching.length / paging.perPage)),
		results: matching.slice(offset, offset + paging.perPage)
	};
}

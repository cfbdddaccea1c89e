// Read models of the public measure list (filters + French full-text search) and of an owner's page.
// A fixed number of queries whatever the plan's size: filters go into one Prisma query, the text
// search into one parameterised SQL query over the generated `searchVector` columns (migration
// measure_search), and lateness is computed here from dates, never stored.
import type { Db } from '../db';
import type { Prisma } from '../db/generated/client';
import type { Confidence } from '../db/generated/enums';
import { measureProgress, type Progress } from '../../domain/progress';
import { isLate, toIsoDay, type PreciseDate } from '../../domain/dates';
import { STATUS_KEYS, type StatusKey } from '../../domain/status';
import { milestoneDue, type OwnerRef } from './plan-view';

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
	axis: { number: number; title: string };
	leadOwner: OwnerRef;
	contributors: OwnerRef[];
	status: StatusKey;
	confidence: Confidence | null;
	progress: Progress;
	/** Planned end passed (and neither done nor abandoned), or at least one open milestone overdue. */
	late: boolean;
	lateMilestones: number;
	snippet: SnippetPart[] | null;
}

export interface PlanRef {
	id: string;
	slug: string;
	title: string;
}

export interface MeasureList {
	plan: PlanRef;
	today: string;
	axes: { number: number; title: string }[];
	owners: OwnerRef[];
	/** Measures in the plan, before filtering. */
	total: number;
	results: MeasureListItem[];
}

// Private-use characters mark the matches in ts_headline's output: they never occur in the plan's
// text, and the snippet is split on them into plain strings, so no HTML is ever built from data.
const START = '\uE000';
const STOP = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

export function snippetParts(headline: string): SnippetPart[] {
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

interface SearchHit {
	id: string;
	rank: number;
	headline: string | null;
}

/**
 * Measures of a plan matching `q` (websearch syntax: words, "phrases", -exclusions, or), ranked.
 * Title/description/sub-action matches count fully, published progress updates half. One query.
 */
export async function searchMeasures(db: Db, planId: string, q: string): Promise<SearchHit[]> {
	return db.$queryRaw<SearchHit[]>`
		WITH query AS (SELECT websearch_to_tsquery('french', ${q}) AS tsq),
		updates AS (
			SELECT u."measureId" AS id,
				max(ts_rank(u."searchVector", query.tsq)) AS rank,
				string_agg(u."text", ' … ' ORDER BY u."date" DESC) AS text
			FROM "ProgressUpdate" u CROSS JOIN query
			WHERE u."planId" = ${planId} AND u."measureId" IS NOT NULL AND u."publishedAt" IS NOT NULL
				AND u."searchVector" @@ query.tsq
			GROUP BY u."measureId"
		)
		SELECT m."id",
			(CASE WHEN m."searchVector" @@ query.tsq THEN ts_rank(m."searchVector", query.tsq) ELSE 0 END
				+ coalesce(updates.rank, 0) * 0.5)::float8 AS rank,
			ts_headline('french',
				concat_ws(' … ', m."description", nullif("jalons_join_text"(m."subActions"), ''), updates.text),
				query.tsq, ${HEADLINE_OPTIONS}) AS headline
		FROM "Measure" m CROSS JOIN query LEFT JOIN updates ON updates.id = m."id"
		WHERE m."planId" = ${planId} AND (m."searchVector" @@ query.tsq OR updates.id IS NOT NULL)
		ORDER BY rank DESC, m."position" ASC
	`;
}

const measureInclude = {
	axis: { select: { number: true, title: true } },
	leadOwner: { select: { code: true, name: true } },
	contributors: { select: { owner: { select: { code: true, name: true } } } },
	milestones: { select: { title: true, plannedDate: true, plannedPrecision: true, forecastDate: true, doneOn: true, weight: true } },
	indicators: { orderBy: { position: 'asc' }, take: 1, include: { values: { select: { value: true, date: true } } } }
} satisfies Prisma.MeasureInclude;

type MeasureRow = Prisma.MeasureGetPayload<{ include: typeof measureInclude }>;

function latestValue(values: { value: number; date: Date }[]): number | null {
	let latest: { value: number; date: Date } | null = null;
	for (const v of values) if (!latest || v.date > latest.date) latest = v;
	return latest ? latest.value : null;
}

function toItem(m: MeasureRow, today: string): MeasureListItem {
	const indicator = m.indicators[0];
	const progress = measureProgress({
		method: m.progressMethod,
		manualValue: m.progressManual,
		milestones: m.milestones.map((ms) => ({ weight: ms.weight, doneOn: ms.doneOn ? toIsoDay(ms.doneOn) : null })),
		indicator: indicator
			? { baseline: indicator.baseline, target: indicator.target, direction: indicator.direction, current: latestValue(indicator.values) }
			: null
	});
	const lateMilestones = m.milestones.filter((ms) => !ms.doneOn && isLate(milestoneDue(ms), null, today)).length;
	const plannedEnd: PreciseDate | null =
		m.plannedEndPrecision === 'CONTINUOUS'
			? { start: null, precision: 'CONTINUOUS' }
			: m.plannedEnd && m.plannedEndPrecision
				? { start: toIsoDay(m.plannedEnd), precision: m.plannedEndPrecision }
				: null;
	const finished = m.status === 'DONE' || m.status === 'ABANDONED';
	return {
		id: m.id,
		number: m.number,
		title: m.title,
		axis: m.axis,
		leadOwner: m.leadOwner,
		contributors: m.contributors.map((c) => c.owner),
		status: m.status ?? 'NOT_REPORTED',
		confidence: m.confidence,
		progress,
		late: !finished && (isLate(plannedEnd, null, today) || lateMilestones > 0),
		lateMilestones: finished ? 0 : lateMilestones,
		snippet: null
	};
}

function whereFor(planId: string, f: MeasureFilters): Prisma.MeasureWhereInput {
	const where: Prisma.MeasureWhereInput = { planId };
	if (f.axis !== null) where.axis = { number: f.axis };
	if (f.status !== null) where.status = f.status === 'NOT_REPORTED' ? null : f.status;
	if (f.confidence !== null) where.confidence = f.confidence;
	if (f.owner !== null) where.OR = [{ leadOwner: { code: f.owner } }, { contributors: { some: { owner: { code: f.owner } } } }];
	return where;
}

/** Owners who lead or contribute to at least one measure of the plan, for the filter's options. */
function planOwners(db: Db, planId: string) {
	return db.owner.findMany({
		where: { OR: [{ leadMeasures: { some: { planId } } }, { contributingMeasures: { some: { measure: { planId } } } }] },
		select: { code: true, name: true },
		orderBy: { name: 'asc' }
	});
}

export async function listMeasures(db: Db, slug: string, filters: MeasureFilters, today = toIsoDay(new Date())): Promise<MeasureList | null> {
	const plan = await db.plan.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
	if (!plan) return null;
	const [axes, owners, total, rows, hits] = await Promise.all([
		db.axis.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' }, select: { number: true, title: true } }),
		planOwners(db, plan.id),
		db.measure.count({ where: { planId: plan.id } }),
		db.measure.findMany({ where: whereFor(plan.id, filters), orderBy: { position: 'asc' }, include: measureInclude }),
		filters.q ? searchMeasures(db, plan.id, filters.q) : Promise.resolve(null)
	]);
	let items = rows.map((m) => toItem(m, today));
	if (filters.late) items = items.filter((m) => m.late);
	if (hits) {
		const byId = new Map(items.map((m) => [m.id, m]));
		items = hits.flatMap((hit) => {
			const item = byId.get(hit.id);
			return item ? [{ ...item, snippet: hit.headline ? snippetParts(hit.headline) : null }] : [];
		});
	}
	return { plan, today, axes, owners, total, results: items };
}

export interface OwnerPage {
	plan: PlanRef;
	owner: { code: string; name: string; description: string | null };
	led: MeasureListItem[];
	contributed: MeasureListItem[];
	statusCounts: Record<StatusKey, number>;
	today: string;
}

/** An owner team's measures in one plan. Null when the plan or the owner code is unknown. */
export async function getOwnerPage(db: Db, slug: string, code: string, today = toIsoDay(new Date())): Promise<OwnerPage | null> {
	const [plan, owner] = await Promise.all([
		db.plan.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } }),
		db.owner.findUnique({ where: { code }, select: { id: true, code: true, name: true, description: true } })
	]);
	if (!plan || !owner) return null;
	const rows = await db.measure.findMany({
		where: { planId: plan.id, OR: [{ leadOwnerId: owner.id }, { contributors: { some: { ownerId: owner.id } } }] },
		orderBy: { position: 'asc' },
		include: measureInclude
	});
	const items = rows.map((m) => toItem(m, today));
	const led = items.filter((m) => m.leadOwner.code === owner.code);
	const contributed = items.filter((m) => m.leadOwner.code !== owner.code);
	const statusCounts = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;
	for (const m of items) statusCounts[m.status]++;
	return { plan, owner: { code: owner.code, name: owner.name, description: owner.description }, led, contributed, statusCounts, today };
}

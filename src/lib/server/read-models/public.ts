// The public read models (cache.ts): what every reader of a public page gets, the
// same whoever asks, kept per content version. Today's pages only: a past date (`?date=`) is read
// as before. The day is part of each key, since lateness and the agenda depend on it.
// Never put here anything that depends on the viewer: permissions, drafts, internal comments,
// notifications and unpublished council work are read per request by the routes.
import type { Db } from '../db';
import { toIsoDay } from '../../domain/dates';
import { ReadModelCache } from './cache';
import { tags } from './tags';
import { getDashboardPage } from '../domain/plans/dashboard-page';
import { listPublicPlans } from '../domain/plans/public-list';
import { planLifecycle } from '../domain/plans/lifecycle';
import { getMeasureForRequest } from '../domain/time-travel/view';
import { getMeasureListForRequest } from '../domain/time-travel/list-at';
import { getDefaultPlanSlug } from '../domain/measures/view';
import { successionsOf, type Successions } from '../domain/measures/successions';
import { deadLinkNotices } from '../domain/links/read';
import { listComments } from '../domain/comments/comments';
import { ownerChoices } from '../domain/measures/edit';
import type { MeasureFilters } from '../domain/measures/list';

type Paging = { page: number; perPage: number };

/**
 * A measure's successions show other measures (titles, plans): any change may alter them. With none,
 * they stay until a plan changes as a whole or the instance does (a succession added is instance-wide).
 */
const successionTags =
	(measureId: string) =>
	(loaded: Successions): readonly string[] =>
		loaded.successors.length === 0 && loaded.predecessors.length === 0 ? [tags.measureId(measureId), tags.anyPlanWide] : [tags.any];

const today = () => toIsoDay(new Date());

/**
 * The public read models over `cache`. `fresh()` says when to skip the cache: a request that writes
 * (a form action) reads what it just committed, not what the version said a moment before.
 */
export function publicReadModels(cache: ReadModelCache, fresh: () => boolean = () => false) {
	const shared = <T>(key: string, dependsOn: readonly string[] | ((value: T) => readonly string[]), load: () => Promise<T>): Promise<T> =>
		fresh() ? load() : cache.get(key, dependsOn, load);
	return {
		/**
		 * The plans anyone may see (the home page's list): plan rows and their measure counts, which a
		 * change to one measure's content leaves as they are (a measure created or deleted is plan-wide).
		 */
		plans: (database: Db) => shared('plans', [tags.anyPlanWide], () => listPublicPlans(database)),

		/** The default plan's slug (the header's link to the reports workspace). */
		defaultPlanSlug: (database: Db) => shared('default-plan', [], () => getDefaultPlanSlug(database)),

		/** Every team (code and name), for the owners form of the editing page. */
		owners: (database: Db) => shared('owners', [], () => ownerChoices(database)),

		/**
		 * A plan's life cycle (status, archive banner), read by the plan-access hook on every plan route:
		 * plan rows only, which change with the plan's own events (instance-wide, public-changes.ts).
		 */
		lifecycle: (database: Db, slug: string) => shared(`lifecycle\n${slug}`, [tags.wholePlan(slug)], () => planLifecycle(database, slug)),

		/** A plan's dashboard page: today's is shared, a past day's is read for this request. */
		dashboard(database: Db, slug: string, rawDate: string | null) {
			if (rawDate) return getDashboardPage(database, slug, rawDate);
			return shared(`dashboard\n${slug}\n${today()}`, [tags.plan(slug)], () => getDashboardPage(database, slug, null));
		},

		/** A measure's public page (its detail and ownership): today's is shared. */
		measure(database: Db, slug: string, number: string, rawDate: string | null) {
			if (rawDate) return getMeasureForRequest(database, slug, number, rawDate);
			const day = today();
			return shared(`measure\n${slug}\n${number}\n${day}`, [tags.wholePlan(slug), tags.measure(slug, number)], () => getMeasureForRequest(database, slug, number, null, day));
		},

		/**
		 * A measure's successions. Those towards draft plans are for signed-in readers only: they are a
		 * model of their own, never the one anonymous readers get.
		 */
		successions: (database: Db, measureId: string, withDrafts: boolean) =>
			shared(`successions\n${measureId}\n${withDrafts ? 'with-drafts' : 'public'}`, successionTags(measureId), () => successionsOf(database, measureId, { withDrafts })),

		/**
		 * Today's notices of dead links among a measure's sources: the addresses are the key, and the
		 * link checks, the only other thing they show, are instance-wide changes (links/check.ts).
		 */
		deadLinks: (database: Db, measureId: string, urls: string[]) =>
			shared(`dead-links\n${measureId}\n${today()}\n${urls.join('\n')}`, [], () => deadLinkNotices(database, urls, null)),

		/**
		 * The comments of a measure as an anonymous reader sees them (public ones, no edit rights): a
		 * signed-in reader's list depends on their roles and is read for each request.
		 */
		anonymousComments: (database: Db, measureId: string) =>
			shared(`comments\n${measureId}`, [tags.measureId(measureId), tags.anyPlanWide], () => listComments(database, null, { measureId })),

		/** A page of the measure list with its filters: today's is shared. */
		list(database: Db, slug: string, filters: MeasureFilters, paging: Paging, rawDate: string | null) {
			if (rawDate) return getMeasureListForRequest(database, slug, filters, paging, rawDate);
			const day = today();
			const key = `list\n${slug}\n${day}\n${paging.page}\n${paging.perPage}\n${JSON.stringify(filters)}`;
			return shared(key, [tags.plan(slug)], () => getMeasureListForRequest(database, slug, filters, paging, null, day));
		}
	};
}

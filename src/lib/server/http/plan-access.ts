// The one gate of draft plans. Every route of a plan has a `slug` parameter (pages, measure pages,
// history, owners, reports, compare, evolution, feeds, open data files, the API); this hook reads
// that plan's life cycle once, puts it on `locals.plan` (the plan layouts show the draft notice or
// the archive banner from it) and, when an anonymous visitor asks for a draft (or anyone asks a
// feed, a data file or the API for one), marks the request so that its first database access
// answers 404 (db/request.ts `requestDb`): pages get the site's
// "not found" page, feeds and files their usual 404, the API its JSON 404, and data requests of
// client-side navigation too, whichever load runs (a layout load alone is not a guard). Lists that
// name plans (home, sitemap, API list) leave drafts out in their own queries. A 404 is never kept
// by the page cache, and signed-in answers never are.
import type { Handle } from '@sveltejs/kit';
import { db } from '../db/instance';
import { PARAM_PATTERNS } from '../../route-params';
import { isVisiblePlan } from '../domain/plans/lifecycle';
import { publicModels } from '../read-models/instance';
import { log } from '../log';
import { ApiError, apiError } from '../api/respond';
import { measureNotFound, measureNumber, planNotFound, planSlug } from '../api/params';
import { isEmbedRoute } from './embed-routes';

export const planAccess: Handle = async ({ event, resolve }) => {
	const slug = event.params.slug;
	if (slug === undefined || !PARAM_PATTERNS.slug.test(slug)) return resolve(event);
	try {
		// Shared per content version (read-models/): the gate below is still decided for each request.
		const plan = await publicModels.lifecycle(await db(), slug);
		event.locals.plan = plan;
		if (plan && (!isVisiblePlan(plan, event.locals.user) || (plan.status === 'DRAFT' && isPublicationChannel(event.route.id)))) {
			// The API answers here, exactly as for a plan that does not exist.
			if (event.route.id?.startsWith('/api/')) return hiddenFromApi(event.params);
			event.locals.planGate = 'hidden';
		}
	} catch (error) {
		// Not known to be public: the request's data access answers 503, never the draft.
		log('error', 'plan access check failed', { error: error instanceof Error ? error.message : String(error) });
		event.locals.planGate = 'unchecked';
	}
	return resolve(event);
};

/**
 * Feeds, open data files, the API and the embedding badges and cards publish a plan to other sites, which copy and keep what they
 * read: a draft is never in them, not even for a signed-in reader (who previews it on its pages).
 */
function isPublicationChannel(routeId: string | null): boolean {
	return routeId !== null && (routeId.startsWith('/api/') || routeId.startsWith('/(public)/flux/') || routeId === '/(public)/donnees/[slug=slug]/[file]' || isEmbedRoute(routeId));
}

/** The API's 404 for a plan (or one of its measures) that does not exist, word for word. */
function hiddenFromApi(params: Partial<Record<string, string>>): Response {
	try {
		const slug = planSlug(params.slug ?? '');
		const refusal = params.number === undefined ? planNotFound(slug) : measureNotFound(slug, measureNumber(params.number));
		return apiError(refusal.status, refusal.message);
	} catch (error) {
		if (error instanceof ApiError) return apiError(error.status, error.message);
		throw error;
	}
}

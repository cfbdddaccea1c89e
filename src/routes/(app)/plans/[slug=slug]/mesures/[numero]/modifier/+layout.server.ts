import type { LayoutServerLoad } from './$types';
import { editGuard, savedMessage } from '$lib/server/forms/editing';
import { failingFeeds } from '$lib/server/domain/indicator-feeds/feeds';

// Guards here too for the header data; every page load and action still guards itself, because a
// layout load does not rerun on every request.
export const load: LayoutServerLoad = async (event) => {
	const { db, ref, t } = await editGuard(event);
	const plan = event.locals.plan;
	return {
		header: { plan: ref.plan, number: ref.number, title: ref.title },
		// An archived plan is read-only: the pages show why instead of their forms (the commands refuse anyway).
		readOnly: plan?.status === 'ARCHIVED' ? { archivedOn: plan.archivedOn } : null,
		savedMessage: savedMessage(event.url, t),
		failingFeeds: await failingFeeds(db, ref.id)
	};
};

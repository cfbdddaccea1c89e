import type { PageServerLoad } from './$types';
import { canViewDrafts } from '$lib/server/policies';
import { listDrafts } from '$lib/server/domain/measures/progress-updates';
import { editGuard } from '$lib/server/forms/editing';

// Read-only: every internal reader (AMDAC, council, any team) sees the drafts; writing them is on
// the editing pages.
export const load: PageServerLoad = async (event) => {
	const { db, user, ref } = await editGuard(event, (viewer) => canViewDrafts(viewer));
	return {
		header: { plan: ref.plan, number: ref.number, title: ref.title },
		drafts: await listDrafts(db, user, ref.id)
	};
};

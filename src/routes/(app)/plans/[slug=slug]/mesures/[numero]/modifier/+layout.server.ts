import type { LayoutServerLoad } from './$types';
import { editGuard, savedMessage } from '$lib/server/forms/editing';

// Guards here too for the header data; every page load and action still guards itself, because a
// layout load does not rerun on every request.
export const load: LayoutServerLoad = async (event) => {
	const { ref, t } = await editGuard(event);
	return {
		header: { plan: ref.plan, number: ref.number, title: ref.title },
		savedMessage: savedMessage(event.url, t)
	};
};

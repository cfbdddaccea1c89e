import type { LayoutServerLoad } from './$types';

// The plan's life cycle, read by the plan-access hook (http/plan-access.ts), for the banner. Not a
// guard: the hook and requestDb keep drafts from anonymous visitors on every request.
export const load: LayoutServerLoad = ({ locals, params }) => ({
	lifecycle: locals.plan?.slug === params.slug ? locals.plan : null
});

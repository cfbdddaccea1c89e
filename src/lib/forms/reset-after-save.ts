import type { SubmitFunction } from '@sveltejs/kit';
import { invalidateAll } from '$app/navigation';

/**
 * `use:enhance` for a form that creates something (a milestone, a comment…): shown again as first
 * loaded once the server has accepted it, so that a second click does not post a duplicate. SvelteKit
 * resets a form on `success` only, and our actions answer a save with a redirect (POST/redirect/GET)
 * to the same page, whose re-render leaves what was typed in the fields. `HTMLFormElement.reset()`
 * is no help: Svelte drops the `value` attributes after hydration, so it would empty the fields that
 * have a default too (a weight of 1, today's date). The component re-creates the form instead
 * (`renew`, a `{#key}` block) from the values it was loaded with. Without JavaScript the redirect
 * loads a fresh page already.
 *
 * Posted twice (409: its one-time token was used), it is renewed too, and the page's data reloaded
 * for a new token: what comes next is another entry.
 */
export function resetAfterSave(renew: () => void): SubmitFunction {
	return () => {
		return async ({ result, update }) => {
			await update();
			if (result.type === 'redirect' || result.type === 'success') renew();
			if (result.type === 'failure' && result.status === 409) {
				await invalidateAll();
				renew();
			}
		};
	};
}

import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for a form that creates something (a milestone, a comment…): empty again once the
 * server has accepted it, so that a second click does not post a duplicate. SvelteKit resets a form
 * on `success` only, and our actions answer a save with a redirect (POST/redirect/GET) to the same
 * page, whose re-render leaves what was typed in the fields. Without JavaScript the redirect loads a
 * fresh page, empty already.
 */
export const resetAfterSave: SubmitFunction = () => {
	return async ({ result, update, formElement }) => {
		await update();
		if (result.type === 'redirect' || result.type === 'success') formElement.reset();
	};
};

import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canFollow } from '$lib/server/policies';
import { listNotifications, markAllRead } from '$lib/server/domain/notifications/notifications';
import { markAllReadForm } from '$lib/server/validation/comments';
import { parseForm } from '$lib/server/forms/form';
import { ForbiddenError } from '$lib/server/domain/errors';
import { messages } from '$lib/i18n';

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
	const user = requireAllowed(canFollow);
	setHeaders({ 'Cache-Control': 'private, no-store' });
	const notifications = await listNotifications(await requestDb(), user);
	const saved = url.searchParams.get('ok') === 'allRead' ? messages(locals.locale).comments.saved.allRead : null;
	return { notifications, saved };
};

export const actions: Actions = {
	markAllRead: async ({ request, locals, url }) => {
		const user = requireAllowed(canFollow);
		const parsed = parseForm(markAllReadForm, await request.formData(), locals.locale);
		if (!parsed.ok) return fail(400, { formError: parsed.formError });
		try {
			await markAllRead(await requestDb(), user);
		} catch (cause) {
			if (cause instanceof ForbiddenError) error(403, messages(locals.locale).comments.errors.forbidden);
			throw cause;
		}
		redirect(303, `${url.pathname}?ok=allRead`);
	}
};

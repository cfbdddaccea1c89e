import type { Actions, PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canViewInternal } from '$lib/server/policies';
import { listRounds } from '$lib/server/domain/reports/view';
import { createRound, setCouncilQuorum } from '$lib/server/domain/reports/rounds';
import { createRoundForm, quorumForm, roundValues } from '$lib/server/validation/reports';
import { reportAction, savedMessage } from '$lib/server/forms/reports';
import { reportParams } from '$lib/server/forms/report-params';
import { messages } from '$lib/i18n';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = async (event) => {
	const user = requireAllowed(canViewInternal, event);
	const { slug } = reportParams(event.params, event.locals.locale);
	const list = await listRounds(await requestDb(), user, slug);
	if (!list) notFound(event.locals.locale);
	return {
		...list,
		newRound: roundValues({ title: '', periodStart: '', periodEnd: '', sections: { utiliser: '', publier: '', accompagner: '', attractivite: '', vieInterne: '' } }),
		savedMessage: savedMessage(event.url, messages(event.locals.locale))
	};
};

export const actions: Actions = {
	createRound: (event) => {
		const { slug } = reportParams(event.params, event.locals.locale);
		return reportAction(event, {
			formId: 'createRound',
			schema: createRoundForm,
			run: (db, user, data) => createRound(db, user, { ...data, planSlug: slug }),
			done: (created) => `/plans/${slug}/rapports/travail/${created.id}?ok=created`
		});
	},
	quorum: (event) => {
		const { slug } = reportParams(event.params, event.locals.locale);
		return reportAction(event, {
			formId: 'quorum',
			schema: quorumForm,
			run: (db, user, data) => setCouncilQuorum(db, user, { ...data, planSlug: slug }),
			stored: (current: { version: number; quorum: number | null }) => ({ version: String(current.version), quorum: current.quorum === null ? '' : String(current.quorum) }),
			done: (r) => [r.changed ? 'quorum' : 'unchanged', 'quorum']
		});
	}
};

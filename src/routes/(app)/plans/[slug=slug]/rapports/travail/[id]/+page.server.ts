import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requestDb } from '$lib/server/db/request';
import { requireAllowed } from '$lib/server/auth/guards';
import { canViewInternal } from '$lib/server/policies';
import { getRound } from '$lib/server/domain/reports/view';
import { publishRound, roundCurrent, submitRound, updateRound } from '$lib/server/domain/reports/rounds';
import { castVote, createOpinion, decidePublication, gradesCurrent, opinionCurrent, respondToOpinion, saveGrades, updateOpinion } from '$lib/server/domain/reports/opinions';
import {
	createOpinionForm,
	decideForm,
	gradesForm,
	gradeValues,
	respondForm,
	roundValues,
	roundVersionForm,
	updateOpinionForm,
	updateRoundForm,
	voteForm
} from '$lib/server/validation/reports';
import { reportAction, savedMessage } from '$lib/server/forms/reports';
import { reportParams } from '$lib/server/forms/report-params';
import { loadReportThread, reportThreadContext } from '$lib/server/forms/report-thread';
import { commentActions } from '$lib/server/forms/comment-thread';
import { todayIso } from '$lib/domain/dates';
import { messages } from '$lib/i18n';
import { notFound } from '$lib/server/http/not-found';
import { formText } from '$lib/server/forms/form';

export const load: PageServerLoad = async (event) => {
	const user = requireAllowed(canViewInternal, event);
	const { slug, id } = reportParams(event.params, event.locals.locale);
	const db = await requestDb();
	const view = await getRound(db, user, slug, id);
	if (!view) notFound(event.locals.locale);
	return {
		view,
		comments: await loadReportThread(db, user, view.round.id, event.url, event.locals.locale),
		roundForm: roundValues(view.round),
		gradesForm: gradeValues(
			view.round.gradesVersion,
			view.entries.map((e) => e.measureId),
			view.grades
		),
		newOpinion: { title: '', text: '', date: todayIso() },
		savedMessage: savedMessage(event.url, messages(event.locals.locale))
	};
};

/** The round id from the URL (validated), checked again by every domain function. */
const roundId = (event: RequestEvent) => reportParams(event.params, event.locals.locale).id;
const byOpinion = (verb: string) => (formData: FormData) => `${verb}:${formText(formData, 'opinionId')}`;
const anchor = (data: { opinionId: string }) => `avis-${data.opinionId}`;
/** What is stored now of an opinion, for the three-way merge and the conflict table of its forms. */
const opinionStored =
	<K extends 'title' | 'text' | 'date' | 'response' | 'publish'>(...fields: K[]) =>
	(current: ReturnType<typeof opinionCurrent>) => ({ version: String(current.version), ...Object.fromEntries(fields.map((f) => [f, current[f]])) });

export const actions: Actions = {
	...commentActions(reportThreadContext),
	updateRound: (event) =>
		reportAction(event, {
			formId: 'updateRound',
			schema: updateRoundForm,
			run: (db, user, data) => updateRound(db, user, { ...data, roundId: roundId(event) }),
			stored: (current: ReturnType<typeof roundCurrent>) => roundValues(current),
			done: (r) => [r.changed ? 'saved' : 'unchanged']
		}),
	submitRound: (event) =>
		reportAction(event, {
			formId: 'submitRound',
			schema: roundVersionForm,
			run: (db, user, data) => submitRound(db, user, { ...data, roundId: roundId(event) }),
			done: () => ['submitted']
		}),
	publishRound: (event) =>
		reportAction(event, {
			formId: 'publishRound',
			schema: roundVersionForm,
			run: (db, user, data) => publishRound(db, user, { ...data, roundId: roundId(event) }),
			done: () => ['published']
		}),
	createOpinion: (event) =>
		reportAction(event, {
			formId: 'createOpinion',
			schema: createOpinionForm,
			run: (db, user, data) => createOpinion(db, user, { ...data, roundId: roundId(event) }),
			done: (created) => ['opinionCreated', `avis-${created.id}`]
		}),
	updateOpinion: (event) =>
		reportAction(event, {
			formId: byOpinion('edit'),
			schema: updateOpinionForm,
			run: (db, user, data) => updateOpinion(db, user, data),
			stored: opinionStored('title', 'text', 'date'),
			done: (r, data) => [r.changed ? 'opinionSaved' : 'unchanged', anchor(data)]
		}),
	vote: (event) =>
		reportAction(event, {
			formId: byOpinion('vote'),
			schema: voteForm,
			run: (db, user, data) => castVote(db, user, data),
			done: (r, data) => [r.adopted ? 'adopted' : 'voted', anchor(data)]
		}),
	respond: (event) =>
		reportAction(event, {
			formId: byOpinion('respond'),
			schema: respondForm,
			run: (db, user, data) => respondToOpinion(db, user, data),
			stored: opinionStored('response'),
			done: (_r, data) => ['responded', anchor(data)]
		}),
	decide: (event) =>
		reportAction(event, {
			formId: byOpinion('decide'),
			schema: decideForm,
			run: (db, user, data) => decidePublication(db, user, data),
			stored: opinionStored('publish'),
			done: (_r, data) => ['decided', anchor(data)]
		}),
	grades: (event) =>
		reportAction(event, {
			formId: 'grades',
			schema: gradesForm,
			run: (db, user, data) => saveGrades(db, user, { ...data, roundId: roundId(event) }),
			stored: (current: Awaited<ReturnType<typeof gradesCurrent>>) => gradeValues(current.version, Object.keys(current.grades), current.grades),
			done: (r) => [r.changed > 0 ? 'graded' : 'unchanged', 'appreciations']
		})
};

// The authorization matrix: for every state-changing request of the route tree (form actions and
// non-GET handlers, see routes.ts), who may do it. Deny by default: a request that is not in this
// table fails tests/unit/authz-matrix-coverage.test.ts, and tests/e2e/authz-matrix.http.e2e.ts posts every
// row as every role to a real server (`node build` on PostgreSQL) and checks the answer and, on a
// deny, that the database is unchanged.
//
// Adding a route: add a row keyed exactly as the coverage test prints it, with `path` (a concrete
// URL), `payload` (a valid-looking form: a deny must not be explained by a bad payload) and one
// verdict per role. Targets: measure 2.1 of the seeded plan, led by the POLE_LL team — "teamEditor"
// is the POLE_LL editor, "otherEditor" the LABEL editor, "teamAmdac" an AMDAC member of the POLE_LL
// team (edits the team's measures, nothing more); "council" is the demo council account,
// an "écosystème" member to whom the setup also gives the secretariat flag.
//
// Roles run one after the other (anonymous, amdac, teamAmdac, council, otherEditor, teamEditor, admin) on the
// same database: an allowed write may move its target on (a round gets submitted, an opinion
// decided), so each such row has a target of its own, and a later allowed role may then get a 400
// (rule) or 409 (stale), which still means it went through authorization.

export const ROLES = ['anonymous', 'amdac', 'teamAmdac', 'council', 'otherEditor', 'teamEditor', 'admin'] as const;
export type MatrixRole = (typeof ROLES)[number];
type Verdict = 'allow' | 'deny';

/** What a row may read to build its URL and payload (ids of the target objects, current versions). */
export interface MatrixContext {
	planSlug: string;
	measureNumber: string;
	/** Current version of a row of `table` with this id (read just before posting); `column` when the
	 * form's version is another column than `version` (the grades form: ReportRound.gradesVersion). */
	version(table: string, id: string, column?: string): Promise<string>;
	ids: {
		measure: string;
		milestone: string;
		evidence: string;
		/** Another evidence link, that the first allowed removal deletes. */
		removableEvidence: string;
		indicator: string;
		/** A value of `indicator`, and a published update of the measure with one source (the link watch's replace rows). */
		indicatorValue: string;
		publishedUpdate: string;
		draft: string;
		/** An account that exists only for these tests (admin actions target it). */
		targetUser: string;
		leadOwner: string;
		plan: string;
		/** A plan of its own for the plans admin rows (settings, archive, reopen), empty and active at first. */
		lifecyclePlan: string;
		/** A COUNCIL account that exists only for these tests (the council flags row targets it). */
		councilTarget: string;
		/** Report rounds: a draft to edit, a draft to submit, the round under review (opinions, grades,
		 * comments of the working page), a submitted round to publish, a published round (public page). */
		draftRound: string;
		submittableRound: string;
		submittedRound: string;
		publishableRound: string;
		publishedRound: string;
		/** Opinions on `submittedRound`: a draft without votes, a draft to vote on, two adopted ones. */
		draftOpinion: string;
		votableOpinion: string;
		respondableOpinion: string;
		decidableOpinion: string;
		/** Comments, made in the setup: on the measure (by teamEditor), on `submittedRound` and on
		 * `publishedRound` (by council). Only their author may edit them. */
		measureComment: string;
		reportComment: string;
		publishedReportComment: string;
	};
}

export interface MatrixRow {
	path: (ctx: MatrixContext) => string;
	payload: (ctx: MatrixContext) => Promise<Record<string, string>> | Record<string, string>;
	expect: Record<MatrixRole, Verdict>;
	/** Allowed outcomes other than success, 400 and 409 (e.g. 404 for a catch-all that refuses everything). */
	denyStatuses?: number[];
	/** The request ends the session that made it: sign in again afterwards. */
	endsSession?: boolean;
}

const everyone: Record<MatrixRole, Verdict> = {
	anonymous: 'allow',
	amdac: 'allow',
	teamAmdac: 'allow',
	council: 'allow',
	otherEditor: 'allow',
	teamEditor: 'allow',
	admin: 'allow'
};
const signedIn: Record<MatrixRole, Verdict> = { ...everyone, anonymous: 'deny' };
const adminOnly: Record<MatrixRole, Verdict> = { anonymous: 'deny', amdac: 'deny', teamAmdac: 'deny', council: 'deny', otherEditor: 'deny', teamEditor: 'deny', admin: 'allow' };
/** The measure's teams (an editor, or an AMDAC member of the team) and admins (policies.canEditMeasure). */
const measureEditors: Record<MatrixRole, Verdict> = { ...adminOnly, teamAmdac: 'allow', teamEditor: 'allow' };
const nobody: Record<MatrixRole, Verdict> = { ...adminOnly, admin: 'deny' };
/** Staff: admins, and editors of an owner team (policies.canCreateReportRound, canEditReportRound). */
const staff: Record<MatrixRole, Verdict> = { ...adminOnly, otherEditor: 'allow', teamEditor: 'allow' };
/** Council members only (opinions, votes, grades). */
const councilOnly: Record<MatrixRole, Verdict> = { ...nobody, council: 'allow' };
const teamEditorOnly: Record<MatrixRole, Verdict> = { ...nobody, teamEditor: 'allow' };

const measurePath = (suffix: string) => (ctx: MatrixContext) => `/plans/${ctx.planSlug}/mesures/${ctx.measureNumber}/modifier${suffix}`;
const structurePath = (action: string) => (ctx: MatrixContext) => `/admin/plans/${ctx.planSlug}/structure?/${action}`;
const userPath = (action: string) => (ctx: MatrixContext) => `/admin/utilisateurs/${ctx.ids.targetUser}?/${action}`;
const unique = () => `authz ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const milestone = async (ctx: MatrixContext) => ({ milestoneId: ctx.ids.milestone, version: await ctx.version('Milestone', ctx.ids.milestone) });
const evidence = async (ctx: MatrixContext, which: 'evidence' | 'removableEvidence' = 'evidence') => ({
	evidenceId: ctx.ids[which],
	version: await ctx.version('EvidenceLink', ctx.ids[which])
});
const feedFields = () => ({
	url: `https://example.org/${unique().replace(/\W+/g, '-')}.csv`,
	format: 'CSV',
	valuePath: 'valeur',
	filterColumn: '',
	filterValue: '',
	datePath: '',
	schedule: 'WEEKLY'
});
/** The one source of the published update the setup creates for the replaceUpdateSourceUrl row. */
export const AUTHZ_UPDATE_SOURCE = 'https://example.org/source-droits';
const draft = async (ctx: MatrixContext) => ({ updateId: ctx.ids.draft, version: await ctx.version('ProgressUpdate', ctx.ids.draft) });
const evidenceFields = () => ({ title: unique(), url: 'https://example.org/preuve', kind: 'WEBSITE', date: '2024-01-15', milestoneId: '' });
const roundFields = () => ({
	title: unique(),
	periodStart: '2024-01-01',
	periodEnd: '2024-06-30',
	utiliser: 'Utiliser',
	publier: 'Publier',
	accompagner: '',
	attractivite: '',
	vieInterne: ''
});
type RoundKey = 'draftRound' | 'submittableRound' | 'submittedRound' | 'publishableRound';
const roundPath = (which: RoundKey, action: string) => (ctx: MatrixContext) => `/plans/${ctx.planSlug}/rapports/travail/${ctx.ids[which]}?/${action}`;
const roundVersion = (which: RoundKey) => async (ctx: MatrixContext) => ({ version: await ctx.version('ReportRound', ctx.ids[which]) });
type OpinionKey = 'draftOpinion' | 'votableOpinion' | 'respondableOpinion' | 'decidableOpinion';
const opinion = async (ctx: MatrixContext, which: OpinionKey) => ({ opinionId: ctx.ids[which], version: await ctx.version('Opinion', ctx.ids[which]) });

/**
 * The comment thread's actions (comments/thread.ts), on one page. `author` may edit the page's
 * comment; following exists only where the page has a measure (elsewhere a 404 for everyone).
 */
function commentRows(
	route: string,
	page: (ctx: MatrixContext) => string,
	thread: { target: string; visibility: string; comment: 'measureComment' | 'reportComment' | 'publishedReportComment'; author: Record<MatrixRole, Verdict>; follows: boolean }
): Record<string, MatrixRow> {
	const at = (action: string) => (ctx: MatrixContext) => `${page(ctx)}?/${action}`;
	const comment = async (ctx: MatrixContext) => ({ commentId: ctx.ids[thread.comment], version: await ctx.version('Comment', ctx.ids[thread.comment]) });
	return {
		// Every signed-in role may post (at most 5 comments in 10 minutes: a 429 also went through).
		[`POST ${route}?/postComment`]: {
			path: at('postComment'),
			payload: () => ({ target: thread.target, parentId: '', visibility: thread.visibility, body: `Commentaire ${unique()}` }),
			expect: signedIn
		},
		[`POST ${route}?/editComment`]: {
			path: at('editComment'),
			payload: async (ctx) => ({ ...(await comment(ctx)), body: `Corrigé ${unique()}` }),
			expect: thread.author
		},
		// The admin hides the comment, then restores it (a second hide or restore is a 400).
		[`POST ${route}?/hideComment`]: { path: at('hideComment'), payload: async (ctx) => ({ ...(await comment(ctx)), reason: 'Hors sujet' }), expect: adminOnly },
		[`POST ${route}?/restoreComment`]: { path: at('restoreComment'), payload: comment, expect: adminOnly },
		[`POST ${route}?/setFollow`]: thread.follows
			? { path: at('setFollow'), payload: () => ({ follow: 'true' }), expect: signedIn }
			: { path: at('setFollow'), payload: () => ({ follow: 'true' }), expect: nobody, denyStatuses: [404] }
	};
}

const STRONG = 'Un mot de passe assez long pour passer 2024';

/** The plan the plans admin rows edit (made by the matrix's setup). */
export const LIFECYCLE_PLAN_SLUG = 'plan-droits-cycle';
const planFields = () => ({
	title: 'Plan du test de droits',
	titleEn: '',
	summary: `Résumé ${unique()}`,
	summaryEn: '',
	adoptedOn: '',
	sourceUrls: '',
	contentLicence: 'Licence Ouverte / Open Licence 2.0',
	contentLicenceUrl: ''
});

export const AUTHZ_MATRIX: Record<string, MatrixRow> = {
	// Catch-all of the JSON API: read-only, every other method is a 404 for everyone.
	'ANY /api/[...rest]': { path: () => '/api/v1/nothing-here', payload: () => ({ x: '1' }), expect: nobody, denyStatuses: [404, 405] },

	'POST /(app)/admin/utilisateurs/[id]?/update': {
		path: userPath('update'),
		payload: () => ({ displayName: unique(), organisation: 'Tests', roles: 'AMDAC' }),
		expect: adminOnly
	},
	// CSV import: a url-encoded post without a file is a 400 for the admin; an unknown pending import a 404.
	'POST /(app)/admin/plans/import?/upload': { path: () => '/admin/plans/import?/upload', payload: () => ({ target: 'new', title: 'Essai', slug: 'essai-csv' }), expect: adminOnly },
	'POST /(app)/admin/plans/import/[id]?/remap': { path: () => '/admin/plans/import/inconnu?/remap', payload: () => ({ titre: 'Titre' }), expect: adminOnly, denyStatuses: [404] },
	'POST /(app)/admin/plans/import/[id]?/confirm': {
		path: () => '/admin/plans/import/inconnu?/confirm',
		payload: () => ({ createOwners: 'on' }),
		expect: adminOnly,
		denyStatuses: [404]
	},
	'POST /(app)/admin/utilisateurs/[id]?/disable': { path: userPath('disable'), payload: () => ({}), expect: adminOnly },
	'POST /(app)/admin/utilisateurs/[id]?/enable': { path: userPath('enable'), payload: () => ({}), expect: adminOnly },
	'POST /(app)/admin/utilisateurs/[id]?/sendReset': { path: userPath('sendReset'), payload: () => ({}), expect: adminOnly },
	// Teams (domain/teams): admins create and edit them. The edit keeps the team carrying measure 2.1 as it is but its description.
	'POST /(app)/admin/equipes/nouvelle?/create': {
		path: () => '/admin/equipes/nouvelle?/create',
		payload: () => ({
			code: `MIN_${Date.now().toString(36).toUpperCase()}_${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
			name: `Ministère ${unique()}`,
			nameEn: '',
			kind: 'MINISTRY',
			website: '',
			description: ''
		}),
		expect: adminOnly
	},
	'POST /(app)/admin/equipes/[id=id]?/save': {
		path: (ctx) => `/admin/equipes/${ctx.ids.leadOwner}?/save`,
		payload: async (ctx) => ({
			version: await ctx.version('Owner', ctx.ids.leadOwner),
			code: 'POLE_LL',
			name: 'Pôle d’expertise logiciels libres (Etalab, DINUM)',
			nameEn: '',
			kind: 'DINUM_TEAM',
			website: '',
			description: `Description ${unique()}`
		}),
		expect: adminOnly
	},
	// Plans (domain/plans/settings): admins create them, edit their settings, archive and reopen them,
	// in this order on a plan of their own (the admin archives it, then reopens it).
	'POST /(app)/admin/plans/nouveau?/create': {
		path: () => '/admin/plans/nouveau?/create',
		payload: () => ({ ...planFields(), slug: `plan-droits-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`, status: 'DRAFT' }),
		expect: adminOnly
	},
	'POST /(app)/admin/plans/[slug=slug]?/save': {
		path: () => `/admin/plans/${LIFECYCLE_PLAN_SLUG}?/save`,
		payload: async (ctx) => ({ ...planFields(), version: await ctx.version('Plan', ctx.ids.lifecyclePlan), status: 'ACTIVE' }),
		expect: adminOnly
	},
	'POST /(app)/admin/plans/[slug=slug]?/archive': {
		path: () => `/admin/plans/${LIFECYCLE_PLAN_SLUG}?/archive`,
		payload: async (ctx) => ({ version: await ctx.version('Plan', ctx.ids.lifecyclePlan), archivedOn: new Date().toISOString().slice(0, 10), note: '', noteEn: '', successor: '' }),
		expect: adminOnly
	},
	'POST /(app)/admin/plans/[slug=slug]?/reopen': {
		path: () => `/admin/plans/${LIFECYCLE_PLAN_SLUG}?/reopen`,
		payload: async (ctx) => ({ version: await ctx.version('Plan', ctx.ids.lifecyclePlan) }),
		expect: adminOnly
	},
	'POST /(app)/admin/utilisateurs/[id]?/councilFlags': {
		path: (ctx) => `/admin/utilisateurs/${ctx.ids.councilTarget}?/councilFlags`,
		payload: () => ({ councilSecretariat: 'on' }),
		expect: adminOnly
	},
	'POST /(app)/admin/utilisateurs/inviter?/invite': {
		path: () => '/admin/utilisateurs/inviter?/invite',
		payload: () => ({ email: `authz-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@jalons.example`, displayName: 'Invité', organisation: '', roles: 'COUNCIL' }),
		expect: adminOnly
	},

	// Own account: any signed-in person. A wrong current password keeps the test's account usable.
	'POST /(app)/compte?/changePassword': {
		path: () => '/compte?/changePassword',
		payload: () => ({ currentPassword: 'not-the-password', newPassword: STRONG, passwordConfirmation: STRONG }),
		expect: signedIn
	},
	'POST /(app)/compte?/revokeSession': { path: () => '/compte?/revokeSession', payload: () => ({ sessionId: 'a'.repeat(64) }), expect: signedIn, denyStatuses: [404] },
	'POST /(app)/compte?/revokeOthers': { path: () => '/compte?/revokeOthers', payload: () => ({}), expect: signedIn },
	// An identity that is not the caller's: refused with a sentence, never someone else's unlinked.
	'POST /(app)/compte?/unlinkIdentity': { path: () => '/compte?/unlinkIdentity', payload: () => ({ identityId: 'not-mine' }), expect: signedIn },

	// Notifications: anyone who may follow a measure, i.e. every signed-in role.
	'POST /(app)/notifications?/markAllRead': { path: () => '/notifications?/markAllRead', payload: () => ({}), expect: signedIn },

	// Reporting rounds (domain/reports.ts): staff create and edit drafts and submit them; only admins
	// publish and set the council's quorum.
	'POST /(app)/plans/[slug=slug]/rapports/travail?/createRound': {
		path: (ctx) => `/plans/${ctx.planSlug}/rapports/travail?/createRound`,
		payload: roundFields,
		expect: staff
	},
	'POST /(app)/plans/[slug=slug]/rapports/travail?/quorum': {
		path: (ctx) => `/plans/${ctx.planSlug}/rapports/travail?/quorum`,
		// Two of the three "écosystème" members: the default, written explicitly.
		payload: async (ctx) => ({ version: await ctx.version('Plan', ctx.ids.plan), quorum: '2' }),
		expect: adminOnly
	},
	'POST /(app)/plans/[slug=slug]/rapports/travail/[id]?/updateRound': {
		path: roundPath('draftRound', 'updateRound'),
		payload: async (ctx) => ({ ...(await roundVersion('draftRound')(ctx)), ...roundFields() }),
		expect: staff
	},
	// The first allowed role submits the round; the later ones find it frozen (400).
	'POST /(app)/plans/[slug=slug]/rapports/travail/[id]?/submitRound': {
		path: roundPath('submittableRound', 'submitRound'),
		payload: roundVersion('submittableRound'),
		expect: staff
	},
	'POST /(app)/plans/[slug=slug]/rapports/travail/[id]?/publishRound': {
		path: roundPath('publishableRound', 'publishRound'),
		payload: roundVersion('publishableRound'),
		expect: adminOnly
	},

	// Council opinions (domain/opinions.ts), on the round under review: council members draft, edit
	// (before any vote), vote and grade; admins write DINUM's response; the secretariat decides.
	'POST /(app)/plans/[slug=slug]/rapports/travail/[id]?/createOpinion': {
		path: roundPath('submittedRound', 'createOpinion'),
		payload: () => ({ title: unique(), text: 'Avis du conseil', date: '2024-07-01' }),
		expect: councilOnly
	},
	'POST /(app)/plans/[slug=slug]/rapports/travail/[id]?/updateOpinion': {
		path: roundPath('submittedRound', 'updateOpinion'),
		payload: async (ctx) => ({ ...(await opinion(ctx, 'draftOpinion')), title: unique(), text: 'Avis revu', date: '2024-07-02' }),
		expect: councilOnly
	},
	// One vote of the three members: below the quorum, the opinion stays a draft.
	'POST /(app)/plans/[slug=slug]/rapports/travail/[id]?/vote': {
		path: roundPath('submittedRound', 'vote'),
		payload: (ctx) => ({ opinionId: ctx.ids.votableOpinion, choice: 'FOR' }),
		expect: councilOnly
	},
	'POST /(app)/plans/[slug=slug]/rapports/travail/[id]?/respond': {
		path: roundPath('submittedRound', 'respond'),
		payload: async (ctx) => ({ ...(await opinion(ctx, 'respondableOpinion')), response: `Réponse ${unique()}` }),
		expect: adminOnly
	},
	// Kept private, so that no opinion of the round is published (grades stay open).
	'POST /(app)/plans/[slug=slug]/rapports/travail/[id]?/decide': {
		path: roundPath('submittedRound', 'decide'),
		payload: async (ctx) => ({ ...(await opinion(ctx, 'decidableOpinion')), publish: 'false' }),
		expect: councilOnly
	},
	'POST /(app)/plans/[slug=slug]/rapports/travail/[id]?/grades': {
		path: roundPath('submittedRound', 'grades'),
		payload: async (ctx) => ({ version: await ctx.version('ReportRound', ctx.ids.submittedRound, 'gradesVersion'), [`grade-${ctx.ids.measure}`]: 'SUBSTANTIAL' }),
		expect: councilOnly
	},

	// Comment threads: the council's working page of a round under review, the public page of a
	// published round and the public measure page.
	...commentRows('/(app)/plans/[slug=slug]/rapports/travail/[id]', (ctx) => `/plans/${ctx.planSlug}/rapports/travail/${ctx.ids.submittedRound}`, {
		target: 'report',
		visibility: 'WORKING_GROUP',
		comment: 'reportComment',
		author: councilOnly,
		follows: false
	}),
	...commentRows('/(public)/plans/[slug=slug]/rapports/[id=id]', (ctx) => `/plans/${ctx.planSlug}/rapports/${ctx.ids.publishedRound}`, {
		target: 'report',
		visibility: 'PUBLIC',
		comment: 'publishedReportComment',
		author: councilOnly,
		follows: false
	}),
	...commentRows('/(public)/plans/[slug=slug]/mesures/[numero=numero]', (ctx) => `/plans/${ctx.planSlug}/mesures/${ctx.measureNumber}`, {
		target: 'measure',
		visibility: 'PUBLIC',
		comment: 'measureComment',
		author: teamEditorOnly,
		follows: true
	}),

	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier?/updateMeasure': {
		path: measurePath('?/updateMeasure'),
		payload: async (ctx) => ({
			version: await ctx.version('Measure', ctx.ids.measure),
			status: '',
			progressMethod: 'MILESTONES',
			progressManual: '',
			confidence: '',
			confidenceExplanation: '',
			plannedStart: '',
			plannedEnd: '',
			description: `Description ${unique()}`,
			subActions: '',
			reason: ''
		}),
		expect: measureEditors
	},
	// Plan structure (domain/plans/structure.ts): admins. Every row names an axis, a measure or a plan
	// that does not exist, so the admin gets a 404 past authorization and the real plan keeps its shape.
	'POST /(app)/admin/plans/[slug=slug]/structure?/addAxis': {
		path: () => '/admin/plans/plan-inconnu/structure?/addAxis',
		payload: () => ({ title: `Axe ${unique()}`, titleEn: '' }),
		expect: adminOnly,
		denyStatuses: [404]
	},
	'POST /(app)/admin/plans/[slug=slug]/structure?/renameAxis': {
		path: structurePath('renameAxis'),
		payload: () => ({ axisId: 'axe-inconnu', version: '1', title: `Axe ${unique()}`, titleEn: '' }),
		expect: adminOnly,
		denyStatuses: [404]
	},
	'POST /(app)/admin/plans/[slug=slug]/structure?/moveAxis': {
		path: structurePath('moveAxis'),
		payload: () => ({ axisId: 'axe-inconnu', direction: 'up', position: '2' }),
		expect: adminOnly,
		denyStatuses: [404]
	},
	'POST /(app)/admin/plans/[slug=slug]/structure?/addMeasure': {
		path: structurePath('addMeasure'),
		payload: (ctx) => ({ axisId: 'axe-inconnu', title: `Mesure ${unique()}`, titleEn: '', description: 'Essai', leadOwnerId: ctx.ids.leadOwner }),
		expect: adminOnly,
		denyStatuses: [404]
	},
	'POST /(app)/admin/plans/[slug=slug]/structure?/moveMeasure': {
		path: structurePath('moveMeasure'),
		payload: () => ({ measureId: 'mesure-inconnue', toAxisId: 'axe-inconnu', version: '1', newNumber: '3.9' }),
		expect: adminOnly,
		denyStatuses: [404]
	},
	'POST /(app)/admin/plans/[slug=slug]/structure?/retireMeasure': {
		path: structurePath('retireMeasure'),
		payload: () => ({ measureId: 'mesure-inconnue', version: '1', reason: `Retrait ${unique()}` }),
		expect: adminOnly,
		denyStatuses: [404]
	},
	'POST /(app)/admin/plans/[slug=slug]/structure?/reinstateMeasure': {
		path: structurePath('reinstateMeasure'),
		payload: () => ({ measureId: 'mesure-inconnue', version: '1' }),
		expect: adminOnly,
		denyStatuses: [404]
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier?/updateOwners': {
		path: measurePath('?/updateOwners'),
		payload: async (ctx) => ({ version: await ctx.version('Measure', ctx.ids.measure), leadOwnerId: ctx.ids.leadOwner }),
		expect: adminOnly
	},
	// Successions (domain/measures/successions.ts) are the plans' business: admins. The removal names a
	// succession that does not exist, so the admin gets a 404 past authorization.
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier?/addSuccession': {
		path: measurePath('?/addSuccession'),
		payload: () => ({ kind: 'ABANDONED', successorId: '', reason: `Abandon ${unique()}` }),
		expect: adminOnly
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier?/removeSuccession': {
		path: measurePath('?/removeSuccession'),
		payload: () => ({ successionId: 'aucune-suite' }),
		expect: adminOnly,
		denyStatuses: [404]
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/indicateurs?/addIndicatorValue': {
		path: measurePath('/indicateurs?/addIndicatorValue'),
		payload: (ctx) => ({ indicatorId: ctx.ids.indicator, date: '2024-03-01', value: '12', qualifier: '', sourceUrl: 'https://example.org/source', note: unique() }),
		expect: measureEditors
	},
	// The setup gives the indicator a feed ('authz-feed'): setting up another one is a conflict (409)
	// for those allowed; once one of them has stopped it, the later edits find nothing (404).
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/indicateurs?/replaceValueSourceUrl': {
		path: measurePath('/indicateurs?/replaceValueSourceUrl'),
		payload: async (ctx) => ({
			valueId: ctx.ids.indicatorValue,
			version: await ctx.version('IndicatorValue', ctx.ids.indicatorValue),
			url: `https://www.example.org/source-${unique().replace(/\W+/g, '-')}`
		}),
		expect: measureEditors
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/indicateurs?/addIndicatorFeed': {
		path: measurePath('/indicateurs?/addIndicatorFeed'),
		payload: (ctx) => ({ indicatorId: ctx.ids.indicator, ...feedFields() }),
		expect: measureEditors
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/indicateurs?/updateIndicatorFeed': {
		path: measurePath('/indicateurs?/updateIndicatorFeed'),
		payload: async (ctx) => ({ indicatorId: ctx.ids.indicator, version: await ctx.version('IndicatorFeed', 'authz-feed'), ...feedFields() }),
		expect: measureEditors,
		denyStatuses: [404]
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/indicateurs?/removeIndicatorFeed': {
		path: measurePath('/indicateurs?/removeIndicatorFeed'),
		payload: async (ctx) => ({ indicatorId: ctx.ids.indicator, version: await ctx.version('IndicatorFeed', 'authz-feed') }),
		expect: measureEditors,
		denyStatuses: [404]
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/jalons?/addMilestone': {
		path: measurePath('/jalons?/addMilestone'),
		payload: () => ({ title: unique(), description: '', weight: '1', planned: '2025' }),
		expect: measureEditors
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/jalons?/updateMilestone': {
		path: measurePath('/jalons?/updateMilestone'),
		payload: async (ctx) => ({ ...(await milestone(ctx)), title: unique(), description: '', weight: '2' }),
		expect: measureEditors
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/jalons?/moveMilestone': {
		path: measurePath('/jalons?/moveMilestone'),
		payload: async (ctx) => ({ ...(await milestone(ctx)), direction: 'down' }),
		expect: measureEditors
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/jalons?/completeMilestone': {
		path: measurePath('/jalons?/completeMilestone'),
		payload: async (ctx) => ({ ...(await milestone(ctx)), doneOn: '2024-02-01' }),
		expect: measureEditors
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/jalons?/reopenMilestone': {
		path: measurePath('/jalons?/reopenMilestone'),
		payload: milestone,
		expect: measureEditors
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/jalons?/replanMilestone': {
		path: measurePath('/jalons?/replanMilestone'),
		payload: async (ctx) => ({ ...(await milestone(ctx)), planned: 'T4 2026', reason: unique() }),
		expect: measureEditors
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/mises-a-jour?/saveUpdateDraft': {
		path: measurePath('/mises-a-jour?/saveUpdateDraft'),
		payload: () => ({ updateId: '', version: '', date: '2024-05-02', text: unique(), blockers: '', nextSteps: '', sourceUrls: '' }),
		expect: measureEditors
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/mises-a-jour?/publishUpdate': {
		path: measurePath('/mises-a-jour?/publishUpdate'),
		payload: draft,
		expect: measureEditors,
		// The first allowed publish publishes the draft; later ones find no draft any more.
		denyStatuses: [404]
	},
	// The first allowed replacement changes the source; later ones name a source the update no longer has (404).
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/mises-a-jour?/replaceUpdateSourceUrl': {
		path: measurePath('/mises-a-jour?/replaceUpdateSourceUrl'),
		payload: async (ctx) => ({
			updateId: ctx.ids.publishedUpdate,
			version: await ctx.version('ProgressUpdate', ctx.ids.publishedUpdate),
			oldUrl: AUTHZ_UPDATE_SOURCE,
			url: `https://www.example.org/source-${unique().replace(/\W+/g, '-')}`
		}),
		expect: measureEditors,
		denyStatuses: [404]
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/mises-a-jour?/removeUpdateDraft': {
		path: measurePath('/mises-a-jour?/removeUpdateDraft'),
		payload: draft,
		expect: measureEditors,
		denyStatuses: [404]
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/preuves?/addEvidence': { path: measurePath('/preuves?/addEvidence'), payload: evidenceFields, expect: measureEditors },
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/preuves?/updateEvidence': {
		path: measurePath('/preuves?/updateEvidence'),
		payload: async (ctx) => ({ ...(await evidence(ctx)), ...evidenceFields() }),
		expect: measureEditors
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/preuves?/replaceEvidenceUrl': {
		path: measurePath('/preuves?/replaceEvidenceUrl'),
		payload: async (ctx) => ({ ...(await evidence(ctx)), url: `https://www.example.org/nouvelle-${Date.now().toString(36)}` }),
		expect: measureEditors
	},
	'POST /(app)/plans/[slug=slug]/mesures/[numero]/modifier/preuves?/removeEvidence': {
		path: measurePath('/preuves?/removeEvidence'),
		payload: (ctx) => evidence(ctx, 'removableEvidence'),
		expect: measureEditors,
		denyStatuses: [404]
	},

	// Authentication pages: open to everyone by design (a wrong password or an unknown token is a 400).
	// Without ProConnect settings (the matrix's server) a sentence says it is unavailable, to anyone.
	'POST /(auth)/connexion?/proconnect': { path: () => '/connexion?/proconnect', payload: () => ({}), expect: everyone },
	'POST /(auth)/connexion?/login': { path: () => '/connexion?/login', payload: () => ({ email: 'nobody@jalons.example', password: 'wrong password' }), expect: everyone },
	'POST /(auth)/deconnexion?/logout': { path: () => '/deconnexion?/logout', payload: () => ({}), expect: everyone, endsSession: true },
	'POST /(auth)/invitation/[token]?/setPassword': {
		path: () => `/invitation/${'x'.repeat(43)}?/setPassword`,
		payload: () => ({ password: STRONG, passwordConfirmation: STRONG }),
		expect: everyone
	},
	'POST /(auth)/mot-de-passe-oublie?/requestReset': { path: () => '/mot-de-passe-oublie?/requestReset', payload: () => ({ email: 'nobody@jalons.example' }), expect: everyone },
	'POST /(auth)/reinitialisation/[token]?/setPassword': {
		path: () => `/reinitialisation/${'x'.repeat(43)}?/setPassword`,
		payload: () => ({ password: STRONG, passwordConfirmation: STRONG }),
		expect: everyone
	}
};

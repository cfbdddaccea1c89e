// An archived plan is read-only for everyone (issue 11): every command that edits the plan or one of
// its measures refuses with the archive date and writes nothing, even for an admin; successions and
// comments stay open; reopening makes it editable again.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { evidenceLink, milestone, progressUpdate, round, smallPlan, user } from '../factories';
import { archivePlan, getPlanSettings, reopenPlan, updatePlanSettings } from '../../src/lib/server/domain/plans/settings';
import { updateMeasure } from '../../src/lib/server/domain/measures/edit';
import { updateMeasureOwners } from '../../src/lib/server/domain/measures/owners';
import { addMilestone, moveMilestone, replanMilestone, setMilestoneDone, updateMilestone } from '../../src/lib/server/domain/measures/milestones';
import { addEvidence, removeEvidence, updateEvidence } from '../../src/lib/server/domain/measures/evidence';
import { addIndicatorValue } from '../../src/lib/server/domain/measures/indicator-values';
import { publishUpdate, removeUpdateDraft, saveUpdateDraft } from '../../src/lib/server/domain/measures/progress-updates';
import { createRound, publishRound, setCouncilQuorum, submitRound, updateRound } from '../../src/lib/server/domain/reports/rounds';
import { createOpinion, saveGrades } from '../../src/lib/server/domain/reports/opinions';
import { getRound, listRounds } from '../../src/lib/server/domain/reports/view';
import { importCsv } from '../../src/lib/server/domain/plans/csv-import';
import { startCsvImport } from '../../src/lib/server/domain/plans/csv-import-pending';
import { addSuccession } from '../../src/lib/server/domain/measures/successions';
import { postComment } from '../../src/lib/server/domain/comments/comments';
import { ArchivedPlanError } from '../../src/lib/server/domain/plans/writable';
import { RuleError } from '../../src/lib/server/domain/errors';
import { ruleFeedback } from '../../src/lib/server/forms/form';
import { messages } from '../../src/lib/i18n';
import { auditActor } from '../../src/lib/server/audit';
import type { Actor } from '../../src/lib/server/policies';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let admin: Actor;
let slug: string;
let measureId: string;
let ids: { milestone: string; evidence: string; draft: string; indicator: string; draftRound: string; submittedRound: string; publishableRound: string };

const ARCHIVED_ON = '2026-02-15';
const sections = { utiliser: '', publier: '', accompagner: '', attractivite: '', vieInterne: '' };
const version = async (table: 'milestone' | 'evidenceLink' | 'progressUpdate' | 'reportRound', id: string) =>
	(await (db[table] as unknown as { findUniqueOrThrow(a: unknown): Promise<{ version: number }> }).findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	const arranged = await smallPlan(db, { axes: 1, measures: 1, plan: { slug: 'plan-a-archiver' } });
	slug = arranged.plan.slug;
	measureId = arranged.measures[0]!.id;
	const row = await user(db, { roles: ['ADMIN'] });
	admin = { id: row.id, displayName: row.displayName, roles: ['ADMIN'], teamIds: [] };
	const indicator = await db.indicator.create({ data: { measureId, name: 'Projets', unit: 'projets', baseline: 0, position: 1 } });
	ids = {
		milestone: (await milestone(db, measureId)).id,
		evidence: (await evidenceLink(db, measureId)).id,
		draft: (await progressUpdate(db, measureId)).id,
		indicator: indicator.id,
		draftRound: (await round(db, arranged.plan.id)).id,
		submittedRound: (await round(db, arranged.plan.id, { status: 'SUBMITTED', submittedAt: new Date() })).id,
		publishableRound: (await round(db, arranged.plan.id, { status: 'SUBMITTED', submittedAt: new Date() })).id
	};
	const settings = await getPlanSettings(db, admin, slug);
	await archivePlan(db, admin, { slug, version: settings.version, archivedOn: ARCHIVED_ON, note: null, noteEn: null, successor: null });
});
afterAll(async () => {
	await database?.close();
});

const m = () => measureId;
const EDITS: [string, () => Promise<unknown>][] = [
	['measure fields', () => updateMeasure(db, admin, { measureId: m(), version: 1, reason: null, title: 'Nouveau titre' } as never)],
	[
		'owners',
		async () =>
			updateMeasureOwners(db, admin, {
				measureId: m(),
				version: 1,
				reason: null,
				leadOwnerId: (await db.measure.findUniqueOrThrow({ where: { id: m() } })).leadOwnerId,
				contributorOwnerIds: []
			} as never)
	],
	['add a milestone', () => addMilestone(db, admin, { measureId: m(), title: 'Jalon', titleEn: null, description: null, weight: 1, planned: null } as never)],
	[
		'edit a milestone',
		async () =>
			updateMilestone(db, admin, {
				measureId: m(),
				milestoneId: ids.milestone,
				version: await version('milestone', ids.milestone),
				title: 'Autre',
				description: null,
				weight: 2
			} as never)
	],
	['move a milestone', async () => moveMilestone(db, admin, { measureId: m(), milestoneId: ids.milestone, version: await version('milestone', ids.milestone), direction: 'down' })],
	[
		'mark a milestone done',
		async () => setMilestoneDone(db, admin, { measureId: m(), milestoneId: ids.milestone, version: await version('milestone', ids.milestone), doneOn: '2026-01-10' })
	],
	[
		're-plan a milestone',
		async () =>
			replanMilestone(db, admin, {
				measureId: m(),
				milestoneId: ids.milestone,
				version: await version('milestone', ids.milestone),
				planned: { start: '2027-01-01', precision: 'DAY' },
				reason: 'Retard'
			} as never)
	],
	['add evidence', () => addEvidence(db, admin, { measureId: m(), title: 'Preuve', url: 'https://example.org/p', kind: 'DOCUMENT', date: null, milestoneId: null } as never)],
	[
		'edit evidence',
		async () =>
			updateEvidence(db, admin, {
				measureId: m(),
				evidenceId: ids.evidence,
				version: await version('evidenceLink', ids.evidence),
				title: 'Autre',
				url: 'https://example.org/q',
				kind: 'DOCUMENT',
				date: null,
				milestoneId: null
			} as never)
	],
	['remove evidence', async () => removeEvidence(db, admin, { measureId: m(), evidenceId: ids.evidence, version: await version('evidenceLink', ids.evidence) } as never)],
	[
		'add an indicator value',
		() =>
			addIndicatorValue(db, admin, { measureId: m(), indicatorId: ids.indicator, value: 3, date: { start: '2026-01-01', precision: 'DAY' }, sourceUrl: null, note: null } as never)
	],
	[
		'write an update draft',
		() => saveUpdateDraft(db, admin, { measureId: m(), updateId: null, version: null, text: 'Point', date: { start: '2026-01-01', precision: 'DAY' }, sourceUrls: [] } as never)
	],
	[
		'edit an update draft',
		async () =>
			saveUpdateDraft(db, admin, {
				measureId: m(),
				updateId: ids.draft,
				version: await version('progressUpdate', ids.draft),
				text: 'Point',
				date: { start: '2026-01-01', precision: 'DAY' },
				sourceUrls: []
			} as never)
	],
	['publish an update', async () => publishUpdate(db, admin, { measureId: m(), updateId: ids.draft, version: await version('progressUpdate', ids.draft) } as never)],
	['remove an update draft', async () => removeUpdateDraft(db, admin, { measureId: m(), updateId: ids.draft, version: await version('progressUpdate', ids.draft) } as never)],
	['create a report round', () => createRound(db, admin, { planSlug: slug, title: 'Bilan', periodStart: '2026-01-01', periodEnd: '2026-03-31', sections })],
	[
		'edit a report round',
		async () =>
			updateRound(db, admin, {
				roundId: ids.draftRound,
				version: await version('reportRound', ids.draftRound),
				title: 'Bilan revu',
				periodStart: '2026-01-01',
				periodEnd: '2026-03-31',
				sections
			})
	],
	['submit a report round', async () => submitRound(db, admin, { roundId: ids.draftRound, version: await version('reportRound', ids.draftRound) })],
	['publish a report round', async () => publishRound(db, admin, { roundId: ids.publishableRound, version: await version('reportRound', ids.publishableRound) })],
	['draft a council opinion', () => createOpinion(db, admin, { roundId: ids.submittedRound, title: 'Avis', text: 'Texte', date: '2026-03-01' })],
	['grade measures', () => saveGrades(db, admin, { roundId: ids.submittedRound, version: 1, grades: { [m()]: 'DONE' } } as never)],
	['set the council quorum', async () => setCouncilQuorum(db, admin, { planSlug: slug, version: (await getPlanSettings(db, admin, slug)).version, quorum: 3 })],
	['plan settings', async () => updatePlanSettings(db, admin, { ...(await getPlanSettings(db, admin, slug)), status: 'ACTIVE', title: 'Autre titre', slug })]
];

describe('an archived plan', () => {
	it.each(EDITS)('refuses: %s, with the archive date, and writes nothing', async (_name, edit) => {
		const before = await db.auditEvent.count();
		const refusal = edit();
		await expect(refusal).rejects.toBeInstanceOf(ArchivedPlanError);
		await expect(refusal).rejects.toMatchObject({ messageKey: 'plans.errors.archived', params: { date: { day: ARCHIVED_ON } } });
		expect(await db.auditEvent.count()).toBe(before);
	});

	it('says so in the reader’s language', () => {
		const error = new ArchivedPlanError(ARCHIVED_ON);
		expect(ruleFeedback(messages('fr'), error, 'fr').formError).toBe('Ce plan est archivé depuis le 15 février 2026\u202f: il n’est plus modifiable.');
		expect(ruleFeedback(messages('en'), error, 'en').formError).toBe('This plan has been archived since 15 February 2026: it can no longer be changed.');
	});

	it('takes no CSV import: the preview says why, the upload is refused', async () => {
		const file = readFileSync(new URL('../fixtures/csv-import/corrige.csv', import.meta.url));
		const report = await importCsv(db, auditActor(admin), { target: { slug }, file, mapping: null, createOwners: true });
		expect(report.blockers).toContain('planArchived');
		expect(report.written).toBe(false);
		await expect(startCsvImport(db, admin, { fileName: 'plan.csv', bytes: file, target: { slug } })).rejects.toMatchObject(
			new RuleError('csvImport.blockers.planArchived', 'plan')
		);
	});

	it('offers no report form: its rounds and opinions say every action is closed, for an admin too', async () => {
		const list = (await listRounds(db, admin, slug))!;
		expect(list.canCreate).toBe(false);
		expect(list.quorum).toBeNull();
		// An adopted opinion awaiting the secretariat: one the admin could respond to or decide on.
		await db.opinion.create({ data: { roundId: ids.submittedRound, title: 'Avis', text: 'Texte', date: new Date('2026-01-20'), adoptedAt: new Date('2026-01-25') } });
		for (const id of [ids.draftRound, ids.submittedRound]) {
			const view = (await getRound(db, admin, slug, id))!;
			expect(Object.entries(view.can).filter(([name, allowed]) => name !== 'seeDecision' && allowed)).toEqual([]);
			for (const opinion of view.opinions) expect(Object.values(opinion.can)).not.toContain(true);
		}
		expect((await getRound(db, admin, slug, ids.submittedRound))!.opinions).not.toHaveLength(0);
	});

	it('still takes successions and comments', async () => {
		await expect(addSuccession(db, admin, { measureId: m(), kind: 'ABANDONED', successorId: null, reason: 'Plan terminé.' })).resolves.toHaveProperty('id');
		await expect(postComment(db, admin, { target: { type: 'MEASURE', measureId: m() }, visibility: 'PUBLIC', body: 'Une question sur le bilan.' })).resolves.toHaveProperty('id');
	});

	it('is editable again once reopened', async () => {
		await reopenPlan(db, admin, { slug, version: (await getPlanSettings(db, admin, slug)).version });
		const v = await version('milestone', ids.milestone);
		await expect(setMilestoneDone(db, admin, { measureId: m(), milestoneId: ids.milestone, version: v, doneOn: '2026-01-10' }, '2026-03-01')).resolves.toEqual({ changed: true });
	});
});

describe('the feeds of an archived plan', () => {
	it('stop at the end of the archive day: nothing dated later, and `updated` no later either', async () => {
		const { buildFeed } = await import('../../src/lib/server/feeds/plan-feed');
		const arranged = await smallPlan(db, { axes: 1, measures: 1, plan: { slug: 'plan-gele' } });
		const measure = arranged.measures[0]!;
		const update = (text: string, at: string) =>
			progressUpdate(db, measure.id, { text, date: new Date(at), publishedAt: new Date(at), sourceUrls: ['https://example.org/source'] });
		await update('Publié avant l’archivage', '2026-02-10T09:00:00Z');
		await update('Publié le jour même', '2026-02-15T18:00:00Z');
		await update('Publié après la date d’archivage', '2026-02-16T07:00:00Z');
		const status = (at: string, after: string) =>
			db.auditEvent.create({
				data: {
					at: new Date(at),
					actorLabel: 'test',
					action: 'update',
					entityType: 'Measure',
					entityId: measure.id,
					planId: arranged.plan.id,
					measureId: measure.id,
					before: { status: null },
					after: { status: after }
				}
			});
		await status('2026-02-12T10:00:00Z', 'IN_PROGRESS');
		await status('2026-03-01T10:00:00Z', 'DONE');
		const feed = async () => buildFeed(db, 'plan-gele', { kind: 'plan' }, 'https://jalons.test/flux/plan-gele.atom');
		const open = (await feed())!;
		expect(open).toContain('Publié après la date d’archivage');
		expect(open).toContain('<updated>2026-03-01T10:00:00Z</updated>');

		// Archived today, as of an earlier day (the record is often closed after the fact).
		await archivePlan(db, admin, { slug: 'plan-gele', version: 1, archivedOn: ARCHIVED_ON, note: null, noteEn: null, successor: null });
		const frozen = (await feed())!;
		expect(frozen).toContain('Publié avant l’archivage');
		expect(frozen).toContain('Publié le jour même');
		expect(frozen).not.toContain('Publié après la date d’archivage');
		expect(frozen).not.toContain('Réalisée');
		expect(frozen.match(/<updated>([^<]+)<\/updated>/)?.[1]).toBe('2026-02-15T18:00:00Z');
		const measureFeed = (await buildFeed(db, 'plan-gele', { kind: 'measure', number: measure.number }, 'https://jalons.test/x.atom'))!;
		expect(measureFeed).not.toContain('Publié après la date d’archivage');
	});
});

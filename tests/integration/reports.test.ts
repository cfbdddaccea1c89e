import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/database';
import { measureId, seededEditingDatabase, type Actors } from '../helpers/editing';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { createRound, publishRound, submitRound, updateRound } from '../../src/lib/server/domain/reports/rounds';
import { castVote, createOpinion, decidePublication, respondToOpinion, saveGrades, updateOpinion } from '../../src/lib/server/domain/reports/opinions';
import { getRound, listRounds } from '../../src/lib/server/domain/reports/view';
import { setMilestoneDone, addMilestone } from '../../src/lib/server/domain/measures/milestones';
import { ConflictError, ForbiddenError, RuleError } from '../../src/lib/server/domain/errors';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/policies';

let database: TestDatabase;
let db: Db;
let actors: Actors;
let m11: string;
const eco: Actor[] = [];
let outsider: Actor;
let secretariat: Actor;

const sections = { utiliser: 'Utiliser', publier: '', accompagner: '', attractivite: '', vieInterne: '<script>x</script>' };
const fields = { title: 'Rapport T3 2026', periodStart: '2026-07-01', periodEnd: '2026-09-30', sections };

async function user(id: string, flags: { councilEcosystem?: boolean; councilSecretariat?: boolean }): Promise<Actor> {
	await db.user.create({ data: { id, email: `${id}@example.test`, displayName: id, roles: ['COUNCIL'], ...flags } });
	return { id, displayName: id, roles: ['COUNCIL'], teamIds: [] };
}

/** Everything these domain functions could write, to prove that a refused call wrote nothing. */
async function footprint() {
	const [rounds, snapshots, opinions, votes, grades, audit] = await Promise.all([
		db.reportRound.findMany({ orderBy: { id: 'asc' } }),
		db.reportSnapshot.count(),
		db.opinion.findMany({ orderBy: { id: 'asc' } }),
		db.opinionVote.findMany({ orderBy: { id: 'asc' } }),
		db.measureGrade.findMany({ orderBy: { id: 'asc' } }),
		db.auditEvent.count()
	]);
	return JSON.stringify({ rounds, snapshots, opinions, votes, grades, audit });
}

/** Runs the write only after measuring the database, so that its rejection is awaited at once. */
async function refused(work: () => Promise<unknown>, kind: new (...args: never[]) => Error) {
	const before = await footprint();
	await expect(work()).rejects.toBeInstanceOf(kind);
	expect(await footprint()).toBe(before);
}

const lastEvent = () => db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
const version = async (roundId: string) => (await db.reportRound.findUniqueOrThrow({ where: { id: roundId } })).version;
const opinionVersion = async (id: string) => (await db.opinion.findUniqueOrThrow({ where: { id } })).version;
const gradesVersion = async (roundId: string) => (await db.reportRound.findUniqueOrThrow({ where: { id: roundId } })).gradesVersion;

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	m11 = await measureId(db, '1.1');
	// The seeded actors' ids must exist as users for the council flags lookups.
	await db.user.create({ data: { id: actors.council.id, email: 'council@example.test', displayName: 'Claude', roles: ['COUNCIL'], councilEcosystem: true } });
	eco.push(actors.council, await user('eco-2', { councilEcosystem: true }), await user('eco-3', { councilEcosystem: true }));
	secretariat = await user('secretariat', { councilSecretariat: true });
	outsider = await user('outsider', {});
});
afterAll(async () => {
	await database?.close();
});

describe('reporting rounds', () => {
	let roundId: string;

	it('creates a draft round with its audit event; only staff may', async () => {
		await refused(() => createRound(db, actors.council, { ...fields, planSlug: DEFAULT_PLAN_SLUG }), ForbiddenError);
		await refused(() => createRound(db, actors.amdac, { ...fields, planSlug: DEFAULT_PLAN_SLUG }), ForbiddenError);
		await refused(() => createRound(db, null, { ...fields, planSlug: DEFAULT_PLAN_SLUG }), ForbiddenError);
		await refused(() => createRound(db, actors.label, { ...fields, periodEnd: '2026-06-30', planSlug: DEFAULT_PLAN_SLUG }), RuleError);
		({ id: roundId } = await createRound(db, actors.label, { ...fields, planSlug: DEFAULT_PLAN_SLUG }));
		expect(await lastEvent()).toMatchObject({ action: 'create', entityType: 'ReportRound', entityId: roundId, actorId: actors.label.id });
		expect(await getRound(db, null, DEFAULT_PLAN_SLUG, roundId)).toBeNull();
		expect((await listRounds(db, null, DEFAULT_PLAN_SLUG))!.rounds).toEqual([]);
		const draft = await getRound(db, actors.label, DEFAULT_PLAN_SLUG, roundId);
		expect(draft).toMatchObject({ frozen: false, can: { edit: true, submit: true, publish: false } });
		expect(draft!.entries.length).toBe(await db.measure.count());
		expect(await getRound(db, actors.council, DEFAULT_PLAN_SLUG, roundId)).toBeNull();
	});

	it('edits a draft with optimistic concurrency', async () => {
		const v = await version(roundId);
		await updateRound(db, actors.admin, { ...fields, sections: { ...sections, publier: 'Publier' }, roundId, version: v });
		expect(await lastEvent()).toMatchObject({ action: 'update', entityType: 'ReportRound', after: { sections: { publier: 'Publier' } } });
		await refused(() => updateRound(db, actors.label, { ...fields, title: 'Autre', roundId, version: v }), ConflictError);
		await refused(() => updateRound(db, actors.council, { ...fields, title: 'Autre', roundId, version: v + 1 }), ForbiddenError);
	});

	it('submitting freezes every measure: later edits of the plan do not change the snapshot', async () => {
		const milestone = await addMilestone(db, actors.label, { measureId: m11, title: 'Jalon du rapport', description: null, weight: 1, planned: null });
		await refused(async () => submitRound(db, actors.amdac, { roundId, version: await version(roundId) }), ForbiddenError);
		await submitRound(db, actors.label, { roundId, version: await version(roundId) });
		expect(await lastEvent()).toMatchObject({ entityType: 'ReportRound', reason: 'submitted', after: { status: 'SUBMITTED' } });
		const frozen = await getRound(db, actors.council, DEFAULT_PLAN_SLUG, roundId);
		expect(frozen!.frozen).toBe(true);
		const before = frozen!.entries.find((e) => e.number === '1.1')!;
		expect(before.milestones.find((m) => m.id === milestone.id)!.doneOn).toBeNull();

		const ms = await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
		await setMilestoneDone(db, actors.label, { measureId: m11, milestoneId: ms.id, version: ms.version, doneOn: '2026-09-01' }, '2026-10-01');
		await db.measure.update({ where: { id: m11 }, data: { title: 'Titre changé après' } });
		const after = (await getRound(db, actors.council, DEFAULT_PLAN_SLUG, roundId))!.entries.find((e) => e.number === '1.1')!;
		expect(after).toEqual(before);
		await refused(async () => updateRound(db, actors.label, { ...fields, title: 'Trop tard', roundId, version: await version(roundId) }), RuleError);
	});

	it('publishes (admins only); a published round is immutable and public', async () => {
		await refused(async () => publishRound(db, actors.label, { roundId, version: await version(roundId) }), ForbiddenError);
		await publishRound(db, actors.admin, { roundId, version: await version(roundId) });
		expect(await lastEvent()).toMatchObject({ action: 'publish', entityType: 'ReportRound', entityId: roundId });
		const v = await version(roundId);
		await refused(() => updateRound(db, actors.admin, { ...fields, title: 'Changé', roundId, version: v }), RuleError);
		await refused(() => submitRound(db, actors.admin, { roundId, version: v }), RuleError);
		await refused(() => publishRound(db, actors.admin, { roundId, version: v }), RuleError);
		const view = await getRound(db, null, DEFAULT_PLAN_SLUG, roundId);
		expect(view!.round.status).toBe('PUBLISHED');
		expect(view!.opinions).toEqual([]);
		expect(view!.grades).toBeNull();
	});

	it('shows what changed since the previous round', async () => {
		const { id } = await createRound(db, actors.admin, { ...fields, title: 'Rapport T4 2026', periodStart: '2026-10-01', periodEnd: '2026-12-31', planSlug: DEFAULT_PLAN_SLUG });
		const view = await getRound(db, actors.admin, DEFAULT_PLAN_SLUG, id);
		expect(view!.previous!.id).toBe(roundId);
		const change = view!.changes.find((c) => c.number === '1.1');
		expect(change!.milestonesDone).toContain('Jalon du rapport');
	});

	describe('council opinions', () => {
		let opinionId: string;

		it('council members draft and edit an opinion; others may not', async () => {
			await refused(() => createOpinion(db, actors.admin, { roundId, title: 'Avis', text: 'Texte', date: '2026-10-15' }), ForbiddenError);
			({ id: opinionId } = await createOpinion(db, actors.council, { roundId, title: 'Avis du CLL', text: 'Texte', date: '2026-10-15' }));
			expect(await lastEvent()).toMatchObject({ action: 'create', entityType: 'Opinion', entityId: opinionId });
			await updateOpinion(db, eco[1]!, { opinionId, version: await opinionVersion(opinionId), title: 'Avis du CLL sur le T3', text: 'Texte', date: '2026-10-15' });
			expect(await lastEvent()).toMatchObject({ action: 'update', entityType: 'Opinion', after: { title: 'Avis du CLL sur le T3' } });
			await refused(
				async () => updateOpinion(db, actors.label, { opinionId, version: await opinionVersion(opinionId), title: 'X', text: 'Y', date: '2026-10-15' }),
				ForbiddenError
			);
		});

		it('votes are recorded and audited; non-ecosystem votes do not count; adoption needs the quorum', async () => {
			await refused(() => castVote(db, actors.admin, { opinionId, choice: 'FOR' }), ForbiddenError);
			await castVote(db, outsider, { opinionId, choice: 'FOR' });
			await castVote(db, secretariat, { opinionId, choice: 'FOR' });
			expect(await lastEvent()).toMatchObject({ action: 'create', entityType: 'OpinionVote', after: { choice: 'FOR' } });
			const first = await castVote(db, eco[0]!, { opinionId, choice: 'AGAINST' });
			expect(first).toMatchObject({ adopted: false, tally: { cast: 1, ignored: 2, quorum: 2 } });
			await refused(async () => updateOpinion(db, eco[0]!, { opinionId, version: await opinionVersion(opinionId), title: 'X', text: 'Y', date: '2026-10-15' }), RuleError);
			const changed = await castVote(db, eco[0]!, { opinionId, choice: 'FOR' });
			expect(changed.adopted).toBe(false);
			expect(await lastEvent()).toMatchObject({ action: 'update', entityType: 'OpinionVote', before: { choice: 'AGAINST' }, after: { choice: 'FOR' } });
			const second = await castVote(db, eco[1]!, { opinionId, choice: 'FOR' });
			expect(second.adopted).toBe(true);
			expect(await lastEvent()).toMatchObject({ entityType: 'Opinion', reason: 'adopted', after: { state: 'ADOPTED' } });
			await refused(() => castVote(db, eco[2]!, { opinionId, choice: 'AGAINST' }), RuleError);
		});

		it('DINUM responds to the adopted opinion (admins only)', async () => {
			await refused(async () => respondToOpinion(db, actors.council, { opinionId, version: await opinionVersion(opinionId), response: 'Réponse' }), ForbiddenError);
			await refused(() => respondToOpinion(db, actors.admin, { opinionId, version: 1, response: 'Réponse' }), ConflictError);
			await respondToOpinion(db, actors.admin, { opinionId, version: await opinionVersion(opinionId), response: 'La DINUM prend acte.' });
			expect(await lastEvent()).toMatchObject({ entityType: 'Opinion', reason: 'response', after: { response: 'La DINUM prend acte.' } });
		});

		it('the council grades measures; grades stay internal until an opinion is published', async () => {
			const v = await gradesVersion(roundId);
			await refused(() => saveGrades(db, actors.admin, { roundId, version: v, grades: { [m11]: 'LIMITED' } }), ForbiddenError);
			await refused(() => saveGrades(db, actors.council, { roundId, version: v, grades: { unknown: 'LIMITED' } }), RuleError);
			expect(await saveGrades(db, actors.council, { roundId, version: v, grades: { [m11]: 'SUBSTANTIAL' } })).toEqual({ changed: 1 });
			expect(await lastEvent()).toMatchObject({ entityType: 'MeasureGrade', measureId: m11, after: { grade: 'SUBSTANTIAL' } });
			expect(await gradesVersion(roundId)).toBe(v + 1);
			// Saving the same grades again changes nothing, not even the version.
			expect(await saveGrades(db, actors.council, { roundId, version: v + 1, grades: { [m11]: 'SUBSTANTIAL' } })).toEqual({ changed: 0 });
			expect(await gradesVersion(roundId)).toBe(v + 1);
			expect((await getRound(db, null, DEFAULT_PLAN_SLUG, roundId))!.grades).toBeNull();
			expect((await getRound(db, actors.amdac, DEFAULT_PLAN_SLUG, roundId))!.grades).toEqual({ [m11]: 'SUBSTANTIAL' });
		});

		it('a grades form saved from a stale page is refused with what is stored now, and changes nothing', async () => {
			const m12 = await measureId(db, '1.2');
			// Two members open the page at the same version; the first saves.
			const loaded = await gradesVersion(roundId);
			await saveGrades(db, eco[1]!, { roundId, version: loaded, grades: { [m11]: 'COMPLETE', [m12]: 'LIMITED' } });
			// The second saves from their stale page: refused, nothing written (grades, version, audit).
			const before = await footprint();
			const stale = await saveGrades(db, eco[2]!, { roundId, version: loaded, grades: { [m11]: 'NOT_STARTED', [m12]: null } }).catch((e: unknown) => e);
			expect(stale).toBeInstanceOf(ConflictError);
			expect((stale as ConflictError).current).toEqual({ version: loaded + 1, grades: { [m11]: 'COMPLETE', [m12]: 'LIMITED' } });
			expect(await footprint()).toBe(before);
			// With the current version, saving again is a deliberate overwrite.
			expect(await saveGrades(db, eco[2]!, { roundId, version: loaded + 1, grades: { [m11]: 'SUBSTANTIAL', [m12]: null } })).toEqual({ changed: 2 });
			expect((await getRound(db, actors.council, DEFAULT_PLAN_SLUG, roundId))!.round.gradesVersion).toBe(loaded + 2);
		});

		it('two grades saves sent at once from the same page: one is saved, the other is refused', async () => {
			const loaded = await gradesVersion(roundId);
			const results = await Promise.allSettled([
				saveGrades(db, eco[1]!, { roundId, version: loaded, grades: { [m11]: 'LIMITED' } }),
				saveGrades(db, eco[2]!, { roundId, version: loaded, grades: { [m11]: 'COMPLETE' } })
			]);
			const saved = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
			expect(saved).toHaveLength(1);
			const refusedOne = results.find((r) => r.status === 'rejected');
			expect(refusedOne?.status === 'rejected' && refusedOne.reason).toBeInstanceOf(ConflictError);
			const kept = saved[0] === 0 ? 'LIMITED' : 'COMPLETE';
			expect(await db.measureGrade.findUniqueOrThrow({ where: { roundId_measureId: { roundId, measureId: m11 } } })).toMatchObject({ grade: kept });
			expect(await gradesVersion(roundId)).toBe(loaded + 1);
			// Back to the grade the next test expects.
			await saveGrades(db, actors.council, { roundId, version: loaded + 1, grades: { [m11]: 'SUBSTANTIAL' } });
		});

		it('only the secretariat decides; a published opinion is public with the grades, a private one is not', async () => {
			await refused(async () => decidePublication(db, eco[0]!, { opinionId, version: await opinionVersion(opinionId), publish: true }), ForbiddenError);
			await refused(async () => decidePublication(db, actors.admin, { opinionId, version: await opinionVersion(opinionId), publish: true }), ForbiddenError);
			await decidePublication(db, secretariat, { opinionId, version: await opinionVersion(opinionId), publish: true });
			expect(await lastEvent()).toMatchObject({ action: 'publish', entityType: 'Opinion', actorId: 'secretariat' });

			const { id: privateId } = await createOpinion(db, eco[2]!, { roundId, title: 'Avis privé', text: 'Confidentiel', date: '2026-10-20' });
			await castVote(db, eco[0]!, { opinionId: privateId, choice: 'FOR' });
			await castVote(db, eco[2]!, { opinionId: privateId, choice: 'FOR' });
			await decidePublication(db, secretariat, { opinionId: privateId, version: await opinionVersion(privateId), publish: false });
			await refused(async () => decidePublication(db, secretariat, { opinionId: privateId, version: await opinionVersion(privateId), publish: true }), RuleError);

			const publicView = await getRound(db, null, DEFAULT_PLAN_SLUG, roundId);
			expect(publicView!.opinions.map((o) => [o.title, o.response, o.decision, o.tally])).toEqual([['Avis du CLL sur le T3', 'La DINUM prend acte.', null, null]]);
			expect(publicView!.grades).toEqual({ [m11]: 'SUBSTANTIAL' });
			const internal = await getRound(db, actors.amdac, DEFAULT_PLAN_SLUG, roundId);
			expect(internal!.opinions.map((o) => [o.title, o.decision?.publish])).toEqual([
				['Avis du CLL sur le T3', true],
				['Avis privé', false]
			]);
			await refused(async () => saveGrades(db, actors.council, { roundId, version: await gradesVersion(roundId), grades: { [m11]: 'COMPLETE' } }), RuleError);
		});
	});
});

describe('council flags on accounts', () => {
	it('admins set the flags of council members, audited; nobody else, and not on other roles', async () => {
		const { setCouncilFlags } = await import('../../src/lib/server/domain/reports/opinions');
		await refused(() => setCouncilFlags(db, actors.council, 'outsider', { councilEcosystem: true, councilSecretariat: false }), ForbiddenError);
		await db.user.create({ data: { id: 'editor-x', email: 'editor-x@example.test', displayName: 'X', roles: ['EDITOR'] } });
		await refused(() => setCouncilFlags(db, actors.admin, 'editor-x', { councilEcosystem: true, councilSecretariat: false }), RuleError);
		expect(await setCouncilFlags(db, actors.admin, 'outsider', { councilEcosystem: true, councilSecretariat: true })).toEqual({ changed: true });
		expect(await lastEvent()).toMatchObject({
			entityType: 'User',
			entityId: 'outsider',
			before: { councilEcosystem: false },
			after: { councilEcosystem: true, councilSecretariat: true }
		});
		expect(await db.user.findUniqueOrThrow({ where: { id: 'outsider' } })).toMatchObject({ councilEcosystem: true, councilSecretariat: true });
	});
});

describe('council quorum setting', () => {
	it('admins set the plan quorum, audited and versioned; it changes the adoption rule', async () => {
		const { setCouncilQuorum } = await import('../../src/lib/server/domain/reports/rounds');
		const plan = await db.plan.findUniqueOrThrow({ where: { slug: DEFAULT_PLAN_SLUG } });
		await refused(() => setCouncilQuorum(db, actors.council, { planSlug: DEFAULT_PLAN_SLUG, version: plan.version, quorum: 3 }), ForbiddenError);
		await refused(() => setCouncilQuorum(db, actors.admin, { planSlug: DEFAULT_PLAN_SLUG, version: plan.version + 5, quorum: 3 }), ConflictError);
		expect(await setCouncilQuorum(db, actors.admin, { planSlug: DEFAULT_PLAN_SLUG, version: plan.version, quorum: 3 })).toEqual({ changed: true });
		expect(await lastEvent()).toMatchObject({ entityType: 'Plan', before: { councilQuorum: null }, after: { councilQuorum: 3 } });
		expect((await listRounds(db, actors.admin, DEFAULT_PLAN_SLUG))!.quorum).toMatchObject({ value: 3 });
		expect((await listRounds(db, actors.label, DEFAULT_PLAN_SLUG))!.quorum).toBeNull();
	});
});

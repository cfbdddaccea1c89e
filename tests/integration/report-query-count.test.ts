// The council workspace of a round must cost the same number of SQL queries whatever the number of
// opinions and votes (no query per opinion to count its votes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { createRound, submitRound } from '../../src/lib/server/domain/reports/rounds';
import { castVote, createOpinion } from '../../src/lib/server/domain/reports/opinions';
import { getRound } from '../../src/lib/server/domain/reports/view';
import { countingDatabase, type CountingDatabase } from '../helpers/database';
import { seededActors, type Actors } from '../helpers/editing';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/policies';

let counted: CountingDatabase;
let db: Db;
let actors: Actors;
const members: Actor[] = [];
const rounds = { one: '', many: '' };

const sections = { utiliser: 'Utiliser', publier: '', accompagner: '', attractivite: '', vieInterne: '' };
// The same period for both rounds, so that neither has a previous round to compare with.
const fields = { periodStart: '2026-07-01', periodEnd: '2026-09-30', sections, planSlug: DEFAULT_PLAN_SLUG };

/** A submitted round with `opinions` opinions, each voted on by every member (one vote short of nothing). */
async function roundWith(title: string, opinions: number): Promise<string> {
	const { id } = await createRound(db, actors.admin, { ...fields, title });
	await submitRound(db, actors.admin, { roundId: id, version: 1 });
	for (let i = 0; i < opinions; i++) {
		const { id: opinionId } = await createOpinion(db, members[0]!, { roundId: id, title: `Avis ${i + 1}`, text: 'Texte', date: '2026-10-15' });
		// Two votes against out of four members: never adopted, so every vote is recorded.
		await castVote(db, members[0]!, { opinionId, choice: 'AGAINST' });
		await castVote(db, members[1]!, { opinionId, choice: i % 2 === 0 ? 'AGAINST' : 'ABSTAIN' });
	}
	return id;
}

beforeAll(async () => {
	counted = await countingDatabase({ plan: true });
	db = counted.prisma;
	actors = await seededActors(db);
	for (const id of ['eco-1', 'eco-2', 'eco-3', 'eco-4']) {
		await db.user.create({ data: { id, email: `${id}@example.test`, displayName: id, roles: ['COUNCIL'], councilEcosystem: true } });
		members.push({ id, displayName: id, roles: ['COUNCIL'], teamIds: [] });
	}
	rounds.one = await roundWith('Un avis', 1);
	rounds.many = await roundWith('Douze avis', 12);
}, 120_000);
afterAll(async () => {
	await counted?.close();
});

const queriesFor = (work: () => Promise<unknown>) => counted.queriesFor(work);

describe('SQL queries of a report round', () => {
	it('the council workspace counts the votes of 12 opinions in as many queries as for one', async () => {
		for (const viewer of [actors.admin, members[2]!]) {
			const one = await queriesFor(() => getRound(db, viewer, DEFAULT_PLAN_SLUG, rounds.one));
			const many = await queriesFor(() => getRound(db, viewer, DEFAULT_PLAN_SLUG, rounds.many));
			expect(one).toBeGreaterThan(0);
			expect(many).toBe(one);
		}
		// The tallies are still counted: two votes cast on each opinion, against a quorum of two.
		const view = await getRound(db, actors.admin, DEFAULT_PLAN_SLUG, rounds.many);
		expect(view!.opinions).toHaveLength(12);
		for (const o of view!.opinions) expect(o.tally).toMatchObject({ cast: 2, quorum: 2, adopted: false, ignored: 0 });
	});
});

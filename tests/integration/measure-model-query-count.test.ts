// What a save makes this instance rebuild: the saved measure's public page (read-models/public.ts drops
// it with each save). Its parts must cost a fixed, small number of statements whatever the measure holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase, type CountingDatabase } from '../helpers/database';
import { smallPlan, user } from '../factories';
import { addSuccession, successionsOf } from '../../src/lib/server/domain/measures/successions';
import type { Actor } from '../../src/lib/server/policies';

let counted: CountingDatabase;
let admin: Actor;

beforeAll(async () => {
	counted = await countingDatabase();
	const row = await user(counted.prisma, { roles: ['ADMIN'] });
	admin = { id: row.id, displayName: row.displayName, roles: ['ADMIN'], teamIds: [] };
}, 120_000);
afterAll(async () => {
	await counted?.close();
});

describe('SQL statements of a measure page model', () => {
	it('its successions are one statement, with none, with links both ways and towards a draft plan', async () => {
		const db = counted.prisma;
		const old = await smallPlan(db, { axes: 1, measures: 2, plan: { title: 'Plan 2021' } });
		const middle = await smallPlan(db, { axes: 1, measures: 1, plan: { title: 'Plan 2023' } });
		const draft = await smallPlan(db, { axes: 1, measures: 1, plan: { title: 'Plan 2025', status: 'DRAFT' } });
		const [first, second] = old.measures.map((m) => m.id) as [string, string];
		const continued = middle.measures[0]!.id;
		expect(await counted.queriesFor(() => successionsOf(db, first))).toBe(1);

		await addSuccession(db, admin, { measureId: first, kind: 'CONTINUED_BY', successorId: continued, reason: null });
		await addSuccession(db, admin, { measureId: second, kind: 'ABANDONED', successorId: null, reason: 'Repris par la loi' });
		await addSuccession(db, admin, { measureId: continued, kind: 'CONTINUED_BY', successorId: draft.measures[0]!.id, reason: null });

		let seen: Awaited<ReturnType<typeof successionsOf>> | null = null;
		expect(await counted.queriesFor(async () => (seen = await successionsOf(db, continued)))).toBe(1);
		// The public reader sees where it came from, not the draft it goes on in.
		expect(seen).toMatchObject({ successors: [], predecessors: [{ kind: 'CONTINUED_BY', measure: { number: old.measures[0]!.number, plan: { title: 'Plan 2021' } } }] });
		expect(await counted.queriesFor(async () => (seen = await successionsOf(db, continued, { withDrafts: true })))).toBe(1);
		expect(seen!.successors).toMatchObject([{ kind: 'CONTINUED_BY', measure: { plan: { title: 'Plan 2025' } } }]);
		expect((await successionsOf(db, second)).successors).toMatchObject([{ kind: 'ABANDONED', reason: 'Repris par la loi', measure: null }]);
	});
});

// What became of a measure of an older plan (issue 11, succession): recorded by admins, audited,
// refused when the rule says no with nothing written, shown from both sides, in the API (checked
// against the OpenAPI document with ajv) and moving the public pages' content version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { smallPlan, user } from '../factories';
import { addSuccession, removeSuccession, successionsOf } from '../../src/lib/server/domain/measures/successions';
import { getMeasureResource } from '../../src/lib/server/api/resources';
import { openApiDocument } from '../../src/lib/server/api/openapi';
import { readContentVersion } from '../../src/lib/server/public-changes';
import { ForbiddenError, RuleError } from '../../src/lib/server/domain/errors';
import type { Actor } from '../../src/lib/server/policies';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let admin: Actor;
let editor: Actor;
let old: Awaited<ReturnType<typeof smallPlan>>;
let next: Awaited<ReturnType<typeof smallPlan>>;

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	old = await smallPlan(db, { axes: 1, measures: 2, plan: { title: 'Plan 2021' } });
	next = await smallPlan(db, { axes: 1, measures: 1, plan: { title: 'Plan 2025' } });
	const row = await user(db, { roles: ['ADMIN'] });
	admin = { id: row.id, displayName: row.displayName, roles: ['ADMIN'], teamIds: [] };
	editor = { id: 'editor', displayName: 'Éditrice', roles: ['EDITOR'], teamIds: [old.team.id] };
});
afterAll(async () => {
	await database?.close();
});

const first = () => old.measures[0]!.id;
const second = () => old.measures[1]!.id;
const successor = () => next.measures[0]!.id;

describe('successions', () => {
	it('an admin records that a measure is continued in a newer plan: audited, shown from both sides, public pages refreshed', async () => {
		const version = await readContentVersion(db);
		await addSuccession(db, admin, { measureId: first(), kind: 'CONTINUED_BY', successorId: successor(), reason: null });

		const fromOld = await successionsOf(db, first());
		expect(fromOld.successors).toMatchObject([{ kind: 'CONTINUED_BY', measure: { number: '1.1', plan: { slug: next.plan.slug } } }]);
		const fromNew = await successionsOf(db, successor());
		expect(fromNew.predecessors).toMatchObject([{ kind: 'CONTINUED_BY', measure: { number: '1.1', plan: { slug: old.plan.slug } } }]);
		expect(await db.auditEvent.count({ where: { entityType: 'MeasureSuccession', action: 'create', measureId: first() } })).toBe(1);
		expect(await readContentVersion(db)).not.toBe(version);
	});

	it('refuses what the rule refuses, next to the field, with nothing written', async () => {
		const before = await db.measureSuccession.count();
		await expect(addSuccession(db, admin, { measureId: second(), kind: 'REPLACED_BY', successorId: first(), reason: null })).rejects.toEqual(
			new RuleError('editing.successions.errors.samePlan', 'successorId')
		);
		await expect(addSuccession(db, admin, { measureId: second(), kind: 'ABANDONED', successorId: null, reason: null })).rejects.toEqual(
			new RuleError('editing.successions.errors.reasonRequired', 'reason')
		);
		await expect(addSuccession(db, admin, { measureId: first(), kind: 'ABANDONED', successorId: null, reason: 'Abandon' })).rejects.toEqual(
			new RuleError('editing.successions.errors.alreadyContinued')
		);
		await expect(addSuccession(db, admin, { measureId: first(), kind: 'MERGED_INTO', successorId: successor(), reason: null })).rejects.toEqual(
			new RuleError('editing.successions.errors.duplicate', 'successorId')
		);
		expect(await db.measureSuccession.count()).toBe(before);
	});

	it('is the admins’ business: an editor of the measure’s team is refused', async () => {
		const before = await db.auditEvent.count();
		await expect(addSuccession(db, editor, { measureId: second(), kind: 'ABANDONED', successorId: null, reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
		const [recorded] = (await successionsOf(db, first())).successors;
		await expect(removeSuccession(db, editor, { measureId: first(), successionId: recorded!.id })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await db.auditEvent.count()).toBe(before);
	});

	it('records an abandonment with its reason, and removes a succession, audited', async () => {
		await addSuccession(db, admin, { measureId: second(), kind: 'ABANDONED', successorId: null, reason: 'Objectif repris par la loi' });
		expect((await successionsOf(db, second())).successors).toMatchObject([{ kind: 'ABANDONED', reason: 'Objectif repris par la loi', measure: null }]);
		const [recorded] = (await successionsOf(db, second())).successors;
		await removeSuccession(db, admin, { measureId: second(), successionId: recorded!.id });
		expect((await successionsOf(db, second())).successors).toEqual([]);
		expect(await db.auditEvent.count({ where: { entityType: 'MeasureSuccession', action: 'delete' } })).toBe(1);
	});

	it('shows in the API on both measures, as the OpenAPI document describes', async () => {
		const doc = openApiDocument('http://jalons.test');
		const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
		addFormats(ajv);
		ajv.addKeyword('components').addKeyword('paths');
		ajv.addSchema({ $id: 'https://jalons.test/openapi.json', components: doc.components, paths: doc.paths });
		const check = ajv.getSchema('https://jalons.test/openapi.json#/components/schemas/Measure')!;

		const older = await getMeasureResource(db, old.plan.slug, '1.1', 'http://jalons.test');
		expect(older?.successors).toMatchObject([{ kind: 'CONTINUED_BY', reason: null, measure: { plan: next.plan.slug, number: '1.1' } }]);
		expect(check(JSON.parse(JSON.stringify(older))), JSON.stringify(check.errors)).toBe(true);
		const newer = await getMeasureResource(db, next.plan.slug, '1.1', 'http://jalons.test');
		expect(newer?.predecessors).toMatchObject([{ kind: 'CONTINUED_BY', measure: { plan: old.plan.slug, number: '1.1' } }]);
		expect(check(JSON.parse(JSON.stringify(newer))), JSON.stringify(check.errors)).toBe(true);
	});
});

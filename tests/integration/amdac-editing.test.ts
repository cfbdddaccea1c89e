// AMDAC members edit the commitments their own ministry carries (issue 11): an AMDAC member who
// belongs to a ministry's team edits that team's measures, audited as acting for the team, and is
// refused on another ministry's; they keep the working group's rights and no more (internal comments
// stay the mission staff's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { axis, measure, owner, plan, user } from '../factories';
import { getMeasureForEdit, updateMeasure } from '../../src/lib/server/domain/measures/edit';
import { addMilestone } from '../../src/lib/server/domain/measures/milestones';
import { getMeasureHistory } from '../../src/lib/server/domain/measures/history';
import { postComment } from '../../src/lib/server/domain/comments/comments';
import { ForbiddenError } from '../../src/lib/server/domain/errors';
import { canSeeComment } from '../../src/lib/server/policies';
import type { Actor } from '../../src/lib/server/policies';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let member: Actor;
let slug: string;
let ownMeasure: string;
let otherMeasure: string;

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	const roadmap = await plan(db);
	slug = roadmap.slug;
	const theme = await axis(db, roadmap.id);
	const culture = await owner(db, { code: 'MIN_CULTURE', name: 'Ministère de la Culture (essai)' });
	const armees = await owner(db, { code: 'MIN_ARMEES', name: 'Ministère des Armées (essai)' });
	ownMeasure = (await measure(db, theme.id, { leadOwnerId: culture.id })).id;
	otherMeasure = (await measure(db, theme.id, { leadOwnerId: armees.id })).id;
	const row = await user(db, { roles: ['AMDAC'], teamIds: [culture.id] });
	member = { id: row.id, displayName: row.displayName, roles: ['AMDAC'], teamIds: [culture.id] };
});
afterAll(async () => {
	await database?.close();
});

async function edited(measureId: string, changes: { status: 'IN_PROGRESS' }) {
	const model = await getMeasureForEdit(db, member, measureId);
	return updateMeasure(db, member, { ...model.fields, ...changes, version: model.version, reason: null, measureId });
}

describe('an AMDAC member of a ministry’s team', () => {
	it('edits a measure the ministry carries, audited as acting for that team, and the history says so', async () => {
		expect(await edited(ownMeasure, { status: 'IN_PROGRESS' })).toEqual({ changed: true });
		await addMilestone(db, member, { title: 'Inventaire des logiciels', titleEn: null, description: null, weight: 1, planned: null, measureId: ownMeasure });

		const events = await db.auditEvent.findMany({ where: { measureId: ownMeasure }, orderBy: { id: 'asc' } });
		expect(events.map((e) => [e.entityType, e.actorRole])).toEqual([
			['Measure', 'AMDAC:MIN_CULTURE'],
			['Milestone', 'AMDAC:MIN_CULTURE']
		]);
		const history = await getMeasureHistory(db, null, slug, '1.1');
		expect(history?.entries.map((e) => e.actor.team)).toContain('MIN_CULTURE');
	});

	it('is refused on another ministry’s measure, and nothing is written', async () => {
		const before = await db.auditEvent.count();
		await expect(getMeasureForEdit(db, member, otherMeasure)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(addMilestone(db, member, { title: 'Hors périmètre', titleEn: null, description: null, weight: 1, planned: null, measureId: otherMeasure })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await db.milestone.count({ where: { measureId: otherMeasure } })).toBe(0);
		expect(await db.auditEvent.count()).toBe(before);
	});

	it('keeps the working group’s voice, not the mission staff’s internal one', async () => {
		await expect(postComment(db, member, { target: { type: 'MEASURE', measureId: otherMeasure }, visibility: 'WORKING_GROUP', body: 'Avis du ministère' })).resolves.toHaveProperty(
			'id'
		);
		await expect(postComment(db, member, { target: { type: 'MEASURE', measureId: ownMeasure }, visibility: 'INTERNAL', body: 'Interne' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(canSeeComment(member, 'INTERNAL')).toBe(false);
	});
});

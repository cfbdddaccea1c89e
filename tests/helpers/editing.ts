// Actors for editing tests, built from the seeded owners, and a snapshot of row counts to prove that
// a refused write wrote nothing.
import type { Db } from '../../src/lib/server/db';
import { freshDatabase, type TestDatabase } from './database';
import type { Actor } from '../../src/lib/server/policies';
import { updateMeasure } from '../../src/lib/server/domain/measures/edit';

export interface Actors {
	admin: Actor;
	amdac: Actor;
	council: Actor;
	/** Member of LABEL, the lead team of measures 1.x. */
	label: Actor;
	/** Member of POLE_LL, contributor to measures 1.x. */
	pole: Actor;
	/** Member of TALENTS: another team for measures 1.x. */
	talents: Actor;
}

export async function seededActors(db: Db): Promise<Actors> {
	const owners = new Map((await db.owner.findMany()).map((o) => [o.code, o.id]));
	const team = (code: string) => [owners.get(code)!];
	return {
		admin: { id: 'user-admin', displayName: 'Alice Admin', roles: ['ADMIN'], teamIds: [] },
		amdac: { id: 'user-amdac', displayName: 'Anne Amdac', roles: ['AMDAC'], teamIds: [] },
		council: { id: 'user-council', displayName: 'Claude Conseil', roles: ['COUNCIL'], teamIds: [] },
		label: { id: 'user-label', displayName: 'Louise Label', roles: ['EDITOR'], teamIds: team('LABEL') },
		pole: { id: 'user-pole', displayName: 'Paul Pôle', roles: ['EDITOR'], teamIds: team('POLE_LL') },
		talents: { id: 'user-talents', displayName: 'Théo Talents', roles: ['EDITOR'], teamIds: team('TALENTS') }
	};
}

export async function measureId(db: Db, number: string): Promise<string> {
	return (await db.measure.findFirstOrThrow({ where: { number }, select: { id: true } })).id;
}

/** Everything an editing function could write, to compare before and after a refused call. */
export async function footprint(db: Db) {
	const [measures, milestones, replans, evidence, values, updates, audit, contributors] = await Promise.all([
		db.measure.findMany({ orderBy: { id: 'asc' } }),
		db.milestone.findMany({ orderBy: { id: 'asc' } }),
		db.milestoneReplan.count(),
		db.evidenceLink.findMany({ orderBy: { id: 'asc' } }),
		db.indicatorValue.count(),
		db.progressUpdate.findMany({ orderBy: { id: 'asc' } }),
		db.auditEvent.count(),
		db.measureContributor.count()
	]);
	return JSON.stringify({ measures, milestones, replans, evidence, values, updates, audit, contributors });
}

/** A fresh database with the real plan and one account per editing role: the set-up of the editing tests. */
export async function seededEditingDatabase(): Promise<{ database: TestDatabase; db: Db; actors: Actors }> {
	const database = await freshDatabase({ plan: true });
	return { database, db: database.prisma, actors: await seededActors(database.prisma) };
}

/**
 * Sets a measure's status and progress as an editor would, every other field kept (its description
 * and sub-actions as they are, no reason, no dates), with `asOf` as the day the status is given for.
 */
export async function setMeasureStatus(
	db: Db,
	actor: Actor,
	id: string,
	status: 'IN_PROGRESS' | 'DONE',
	progressMethod: 'MANUAL' | 'MILESTONES' | 'INDICATOR',
	progressManual: number | null,
	asOf = '2026-11-30'
): Promise<void> {
	const m = await db.measure.findUniqueOrThrow({ where: { id } });
	await updateMeasure(
		db,
		actor,
		{
			measureId: id,
			version: m.version,
			reason: null,
			status,
			progressMethod,
			progressManual,
			confidence: null,
			confidenceExplanation: null,
			plannedStart: null,
			plannedEnd: null,
			description: m.description,
			subActions: m.subActions
		},
		asOf
	);
}

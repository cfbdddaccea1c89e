// The stored roll-ups (MeasureRollup, kept by the triggers of migration measure_rollups) must always
// equal what the milestones, indicators and values say. After each kind of write, every measure's
// stored row is compared with the query the dashboard ran before the table existed (kept here as the
// reference), and `measureRollups` with the progress rule applied to the loaded rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/database';
import { measureId, seededEditingDatabase, type Actors } from '../helpers/editing';
import type { Db } from '../../src/lib/server/db';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { measureRollups, rowProgress } from '../../src/lib/server/domain/plans/view';
import { addMilestone, setMilestoneDone, updateMilestone } from '../../src/lib/server/domain/measures/milestones';
import { addIndicatorValue } from '../../src/lib/server/domain/measures/indicator-values';
import { retireMeasure } from '../../src/lib/server/domain/plans/structure';
import { createLargePlan } from '../helpers/large-plan';
import { measure as newMeasure, milestone as newMilestone } from '../factories';

let database: TestDatabase;
let db: Db;
let actors: Actors;
let planId: string;
let m11: string;
let m12: string;

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	planId = (await db.plan.findUniqueOrThrow({ where: { slug: DEFAULT_PLAN_SLUG } })).id;
	m11 = await measureId(db, '1.1');
	m12 = await measureId(db, '1.2');
});
afterAll(async () => {
	await database?.close();
});

interface Sums {
	id: string;
	totalWeight: number;
	doneWeight: number;
	baseline: number | null;
	target: number | null;
	direction: string | null;
	current: number | null;
}

/** The roll-up recomputed from every milestone and value: the dashboard's query before migration measure_rollups. */
const recomputed = (db: Db) => db.$queryRaw<Sums[]>`
	SELECT m."id", coalesce(w.total, 0)::float8 AS "totalWeight", coalesce(w.done, 0)::float8 AS "doneWeight",
		i.baseline::float8 AS baseline, i.target::float8 AS target, i.direction::text AS direction, i.current::float8 AS current
	FROM "Measure" m
	LEFT JOIN (
		SELECT ms."measureId", sum(greatest(ms."weight", 0)) AS total,
			sum(CASE WHEN ms."doneOn" IS NOT NULL THEN greatest(ms."weight", 0) ELSE 0 END) AS done
		FROM "Milestone" ms GROUP BY ms."measureId"
	) w ON w."measureId" = m."id"
	LEFT JOIN LATERAL (
		SELECT ind."baseline", ind."target", ind."direction",
			(SELECT v."value" FROM "IndicatorValue" v WHERE v."indicatorId" = ind."id" ORDER BY v."date" DESC, v."createdAt" DESC, v."id" DESC LIMIT 1) AS current
		FROM "Indicator" ind WHERE ind."measureId" = m."id"
		ORDER BY ind."position" ASC, ind."id" ASC LIMIT 1
	) i ON TRUE
	ORDER BY m."id"`;

const stored = (db: Db) => db.$queryRaw<Sums[]>`
	SELECT m."id", coalesce(r."totalWeight", 0)::float8 AS "totalWeight", coalesce(r."doneWeight", 0)::float8 AS "doneWeight",
		r."baseline", r."target", r."direction"::text AS direction, r."current"
	FROM "Measure" m LEFT JOIN "MeasureRollup" r ON r."measureId" = m."id"
	ORDER BY m."id"`;

/** Every measure of the database: stored = recomputed; and the plan's roll-ups = the rule on loaded rows. */
async function expectConsistent(): Promise<void> {
	const [expected, actual] = await Promise.all([recomputed(db), stored(db)]);
	expect(actual).toEqual(expected);
	const rows = await db.measure.findMany({
		where: { planId },
		include: { milestones: true, indicators: { orderBy: [{ position: 'asc' }, { id: 'asc' }], include: { values: true } } }
	});
	const byId = new Map(rows.map((m) => [m.id, m]));
	for (const r of await measureRollups(db, planId)) expect(r.progress, r.id).toEqual(rowProgress(byId.get(r.id)!));
}

describe('stored measure roll-ups', () => {
	it('start equal to the recomputed ones (the seeded plan: milestones, indicators, values)', async () => {
		expect(await db.measureRollup.count()).toBeGreaterThan(0);
		await expectConsistent();
	});

	it('follow milestones added, re-weighted, done, reopened, moved to another measure and deleted', async () => {
		await db.measure.update({ where: { id: m11 }, data: { progressMethod: 'MILESTONES' } });
		const a = await addMilestone(db, actors.label, { measureId: m11, title: 'Cahier des charges', description: null, weight: 2, planned: null });
		const b = await addMilestone(db, actors.label, { measureId: m11, title: 'Marché', description: null, weight: 3, planned: null });
		await expectConsistent();
		const rowA = await db.milestone.findUniqueOrThrow({ where: { id: a.id } });
		await updateMilestone(db, actors.label, { measureId: m11, milestoneId: a.id, version: rowA.version, title: rowA.title, description: null, weight: 5 });
		await expectConsistent();
		const weighted = await db.milestone.findUniqueOrThrow({ where: { id: a.id } });
		await setMilestoneDone(db, actors.label, { measureId: m11, milestoneId: a.id, version: weighted.version, doneOn: '2024-01-15' }, '2024-02-01');
		await expectConsistent();
		expect((await measureRollups(db, planId, [m11]))[0]!.progress.value).toBe(62.5);
		const done = await db.milestone.findUniqueOrThrow({ where: { id: a.id } });
		await setMilestoneDone(db, actors.label, { measureId: m11, milestoneId: a.id, version: done.version, doneOn: null }, '2024-02-01');
		await expectConsistent();
		// A negative weight counts as 0, as in the rule.
		await db.milestone.update({ where: { id: b.id }, data: { weight: -4 } });
		await expectConsistent();
		await db.milestone.update({ where: { id: b.id }, data: { measureId: m12, doneOn: new Date('2024-01-01'), weight: 4 } });
		await expectConsistent();
		await db.milestone.deleteMany({ where: { id: { in: [a.id, b.id] } } });
		await expectConsistent();
	});

	it('follow indicator values added, corrected and deleted, and the first indicator changing', async () => {
		const m22 = await measureId(db, '2.2');
		await db.measure.update({ where: { id: m22 }, data: { progressMethod: 'INDICATOR' } });
		const first = await db.indicator.findFirstOrThrow({ where: { measureId: m22 }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
		const added = await addIndicatorValue(db, actors.pole, {
			measureId: m22,
			indicatorId: first.id,
			date: { start: '2099-01-01', precision: 'DAY' },
			value: 123456,
			qualifier: null,
			sourceUrl: 'https://code.gouv.fr/',
			note: null
		});
		await expectConsistent();
		await db.indicatorValue.update({ where: { id: added.id }, data: { value: 7 } });
		await expectConsistent();
		await db.indicatorValue.update({ where: { id: added.id }, data: { date: new Date('1990-01-01') } });
		await expectConsistent();
		await db.indicatorValue.delete({ where: { id: added.id } });
		await expectConsistent();
		const other = await db.indicator.create({
			data: { measureId: m22, name: 'Autre', unit: 'u', baseline: 10, target: 0, direction: 'DOWN', position: first.position - 1 }
		});
		await db.indicatorValue.createMany({ data: [{ indicatorId: other.id, date: new Date('2024-01-01'), value: 4, sourceUrl: 'https://example.org/' }] });
		await expectConsistent();
		await db.indicator.update({ where: { id: other.id }, data: { target: 2, baseline: 12 } });
		await expectConsistent();
		await db.indicator.update({ where: { id: other.id }, data: { position: first.position + 100 } });
		await expectConsistent();
		// Deleting the indicator deletes its values too (cascade): the measure falls back to the next one.
		await db.indicator.update({ where: { id: other.id }, data: { position: first.position - 1 } });
		await db.indicator.delete({ where: { id: other.id } });
		await expectConsistent();
	});

	it('stay right through status changes and retirement (read live from the measure)', async () => {
		const row = await db.measure.update({ where: { id: m12 }, data: { status: 'DONE', progressMethod: 'MANUAL', progressManual: 40 } });
		await expectConsistent();
		await retireMeasure(db, actors.admin, { slug: DEFAULT_PLAN_SLUG, measureId: m12, version: row.version, reason: 'Fusionnée' });
		const [rollup] = await measureRollups(db, planId, [m12]);
		expect(rollup).toMatchObject({ retired: true, status: 'DONE', progress: { value: 40 } });
		await expectConsistent();
	});

	it('are removed with their measure, and bulk inserts (a generated plan) are summed per measure', async () => {
		const axis = await db.axis.findFirstOrThrow({ where: { planId } });
		const doomed = await newMeasure(db, axis.id);
		await newMilestone(db, doomed.id, { weight: 3 });
		expect(await db.measureRollup.findUnique({ where: { measureId: doomed.id } })).toMatchObject({ totalWeight: 3 });
		await db.measure.delete({ where: { id: doomed.id } });
		expect(await db.measureRollup.findUnique({ where: { measureId: doomed.id } })).toBeNull();
		await expectConsistent();
		const { planId: largeId } = await createLargePlan(db, { slug: 'rollups-large', measures: 300, milestonesPerMeasure: 7 });
		const [expected, actual] = await Promise.all([recomputed(db), stored(db)]);
		expect(actual).toEqual(expected);
		expect(actual.filter((r) => r.id.startsWith('rollups-large-'))).toHaveLength(300);
		expect((await measureRollups(db, largeId)).every((r) => r.progress.value !== null)).toBe(true);
	});

	it('keep both of two transactions adding milestones to one measure at the same time', async () => {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let firstInserted!: () => void;
		const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
		const first = db.$transaction(async (tx) => {
			await tx.milestone.create({ data: { measureId: m11, title: 'Parallèle A', weight: 10, position: 90 } });
			firstInserted();
			await held;
		});
		await inserted;
		const second = db.$transaction(async (tx) => {
			await tx.milestone.create({ data: { measureId: m11, title: 'Parallèle B', weight: 20, position: 91 } });
		});
		// The second waits on the first's lock of the roll-up row; let the first commit.
		setTimeout(release, 200);
		await Promise.all([first, second]);
		await expectConsistent();
	});
});

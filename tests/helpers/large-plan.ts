// A large synthetic plan, for query-count tests and benchmarks: N measures spread over axes, each
// with milestones, one indicator with values and a few published updates. Batched createMany calls.
import type { Db } from '../../src/lib/server/db';

export interface LargePlanOptions {
	slug: string;
	measures: number;
	milestonesPerMeasure: number;
	axes?: number;
	updatesPerMeasure?: number;
	/** Synthetic audit events spread over the measures (history pages, time travel). */
	auditEvents?: number;
}

const BATCH = 2000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
	for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function createLargePlan(db: Db, options: LargePlanOptions): Promise<{ planId: string }> {
	const { slug, measures, milestonesPerMeasure } = options;
	const axisCount = options.axes ?? 10;
	const updates = options.updatesPerMeasure ?? 2;
	const planId = `${slug}-plan`;
	const ownerId = `${slug}-owner`;
	await db.owner.create({ data: { id: ownerId, code: `GEN_${slug.replace(/[^a-z0-9]/gi, '_').toUpperCase()}`, name: 'Équipe générée' } });
	await db.plan.create({ data: { id: planId, slug, title: `Plan généré (${measures} mesures)` } });
	await db.axis.createMany({
		data: Array.from({ length: axisCount }, (_, a) => ({ id: `${slug}-axis-${a}`, planId, number: a + 1, title: `Axe ${a + 1}`, position: a }))
	});
	const measureRows = Array.from({ length: measures }, (_, m) => {
		const axis = m % axisCount;
		return {
			id: `${slug}-m-${m}`,
			planId,
			axisId: `${slug}-axis-${axis}`,
			number: `${axis + 1}.${Math.floor(m / axisCount) + 1}`,
			position: m,
			title: `Mesure générée ${m}`,
			description: `Description de la mesure générée ${m}.`,
			leadOwnerId: ownerId,
			status: (['IN_PROGRESS', 'DONE', 'NOT_STARTED', null] as const)[m % 4],
			progressMethod: 'MILESTONES' as const
		};
	});
	await insertInBatches(measureRows, (data) => db.measure.createMany({ data }));
	const milestoneRows = measureRows.flatMap((m, i) =>
		Array.from({ length: milestonesPerMeasure }, (_, k) => ({
			measureId: m.id,
			title: `Jalon ${k + 1}`,
			plannedDate: new Date(Date.UTC(2022 + (k % 4), (i + k) % 12, 1)),
			plannedPrecision: 'MONTH' as const,
			doneOn: k % 3 === 0 ? new Date(Date.UTC(2022, 5, 1)) : null,
			weight: 1 + (k % 3),
			position: k
		}))
	);
	await insertInBatches(milestoneRows, (data) => db.milestone.createMany({ data }));
	const updateRows = measureRows.flatMap((m) =>
		Array.from({ length: updates }, (_, k) => ({
			planId,
			measureId: m.id,
			date: new Date(Date.UTC(2023, k, 15)),
			text: `Mise à jour ${k + 1} de ${m.title}.`,
			sourceUrls: ['https://example.org/source'],
			publishedAt: new Date(Date.UTC(2023, k, 15))
		}))
	);
	await insertInBatches(updateRows, (data) => db.progressUpdate.createMany({ data }));
	const indicatorRows = measureRows.map((m) => ({
		id: `${m.id}-ind`,
		measureId: m.id,
		name: 'Indicateur',
		unit: 'unités',
		baseline: 0,
		target: 100,
		position: 0
	}));
	await insertInBatches(indicatorRows, (data) => db.indicator.createMany({ data }));
	await insertInBatches(
		indicatorRows.flatMap((ind) =>
			[0, 1, 2].map((k) => ({ indicatorId: ind.id, date: new Date(Date.UTC(2022 + k, 0, 1)), value: 20 * (k + 1), sourceUrl: 'https://example.org/valeur' }))
		),
		(data) => db.indicatorValue.createMany({ data })
	);
	const events = options.auditEvents ?? 0;
	await insertInBatches(
		Array.from({ length: events }, (_, e) => {
			const measure = measureRows[e % measureRows.length]!;
			return {
				at: new Date(Date.UTC(2022, 0, 1) + e * 60_000),
				actorLabel: 'bench',
				actorRole: 'EDITOR',
				action: 'update',
				entityType: 'Measure',
				entityId: measure.id,
				planId,
				measureId: measure.id,
				before: { status: 'NOT_STARTED' },
				after: { status: 'IN_PROGRESS' }
			};
		}),
		(data) => db.auditEvent.createMany({ data })
	);
	return { planId };
}

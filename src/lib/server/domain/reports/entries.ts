// The per-measure entries of a report: built from the live data for a draft, frozen into
// ReportSnapshot rows at submission. One query set for the whole plan (no query per measure).
import type { Prisma } from '../../db/generated/client';
import type { Db } from '../../db';
import { measureProgress } from '../../../domain/progress';
import { toIsoDay, toIsoDayOrNull } from '../../../domain/dates';
import type { MeasureSnapshot } from '../../../domain/report-snapshot';
import { preciseOf } from '../measures/editing';

type DbOrTx = Db | Prisma.TransactionClient;

const day = toIsoDayOrNull;

export async function liveEntries(db: DbOrTx, planId: string, periodStart: Date, periodEnd: Date): Promise<MeasureSnapshot[]> {
	const measures = await db.measure.findMany({
		where: { planId },
		// The plan's order (1.1, 1.2, …, 2.1): measure positions restart in each axis.
		orderBy: [{ axis: { position: 'asc' } }, { position: 'asc' }, { id: 'asc' }],
		include: {
			milestones: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
			indicators: { orderBy: { position: 'asc' }, include: { values: { orderBy: [{ date: 'desc' }, { createdAt: 'desc' }], take: 1 } } },
			evidenceLinks: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] },
			progressUpdates: {
				where: { publishedAt: { not: null }, date: { gte: periodStart, lte: periodEnd } },
				orderBy: [{ date: 'asc' }, { createdAt: 'asc' }]
			}
		}
	});
	return measures.map((m) => {
		const indicators = m.indicators.map((i) => {
			const latest = i.values[0];
			return {
				id: i.id,
				name: i.name,
				unit: i.unit,
				latest: latest ? { date: toIsoDay(latest.date), value: latest.value } : null,
				baseline: i.baseline,
				target: i.target,
				direction: i.direction
			};
		});
		const first = indicators[0];
		const progress = measureProgress({
			method: m.progressMethod,
			manualValue: m.progressManual,
			milestones: m.milestones.map((ms) => ({ weight: ms.weight, doneOn: day(ms.doneOn) })),
			indicator: first ? { baseline: first.baseline, target: first.target, direction: first.direction, current: first.latest?.value ?? null } : null
		});
		return {
			measureId: m.id,
			number: m.number,
			title: m.title,
			status: m.status ?? 'NOT_REPORTED',
			progress: progress.value,
			confidence: m.confidence,
			confidenceExplanation: m.confidenceExplanation,
			milestones: m.milestones.map((ms) => ({ id: ms.id, title: ms.title, planned: preciseOf(ms.plannedDate, ms.plannedPrecision), doneOn: day(ms.doneOn) })),
			indicators: indicators.map(({ id, name, unit, latest }) => ({ id, name, unit, latest })),
			evidence: m.evidenceLinks.map((e) => ({ title: e.title, url: e.url, date: day(e.date) })),
			updates: m.progressUpdates.map((u) => ({ date: toIsoDay(u.date), text: u.text }))
		};
	});
}

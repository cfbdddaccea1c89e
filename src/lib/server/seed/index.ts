// Seeds the real plan idempotently. Every seeded row has an id derived from its natural key, and
// the seed only creates rows that are missing: running it twice adds nothing, and it never
// overwrites what staff edited since. Each created row gets its audit event, like any other write.
import { createHash } from 'node:crypto';
import type { Db } from '../db';
import type { Prisma } from '../db/generated/client';
import { recordAudits, SEED_ACTOR, type AuditInput } from '../audit';
import { parsePreciseDate, fromIsoDay, type PreciseDate } from '../../domain/dates';
import { loadPlanSource, type SourceFact } from './plan-source';
import { seedIndicators } from './indicators';

export const DEFAULT_PLAN_SLUG = 'plan-action-logiciels-libres-et-communs-numeriques';

function stableId(...parts: (string | number)[]): string {
	return 's' + createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 24);
}

function preciseDate(text: string): PreciseDate & { start: string } {
	const parsed = parsePreciseDate(text);
	if (!parsed?.start) throw new Error(`Seed data has an unreadable date: ${text}`);
	return parsed as PreciseDate & { start: string };
}

function evidenceKind(url: string): Prisma.EvidenceLinkCreateManyInput['kind'] {
	if (/github\.com|gitlab|git\.|sr\.ht/.test(url)) return 'SOURCE_CODE';
	if (/\.pdf($|\?)/i.test(url)) return 'DOCUMENT';
	if (/\/blog\/|actu|news/.test(url)) return 'ARTICLE';
	return 'WEBSITE';
}

/** "Billet « … » (11/05/2022)" → 2022-05-11: the titles carry the date the source gives. */
function dateInTitle(title: string): string | null {
	const match = /\((\d{2})\/(\d{2})\/(\d{4})/.exec(title);
	return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

interface Batch<T> {
	rows: (T & { id: string })[];
}

export interface SeedResult {
	planId: string;
	created: number;
}

/** The plan's teams on English pages (plan.json names them in French only; like the plan's English title, a translation). */
const OWNER_NAMES_EN: Record<string, string> = {
	POLE_LL: 'Free software expertise unit (Etalab, DINUM)',
	LABEL: 'LABEL mission (TECH.GOUV programme, DINUM)',
	TALENTS: 'TALENTS mission (TECH.GOUV programme, DINUM)',
	BETA: 'BETA mission (DINUM)',
	PILOT: 'PILOT mission (DINUM)'
};

export async function seedDefaultPlan(db: Db): Promise<SeedResult> {
	const source = loadPlanSource();
	const slug = DEFAULT_PLAN_SLUG;
	const planId = stableId('plan', slug);
	const ownerId = (code: string) => stableId('owner', code);
	const measureIdOf = (number: string) => stableId('measure', slug, number);

	const plan: Batch<Prisma.PlanCreateManyInput> = {
		rows: [
			{
				id: planId,
				slug,
				title: source.plan.title,
				titleEn: 'Action plan for free software and digital commons',
				summary:
					'Plan de la DINUM annoncé le 10 novembre 2021 : trois axes et dix mesures pour mieux connaître et utiliser les logiciels libres et les communs numériques, accompagner l’ouverture des codes sources de l’administration et renforcer l’attractivité de l’État-employeur auprès des talents du numérique. Le 24/02/2025, code.gouv.fr a marqué la page du plan « obsolète », conservée à des fins d’archivage ; Jalons en poursuit le suivi, mesure par mesure.',
				summaryEn:
					'DINUM plan announced on 10 November 2021: three axes and ten measures to better know and use free software and digital commons, support the opening of public source code, and make the State a more attractive employer for digital talent. On 24 February 2025, code.gouv.fr marked the plan’s page “obsolete”, kept for archival purposes; Jalons goes on tracking it, measure by measure.',
				adoptedOn: fromIsoDay(source.plan.adopted_on),
				// Its publisher declared it obsolete (see the summary), but its record in Jalons stays open:
				// archiving here would make it read-only, and documenting what became of each measure is
				// the tracker's work (README, "Plans: draft, active, archived").
				status: 'ACTIVE',
				sourceUrls: source.plan.source_urls,
				notes: source.plan.notes,
				isDefault: true
			}
		]
	};

	const owners: Batch<Prisma.OwnerCreateManyInput> = {
		// The plan's owners are all DINUM teams (plan.json names them so).
		rows: source.owners.map((o) => ({
			id: ownerId(o.code),
			code: o.code,
			name: o.name,
			nameEn: OWNER_NAMES_EN[o.code] ?? null,
			description: o.description,
			kind: 'DINUM_TEAM' as const
		}))
	};

	const axes: Batch<Prisma.AxisCreateManyInput> = {
		rows: source.axes.map((axis, index) => ({
			id: stableId('axis', slug, axis.number),
			planId,
			number: axis.number,
			title: axis.title,
			position: index,
			leadOwnerId: ownerId(axis.owner_code)
		}))
	};

	const measures: Batch<Prisma.MeasureCreateManyInput> = { rows: [] };
	const contributors: { measureId: string; ownerId: string; id: string }[] = [];
	const evidence: Batch<Prisma.EvidenceLinkCreateManyInput> = { rows: [] };
	const updates: Batch<Prisma.ProgressUpdateCreateManyInput> = { rows: [] };
	const toUpdate = (fact: SourceFact, measureId: string | null): Prisma.ProgressUpdateCreateManyInput & { id: string } => {
		const date = preciseDate(fact.date);
		return {
			id: stableId('update', slug, measureId ?? 'plan', fact.date, fact.text),
			planId,
			measureId,
			date: fromIsoDay(date.start),
			datePrecision: date.precision,
			text: fact.text,
			sourceUrls: [fact.source_url],
			publishedAt: fromIsoDay(date.start)
		};
	};

	for (const axis of source.axes) {
		axis.measures.forEach((m, index) => {
			const measureId = measureIdOf(m.number);
			measures.rows.push({
				id: measureId,
				planId,
				axisId: stableId('axis', slug, axis.number),
				number: m.number,
				position: index,
				title: m.title,
				description: m.description,
				subActions: m.sub_actions,
				leadOwnerId: ownerId(m.owner_code),
				// No source gives a status or a percentage: both stay unknown ("non renseigné").
				status: null,
				progressMethod: 'MANUAL',
				progressManual: null
			});
			// The published text: actions are « conjointement portées par le pôle d’expertise logiciels libres ».
			if (m.owner_code !== 'POLE_LL') {
				contributors.push({ id: stableId('contributor', measureId, 'POLE_LL'), measureId, ownerId: ownerId('POLE_LL') });
			}
			m.evidence_links.forEach((link, position) => {
				const day = dateInTitle(link.title);
				evidence.rows.push({
					id: stableId('evidence', measureId, link.url),
					measureId,
					title: link.title,
					url: link.url,
					kind: evidenceKind(link.url),
					date: day ? fromIsoDay(day) : null,
					datePrecision: day ? 'DAY' : null,
					position
				});
			});
			for (const fact of m.known_progress) updates.rows.push(toUpdate(fact, measureId));
		});
	}
	for (const fact of source.plan.known_progress) updates.rows.push(toUpdate(fact, null));

	const indicators: Batch<Prisma.IndicatorCreateManyInput> = { rows: [] };
	const indicatorValues: Batch<Prisma.IndicatorValueCreateManyInput> = { rows: [] };
	seedIndicators.forEach((indicator, position) => {
		const measureId = measureIdOf(indicator.measureNumber);
		const indicatorId = stableId('indicator', measureId, indicator.name);
		indicators.rows.push({
			id: indicatorId,
			measureId,
			name: indicator.name,
			description: indicator.description,
			unit: indicator.unit,
			baseline: indicator.baseline,
			baselineDate: fromIsoDay(preciseDate(indicator.baselineDate).start),
			target: null,
			direction: 'UP',
			position
		});
		for (const value of indicator.values) {
			const date = preciseDate(value.date);
			indicatorValues.rows.push({
				id: stableId('indicator-value', indicatorId, value.date, value.value),
				indicatorId,
				date: fromIsoDay(date.start),
				datePrecision: date.precision,
				value: value.value,
				qualifier: value.qualifier ?? null,
				sourceUrl: value.sourceUrl,
				note: value.note ?? null
			});
		}
	});

	return db.$transaction(
		async (tx) => {
			const audits: AuditInput[] = [];
			const measureOf = new Map(measures.rows.map((m) => [m.id, m.id]));
			const missing = async <T extends { id: string }>(rows: T[], existing: (ids: string[]) => Promise<{ id: string }[]>): Promise<T[]> => {
				const found = new Set((await existing(rows.map((r) => r.id))).map((r) => r.id));
				return rows.filter((r) => !found.has(r.id));
			};
			const note = <T extends { id: string }>(entityType: string, rows: T[], measureIdOfRow?: (row: T) => string | null) => {
				for (const row of rows) {
					audits.push({
						action: 'create',
						entityType,
						entityId: row.id,
						planId,
						measureId: measureIdOfRow?.(row) ?? null,
						after: row
					});
				}
			};

			const newPlans = await missing(plan.rows, (ids) => tx.plan.findMany({ where: { id: { in: ids } }, select: { id: true } }));
			await tx.plan.createMany({ data: newPlans });
			note('Plan', newPlans);

			const newOwners = await missing(owners.rows, (ids) => tx.owner.findMany({ where: { id: { in: ids } }, select: { id: true } }));
			await tx.owner.createMany({ data: newOwners });
			note('Owner', newOwners);

			const newAxes = await missing(axes.rows, (ids) => tx.axis.findMany({ where: { id: { in: ids } }, select: { id: true } }));
			await tx.axis.createMany({ data: newAxes });
			note('Axis', newAxes);

			const newMeasures = await missing(measures.rows, (ids) => tx.measure.findMany({ where: { id: { in: ids } }, select: { id: true } }));
			await tx.measure.createMany({ data: newMeasures });
			note('Measure', newMeasures, (m) => m.id);

			const existingContributors = await tx.measureContributor.findMany({
				where: { measureId: { in: contributors.map((c) => c.measureId) } }
			});
			const contributorKey = (c: { measureId: string; ownerId: string }) => `${c.measureId}|${c.ownerId}`;
			const haveContributor = new Set(existingContributors.map(contributorKey));
			// Only for measures created now: a contributor removed later by staff must stay removed.
			const createdMeasureIds = new Set(newMeasures.map((m) => m.id));
			const newContributors = contributors.filter((c) => createdMeasureIds.has(c.measureId) && !haveContributor.has(contributorKey(c)));
			await tx.measureContributor.createMany({ data: newContributors.map(({ measureId, ownerId }) => ({ measureId, ownerId })) });
			note('MeasureContributor', newContributors, (c) => c.measureId);

			const newEvidence = await missing(evidence.rows, (ids) => tx.evidenceLink.findMany({ where: { id: { in: ids } }, select: { id: true } }));
			await tx.evidenceLink.createMany({ data: newEvidence });
			note('EvidenceLink', newEvidence, (e) => e.measureId);

			const newUpdates = await missing(updates.rows, (ids) => tx.progressUpdate.findMany({ where: { id: { in: ids } }, select: { id: true } }));
			await tx.progressUpdate.createMany({ data: newUpdates });
			note('ProgressUpdate', newUpdates, (u) => u.measureId ?? null);

			const newIndicators = await missing(indicators.rows, (ids) => tx.indicator.findMany({ where: { id: { in: ids } }, select: { id: true } }));
			await tx.indicator.createMany({ data: newIndicators });
			note('Indicator', newIndicators, (i) => measureOf.get(i.measureId) ?? null);

			const indicatorMeasure = new Map(indicators.rows.map((i) => [i.id, i.measureId]));
			const newValues = await missing(indicatorValues.rows, (ids) => tx.indicatorValue.findMany({ where: { id: { in: ids } }, select: { id: true } }));
			await tx.indicatorValue.createMany({ data: newValues });
			note('IndicatorValue', newValues, (v) => indicatorMeasure.get(v.indicatorId) ?? null);

			if (audits.length > 0) {
				await recordAudits(tx, SEED_ACTOR, audits);
			}
			return { planId, created: audits.length };
		},
		{ timeout: 120_000, maxWait: 30_000 }
	);
}

// Backup of one plan as JSON: export → import into an empty database → export again is identical,
// edits, drafts, re-plans and the audit log included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { measureId, seededActors } from '../helpers/editing';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { addMilestone, replanMilestone } from '../../src/lib/server/domain/measures/milestones';
import { saveUpdateDraft } from '../../src/lib/server/domain/measures/progress-updates';
import { exportPlan, importPlan, PlanTransferError } from '../../src/lib/server/maintenance/plan-transfer';

let source: TestDatabase;
let target: TestDatabase;
beforeAll(async () => {
	source = await freshDatabase({ plan: true });
	target = await freshDatabase();
});
afterAll(async () => {
	await source?.close();
	await target?.close();
});

describe('plan export and import', () => {
	it('round-trips a plan with edits into an empty database', async () => {
		const db = source.prisma;
		const actors = await seededActors(db);
		const m = await measureId(db, '2.1');
		const created = await addMilestone(db, actors.pole, {
			measureId: m,
			title: 'Jalon « exporté » <b>',
			description: 'ligne 1\nligne 2',
			weight: 3,
			planned: { start: '2025-01-01', precision: 'YEAR' } as never
		});
		const milestone = await db.milestone.findUniqueOrThrow({ where: { id: created.id } });
		await replanMilestone(db, actors.pole, {
			measureId: m,
			milestoneId: milestone.id,
			version: milestone.version,
			planned: { start: '2026-07-01', precision: 'QUARTER' } as never,
			reason: 'Retard'
		});
		await saveUpdateDraft(db, actors.pole, {
			measureId: m,
			updateId: null,
			version: null,
			date: { start: '2024-05-02', precision: 'DAY' },
			text: 'Brouillon ✓',
			blockers: null,
			nextSteps: null,
			sourceUrls: ['https://example.org/a']
		} as never);

		// An indicator fed from open data keeps its feed, with what the last fetch found.
		const indicator = await db.indicator.findFirstOrThrow({ where: { measure: { plan: { slug: DEFAULT_PLAN_SLUG } } }, orderBy: { id: 'asc' } });
		await db.indicatorFeed.create({
			data: { indicatorId: indicator.id, url: 'https://example.org/valeurs.csv', format: 'CSV', valuePath: 'total', schedule: 'DAILY', lastError: 'http', consecutiveFailures: 2 }
		});

		const first = await exportPlan(db, DEFAULT_PLAN_SLUG);
		expect(first.version).toBe(2);
		expect(first.tables.Measure?.length).toBe(10);
		expect(first.tables.IndicatorFeed).toMatchObject([{ indicatorId: indicator.id, url: 'https://example.org/valeurs.csv', consecutiveFailures: 2 }]);
		expect(first.tables.AuditEvent!.length).toBeGreaterThan(2);
		const copy = JSON.parse(JSON.stringify(first));
		const imported = await importPlan(target.prisma, copy);
		expect(imported.rows).toBeGreaterThan(50);
		const second = await exportPlan(target.prisma, DEFAULT_PLAN_SLUG);
		expect(JSON.stringify(second)).toBe(JSON.stringify(first));
		// The imported database keeps working: a new audit event gets a fresh id.
		const actorsThere = await seededActors(target.prisma);
		await saveUpdateDraft(target.prisma, actorsThere.pole, {
			measureId: m,
			updateId: null,
			version: null,
			date: { start: '2024-06-02', precision: 'DAY' },
			text: 'Après import',
			blockers: null,
			nextSteps: null,
			sourceUrls: []
		} as never);
		expect(await target.prisma.auditEvent.count()).toBe(first.tables.AuditEvent!.length + 1);
	});

	it('imports a file of the first version, which had no feeds', async () => {
		const doc = await exportPlan(source.prisma, DEFAULT_PLAN_SLUG);
		const { IndicatorFeed: feeds, ...older } = doc.tables;
		expect(feeds).toHaveLength(1);
		const empty = await freshDatabase();
		try {
			await importPlan(empty.prisma, { ...doc, version: 1, tables: older });
			const again = await exportPlan(empty.prisma, DEFAULT_PLAN_SLUG);
			expect(again.tables.IndicatorFeed).toEqual([]);
			expect(JSON.stringify({ ...again.tables, IndicatorFeed: feeds })).toBe(JSON.stringify(doc.tables));
		} finally {
			await empty.close();
		}
	});

	it('refuses a plan that is already there, and a malformed file, writing nothing', async () => {
		const doc = await exportPlan(source.prisma, DEFAULT_PLAN_SLUG);
		const before = await target.prisma.auditEvent.count();
		await expect(importPlan(target.prisma, doc)).rejects.toBeInstanceOf(PlanTransferError);
		await expect(importPlan(target.prisma, { ...doc, format: 'other' })).rejects.toBeInstanceOf(PlanTransferError);
		await expect(importPlan(target.prisma, { ...doc, tables: { ...doc.tables, User: [] } })).rejects.toBeInstanceOf(PlanTransferError);
		await expect(exportPlan(source.prisma, 'nope')).rejects.toBeInstanceOf(PlanTransferError);
		expect(await target.prisma.auditEvent.count()).toBe(before);
	});
});

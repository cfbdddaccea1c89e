// The dashboard at a past date rebuilds only the measures it shows in full; the roll-ups of the others
// come from narrow rows and a log folded by PostgreSQL (getPlanDashboardAt). It must give exactly the
// dashboard of the full replay (`dashboardAt` over the whole history, which the list and comparison
// pages still use), on every day of a history with many kinds of changes: statuses, progress,
// milestones, indicator values, axes and measures added, a measure moved, retired and reinstated,
// published updates, and drafts that never show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastAuditEventId, spreadOneADay } from '../helpers/audit-days';
import type { TestDatabase } from '../helpers/database';
import { measureId, seededEditingDatabase, type Actors, setMeasureStatus } from '../helpers/editing';
import * as make from '../factories';
import type { Db } from '../../src/lib/server/db';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { dashboardAt, getPlanDashboardAt, loadPlanHistory } from '../../src/lib/server/domain/time-travel/view';
import { addMilestone, setMilestoneDone, updateMilestone } from '../../src/lib/server/domain/measures/milestones';
import { addIndicatorValue } from '../../src/lib/server/domain/measures/indicator-values';
import { publishUpdate, saveUpdateDraft } from '../../src/lib/server/domain/measures/progress-updates';
import { addAxis, addMeasure, moveMeasure, proposeMove, reinstateMeasure, retireMeasure } from '../../src/lib/server/domain/plans/structure';
import { toIsoDay } from '../../src/lib/domain/dates';

let database: TestDatabase;
let db: Db;
let actors: Actors;
const slug = DEFAULT_PLAN_SLUG;
const FIRST_DAY = Date.UTC(2024, 0, 1);
let changeDays = 0;

const setStatus = (id: string, status: 'IN_PROGRESS' | 'DONE', progressMethod: 'MANUAL' | 'MILESTONES' | 'INDICATOR', progressManual: number | null) =>
	setMeasureStatus(db, actors.admin, id, status, progressMethod, progressManual);

const draft = (measure: string, text: string, date: string) =>
	saveUpdateDraft(db, actors.admin, {
		measureId: measure,
		updateId: null,
		version: null,
		date: { start: date, precision: 'DAY' },
		text,
		blockers: null,
		nextSteps: null,
		sourceUrls: []
	});

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	const since = await lastAuditEventId(db);
	const [m11, m12, m13, m14, m21, m22, m31, m32] = await Promise.all(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '3.1', '3.2'].map((n) => measureId(db, n)));
	const plan = await db.plan.findUniqueOrThrow({ where: { slug } });

	await setStatus(m11!, 'IN_PROGRESS', 'MANUAL', 40);
	await setStatus(m11!, 'DONE', 'MANUAL', 100);
	await setStatus(m21!, 'IN_PROGRESS', 'MILESTONES', null);
	const added = await addMilestone(db, actors.admin, { measureId: m21!, title: 'Ajouté', description: null, weight: 2, planned: { start: '2024-01-01', precision: 'MONTH' } });
	await setMilestoneDone(db, actors.admin, { measureId: m21!, milestoneId: added.id, version: 1, doneOn: '2024-01-10' });
	const row = await db.milestone.findUniqueOrThrow({ where: { id: added.id } });
	await updateMilestone(db, actors.admin, { measureId: m21!, milestoneId: added.id, version: row.version, title: row.title, description: null, weight: 5 });
	// A milestone no event mentions (as a bulk import leaves them): the dashboard sums such weights in SQL.
	await make.milestone(db, m21!, { title: 'Sans événement', weight: 3, doneOn: new Date(Date.UTC(2024, 0, 4)) });
	// Progress from the first indicator: its latest value known on the day is picked in SQL.
	await setStatus(m22!, 'IN_PROGRESS', 'INDICATOR', null);
	const indicator = await db.indicator.findFirst({ where: { measureId: m22! }, orderBy: { position: 'asc' } });
	if (indicator) {
		// A target, so that the value known on each day moves the progress (the real plan's indicators have none).
		await db.indicator.update({ where: { id: indicator.id }, data: { target: 100_000 } });
		await addIndicatorValue(db, actors.admin, {
			measureId: m22!,
			indicatorId: indicator.id,
			date: { start: '2024-01-05', precision: 'DAY' },
			value: 99999,
			qualifier: null,
			sourceUrl: 'https://code.gouv.fr/',
			note: null
		});
	}
	const r31 = await db.measure.findUniqueOrThrow({ where: { id: m31! } });
	await retireMeasure(db, actors.admin, { slug, measureId: m31!, version: r31.version, reason: 'Fusionnée' });
	const again = await db.measure.findUniqueOrThrow({ where: { id: m31! } });
	await reinstateMeasure(db, actors.admin, { slug, measureId: m31!, version: again.version });
	const r32 = await db.measure.findUniqueOrThrow({ where: { id: m32! } });
	await retireMeasure(db, actors.admin, { slug, measureId: m32!, version: r32.version, reason: 'Abandonnée' });
	const axis = await addAxis(db, actors.admin, { slug, title: 'Axe ajouté', titleEn: null });
	const lead = await db.owner.findFirstOrThrow();
	const axes = await db.axis.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
	await addMeasure(db, actors.admin, { slug, axisId: axis.id, title: 'Mesure ajoutée', titleEn: null, description: 'Nouvelle', leadOwnerId: lead.id, contributorOwnerIds: [] });
	await addMeasure(db, actors.admin, {
		slug,
		axisId: axes[0]!.id,
		title: 'Mesure 1 ajoutée',
		titleEn: null,
		description: 'Nouvelle',
		leadOwnerId: lead.id,
		contributorOwnerIds: []
	});
	const r14 = await db.measure.findUniqueOrThrow({ where: { id: m14! } });
	const proposal = await proposeMove(db, actors.admin, { slug, measureId: m14!, toAxisId: axes[1]!.id });
	await moveMeasure(db, actors.admin, { slug, measureId: m14!, toAxisId: axes[1]!.id, version: r14.version, newNumber: proposal.newNumber });
	// A draft never shows, whatever its date; a published update shows from its date.
	await draft(m12!, 'Brouillon jamais publié', '2023-06-01');
	const published = await draft(m13!, 'Mise à jour publiée', toIsoDay(new Date(Date.now() - 86_400_000)));
	await publishUpdate(db, actors.admin, { measureId: m13!, updateId: published.id, version: 1 });
	await setStatus(m12!, 'IN_PROGRESS', 'MANUAL', 10);

	// Spread the changes over days, one a day from 2024-01-01, so that each day sees a different plan.
	changeDays = await spreadOneADay(db, since, FIRST_DAY);
}, 120_000);
afterAll(async () => {
	await database?.close();
});

describe('the dashboard at a past date', () => {
	it('is the full replay on every day of the history, before it and today', async () => {
		const history = (await loadPlanHistory(db, slug))!;
		const days = [...Array.from({ length: changeDays + 3 }, (_, i) => toIsoDay(new Date(FIRST_DAY + (i - 1) * 86_400_000))), '2023-06-30', toIsoDay(new Date())];
		expect(days.length).toBeGreaterThan(20);
		for (const date of days) {
			const fast = (await getPlanDashboardAt(db, slug, date))!;
			expect({ ...fast, lastChangeAt: null }, date).toEqual(dashboardAt(history, date, null));
		}
		// The history did change the figures: the comparison above compared different plans.
		const first = dashboardAt(history, days[0]!, null);
		const last = dashboardAt(history, days.at(-1)!, null);
		expect(last.statusCounts).not.toEqual(first.statusCounts);
		expect(last.axes).toHaveLength(first.axes.length + 1);
		expect(JSON.stringify(last)).not.toContain('Brouillon jamais publié');
		expect(last.latestFact?.text).toBe('Mise à jour publiée');
		expect(last.retiredCount).toBe(1);
	});
});

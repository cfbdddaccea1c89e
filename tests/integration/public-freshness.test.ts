// Public pages date a plan or a measure from public changes only: internal and group comments,
// their moderation, council grades of an unpublished round, follows and notifications leave "last
// change", the recent changes list, history, time travel and feeds as they were; a public edit moves them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededEditingDatabase, measureId, type Actors } from '../helpers/editing';
import type { TestDatabase } from '../helpers/database';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { toIsoDay } from '../../src/lib/domain/dates';
import { getDashboardPage } from '../../src/lib/server/domain/plans/dashboard-page';
import { getMeasureDetail } from '../../src/lib/server/domain/measures/view';
import { getMeasureDetailAt, getPlanDashboardAt } from '../../src/lib/server/domain/time-travel/view';
import { getMeasureHistory } from '../../src/lib/server/domain/measures/history';
import { buildFeed } from '../../src/lib/server/feeds/plan-feed';
import { hideComment, postComment } from '../../src/lib/server/domain/comments/comments';
import { markAllRead, setFollowing } from '../../src/lib/server/domain/notifications/notifications';
import { createRound, submitRound } from '../../src/lib/server/domain/reports/rounds';
import { saveGrades } from '../../src/lib/server/domain/reports/opinions';
import { addMilestone } from '../../src/lib/server/domain/measures/milestones';
import { readContentVersion } from '../../src/lib/server/public-changes';
import type { Db } from '../../src/lib/server/db';

const slug = DEFAULT_PLAN_SLUG;
const NUMBER = '1.3';
let database: TestDatabase;
let db: Db;
let actors: Actors;
let measure: string;

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	measure = await measureId(db, NUMBER);
	// The seeded actors act as real accounts here (comments, follows and grades refer to users).
	for (const actor of [actors.label, actors.admin, actors.amdac]) {
		await db.user.create({ data: { id: actor.id, email: `${actor.id}@example.test`, displayName: actor.displayName, roles: [...actor.roles] } });
	}
	await db.user.create({ data: { id: actors.council.id, email: 'council@example.test', displayName: 'Claude', roles: ['COUNCIL'], councilEcosystem: true } });
	// Yesterday's import: anything recorded from now on is later than every public change so far.
	await db.$executeRaw`UPDATE "AuditEvent" SET "at" = "at" - interval '1 day'`;
}, 120_000);
afterAll(async () => {
	await database?.close();
});

/** Everything a public page derives from the audit log, as an anonymous reader sees it. */
async function publicView() {
	const today = toIsoDay(new Date());
	const page = await getDashboardPage(db, slug, null);
	const [detail, detailAt, dashboardAt, history, planFeed, measureFeed] = await Promise.all([
		getMeasureDetail(db, slug, NUMBER),
		getMeasureDetailAt(db, slug, NUMBER, today),
		getPlanDashboardAt(db, slug, today),
		getMeasureHistory(db, null, slug, NUMBER),
		buildFeed(db, slug, { kind: 'plan' }, 'https://jalons.test/flux/plan.atom'),
		buildFeed(db, slug, { kind: 'measure', number: NUMBER }, 'https://jalons.test/flux/mesure.atom')
	]);
	return {
		// The page cache's freshness: it moves only when a public page may show something new.
		contentVersion: await readContentVersion(db),
		planLastChange: page!.dashboard.lastChangeAt,
		recent: page!.agenda!.recent,
		measureLastChange: detail!.lastChangeAt,
		measureLastChangeAt: detailAt === 'absent' ? null : detailAt!.lastChangeAt,
		planLastChangeAt: dashboardAt!.lastChangeAt,
		history: history!.entries,
		planFeed,
		measureFeed
	};
}

describe('public freshness', () => {
	it('internal and group comments, moderation, grades of an unpublished round, follows and notifications change nothing public', async () => {
		const before = await publicView();
		expect(before.measureLastChange).not.toBeNull();

		const internal = await postComment(db, actors.label, { target: { type: 'MEASURE', measureId: measure }, body: 'Point interne', visibility: 'INTERNAL' });
		await postComment(db, actors.label, { target: { type: 'MEASURE', measureId: measure }, body: 'Point du groupe', visibility: 'WORKING_GROUP' });
		const version = (await db.comment.findUniqueOrThrow({ where: { id: internal.id } })).version;
		await hideComment(db, actors.admin, { commentId: internal.id, version, reason: 'Hors sujet' });
		await setFollowing(db, actors.amdac, { measureId: measure, follow: true });
		await markAllRead(db, actors.amdac);

		const { id: roundId } = await createRound(db, actors.label, {
			planSlug: slug,
			title: 'Rapport T3 2026',
			periodStart: '2026-07-01',
			periodEnd: '2026-09-30',
			sections: { utiliser: 'Utiliser', publier: '', accompagner: '', attractivite: '', vieInterne: '' }
		});
		const round = () => db.reportRound.findUniqueOrThrow({ where: { id: roundId } });
		await submitRound(db, actors.label, { roundId, version: (await round()).version });
		expect(await saveGrades(db, actors.council, { roundId, version: (await round()).gradesVersion, grades: { [measure]: 'SUBSTANTIAL' } })).toEqual({ changed: 1 });

		// The writes did happen, with their audit events on this measure and plan…
		expect(await db.auditEvent.count({ where: { measureId: measure, entityType: { in: ['Comment', 'MeasureGrade'] } } })).toBeGreaterThanOrEqual(4);
		// …and a reader of the public pages cannot tell.
		expect(await publicView()).toEqual(before);
	});

	it('a public edit dates the measure and the plan, and puts the measure first among recent changes', async () => {
		const before = await publicView();
		await addMilestone(db, actors.label, { measureId: measure, title: 'Jalon public', description: null, weight: 1, planned: null });
		const after = await publicView();
		expect(after.measureLastChange).not.toBe(before.measureLastChange);
		expect(Date.parse(after.measureLastChange!)).toBeGreaterThan(Date.parse(before.measureLastChange!));
		expect(after.planLastChange).toBe(after.measureLastChange);
		expect(after.measureLastChangeAt).toBe(after.measureLastChange);
		expect(after.recent[0]?.number).toBe(NUMBER);
		expect(after.history.length).toBe(before.history.length + 1);
		expect(after.contentVersion).not.toBe(before.contentVersion);
	});
});

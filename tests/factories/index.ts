// Test data from factories: each function writes one row (with what it needs) with defaults a test
// overrides only where its assertion depends on the value, so a test states its own numbers instead
// of leaning on the real plan's. Plain Prisma writes: arranging a state, not exercising the domain
// (no audit events; a test that needs history makes it through the domain functions).
import type { Db } from '../../src/lib/server/db';
import type { Prisma } from '../../src/lib/server/db/generated/client';

let sequence = 0;
/** A number unique in this test file, for slugs, codes and e-mail addresses. */
const next = () => ++sequence;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export async function owner(db: Db, data: Partial<Prisma.OwnerUncheckedCreateInput> = {}) {
	const n = next();
	return db.owner.create({ data: { code: `TEAM_${n}`, name: `Équipe ${n}`, ...data } });
}

export async function plan(db: Db, data: Partial<Prisma.PlanUncheckedCreateInput> = {}) {
	const n = next();
	return db.plan.create({ data: { slug: `plan-${n}`, title: `Plan d'essai ${n}`, adoptedOn: day('2025-01-15'), sourceUrls: [], notes: [], ...data } });
}

export async function axis(db: Db, planId: string, data: Partial<Prisma.AxisUncheckedCreateInput> = {}) {
	const number = data.number ?? (await db.axis.count({ where: { planId } })) + 1;
	return db.axis.create({ data: { planId, number, position: number, title: `Axe ${number}`, ...data } });
}

/** A measure numbered "<axis>.<n>" in the given axis, led by `leadOwnerId` (a new team when absent). */
export async function measure(db: Db, axisId: string, data: Partial<Prisma.MeasureUncheckedCreateInput> = {}) {
	const { planId, number: axisNumber } = await db.axis.findUniqueOrThrow({ where: { id: axisId }, select: { planId: true, number: true } });
	const position = data.position ?? (await db.measure.count({ where: { axisId } })) + 1;
	const leadOwnerId = data.leadOwnerId ?? (await owner(db)).id;
	return db.measure.create({
		data: {
			planId,
			axisId,
			number: `${axisNumber}.${position}`,
			position,
			title: `Mesure ${axisNumber}.${position}`,
			description: 'Description de la mesure.',
			subActions: [],
			...data,
			leadOwnerId
		}
	});
}

export async function milestone(db: Db, measureId: string, data: Partial<Prisma.MilestoneUncheckedCreateInput> = {}) {
	const position = data.position ?? (await db.milestone.count({ where: { measureId } })) + 1;
	return db.milestone.create({ data: { measureId, position, title: `Jalon ${position}`, plannedDate: day('2026-06-30'), plannedPrecision: 'DAY', ...data } });
}

/** An evidence link of a measure, last in its order. */
export async function evidenceLink(db: Db, measureId: string, data: Partial<Prisma.EvidenceLinkUncheckedCreateInput> = {}) {
	const n = next();
	const position = data.position ?? (await db.evidenceLink.count({ where: { measureId } }));
	return db.evidenceLink.create({ data: { measureId, position, title: `Preuve ${n}`, url: `https://example.org/preuve-${n}`, kind: 'DOCUMENT', ...data } });
}

/** A progress update of a measure: a draft without sources unless told otherwise. */
export async function progressUpdate(db: Db, measureId: string, data: Partial<Prisma.ProgressUpdateUncheckedCreateInput> = {}) {
	const { planId } = await db.measure.findUniqueOrThrow({ where: { id: measureId }, select: { planId: true } });
	return db.progressUpdate.create({ data: { planId, measureId, date: day('2026-01-15'), text: `Mise à jour ${next()}`, sourceUrls: [], ...data } });
}

export async function user(db: Db, data: Partial<Prisma.UserUncheckedCreateInput> & { teamIds?: string[] } = {}) {
	const n = next();
	const { teamIds = [], ...fields } = data;
	return db.user.create({
		data: { email: `personne${n}@example.gouv.fr`, displayName: `Personne ${n}`, roles: ['EDITOR'], ...fields, teams: { create: teamIds.map((ownerId) => ({ ownerId })) } }
	});
}

/** A comment on a measure (or, with `milestoneId`, on a milestone), public unless told otherwise. */
export async function comment(db: Db, authorId: string, data: Partial<Prisma.CommentUncheckedCreateInput> & ({ measureId: string } | { milestoneId: string })) {
	const targetType = 'milestoneId' in data && data.milestoneId ? 'MILESTONE' : 'MEASURE';
	return db.comment.create({ data: { targetType, authorId, visibility: 'PUBLIC', body: `Commentaire ${next()}`, ...data } });
}

export async function round(db: Db, planId: string, data: Partial<Prisma.ReportRoundUncheckedCreateInput> = {}) {
	return db.reportRound.create({ data: { planId, title: `Rapport ${next()}`, periodStart: day('2026-01-01'), periodEnd: day('2026-03-31'), sections: {}, ...data } });
}

/** A plan with `axes` axes of `measures` measures each, every measure led by one team: the usual small arrangement. */
export async function smallPlan(db: Db, shape: { axes?: number; measures?: number; plan?: Partial<Prisma.PlanUncheckedCreateInput> } = {}) {
	const created = await plan(db, shape.plan);
	const team = await owner(db);
	const axes = [];
	const measures = [];
	for (let a = 0; a < (shape.axes ?? 2); a++) {
		const ax = await axis(db, created.id);
		axes.push(ax);
		for (let m = 0; m < (shape.measures ?? 2); m++) measures.push(await measure(db, ax.id, { leadOwnerId: team.id }));
	}
	return { plan: created, team, axes, measures };
}

// Read models of the report pages. The public pages call them with viewer = null, so that a draft or
// submitted round, or an opinion that is not published, is simply not found (a 404), even by URL.
import type { Db } from '../../db';
import {
	canCreateReportRound,
	canDecideOpinionPublication,
	canDraftOpinion,
	canEditOpinion,
	canEditReportRound,
	canGradeMeasures,
	canManagePlan,
	canPublishReportRound,
	canRespondToOpinion,
	canSeeGrades,
	canSeePublicationDecision,
	canSubmitReportRound,
	canViewOpinion,
	canViewReportRound,
	canVoteOnOpinion,
	type CouncilFlags,
	type OpinionState,
	type ReportStatus,
	type Viewer
} from '../../policies';
import { toIsoDay } from '../../../domain/dates';
import { diffSnapshots, REPORT_SECTION_KEYS, type CompletionGrade, type MeasureChange, type MeasureSnapshot, type ReportSections } from '../../../domain/report-snapshot';
import { defaultQuorum, tallyVotes, type AdoptionTally, type VoteChoice } from '../../../domain/adoption';
import { liveEntries } from './entries';
import { sectionsOf } from './rounds';
import { councilFlags, ecosystemMemberIds, opinionState } from './opinions';
import { renderMarkdown } from '../../markdown';

const renderSections = (sections: ReportSections): ReportSections => Object.fromEntries(REPORT_SECTION_KEYS.map((key) => [key, renderMarkdown(sections[key])])) as ReportSections;

interface RoundSummary {
	id: string;
	title: string;
	periodStart: string;
	periodEnd: string;
	status: ReportStatus;
	submittedAt: string | null;
	publishedAt: string | null;
}

export interface OpinionView {
	id: string;
	title: string;
	text: string;
	/** The text rendered from the safe Markdown subset (src/lib/server/markdown.ts). */
	textHtml: string;
	date: string;
	version: number;
	state: OpinionState;
	adoptedAt: string | null;
	response: string | null;
	responseHtml: string | null;
	respondedAt: string | null;
	/** The secretariat's decision: shown to signed-in users only. */
	decision: { publish: boolean; decidedAt: string } | null;
	/** Internal only. */
	tally: AdoptionTally | null;
	myVote: VoteChoice | null;
	can: { edit: boolean; vote: boolean; respond: boolean; decide: boolean };
}

export interface RoundView {
	/** `titleEn`: the plan's English title, for `/en` pages (null: the French one). */
	plan: { slug: string; title: string; titleEn: string | null };
	/** `sectionsHtml`: the sections rendered from the safe Markdown subset. */
	/** `gradesVersion`: the grades form's version (optimistic concurrency, apart from the round's). */
	round: RoundSummary & { sections: ReportSections; sectionsHtml: ReportSections; version: number; gradesVersion: number };
	entries: MeasureSnapshot[];
	/** False for a draft: the entries are the live data, frozen only at submission. */
	frozen: boolean;
	previous: { id: string; title: string } | null;
	changes: MeasureChange[];
	grades: Record<string, CompletionGrade> | null;
	opinions: OpinionView[];
	can: { edit: boolean; submit: boolean; publish: boolean; draftOpinion: boolean; grade: boolean; seeDecision: boolean };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summary(r: { id: string; title: string; periodStart: Date; periodEnd: Date; status: ReportStatus; submittedAt: Date | null; publishedAt: Date | null }): RoundSummary {
	return {
		id: r.id,
		title: r.title,
		periodStart: toIsoDay(r.periodStart),
		periodEnd: toIsoDay(r.periodEnd),
		status: r.status,
		submittedAt: iso(r.submittedAt),
		publishedAt: iso(r.publishedAt)
	};
}

/** The rounds of a plan the viewer may see, latest period first; null when the plan does not exist. */
export async function listRounds(db: Db, viewer: Viewer, slug: string) {
	const plan = await db.plan.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, titleEn: true, version: true, councilQuorum: true, status: true } });
	if (!plan) return null;
	const rows = await db.reportRound.findMany({ where: { planId: plan.id }, orderBy: [{ periodEnd: 'desc' }, { createdAt: 'desc' }] });
	// An archived plan's rounds are read-only (requireWritablePlan refuses every command): no forms.
	const writable = plan.status !== 'ARCHIVED';
	const manage = writable && canManagePlan(viewer);
	return {
		plan: { slug: plan.slug, title: plan.title, titleEn: plan.titleEn },
		rounds: rows.filter((r) => canViewReportRound(viewer, r)).map(summary),
		canCreate: writable && canCreateReportRound(viewer),
		/** The quorum setting, for admins only. */
		quorum: manage ? { version: plan.version, value: plan.councilQuorum, defaultValue: defaultQuorum((await ecosystemMemberIds(db)).length) } : null
	};
}

const snapshotsOf = async (db: Db, roundId: string) =>
	(await db.reportSnapshot.findMany({ where: { roundId }, orderBy: { position: 'asc' } })).map((s) => s.data as unknown as MeasureSnapshot);

export async function getRound(db: Db, viewer: Viewer, slug: string, roundId: string): Promise<RoundView | null> {
	const round = await db.reportRound.findFirst({
		where: { id: roundId, plan: { slug } },
		include: { plan: { select: { slug: true, title: true, titleEn: true, councilQuorum: true, status: true } } }
	});
	if (!round || !canViewReportRound(viewer, round)) return null;
	// An archived plan's rounds are read-only (requireWritablePlan refuses every command): no forms.
	const writable = round.plan.status !== 'ARCHIVED';
	const frozen = round.status !== 'DRAFT';
	const internal = canSeePublicationDecision(viewer);
	const [entries, previous, opinionRows, gradeRows, flags, electorate] = await Promise.all([
		frozen ? snapshotsOf(db, round.id) : liveEntries(db, round.planId, round.periodStart, round.periodEnd),
		db.reportRound.findFirst({
			where: { planId: round.planId, id: { not: round.id }, status: { not: 'DRAFT' }, periodEnd: { lt: round.periodEnd } },
			orderBy: [{ periodEnd: 'desc' }, { submittedAt: 'desc' }],
			select: { id: true, title: true, status: true }
		}),
		db.opinion.findMany({ where: { roundId: round.id }, orderBy: [{ date: 'asc' }, { createdAt: 'asc' }], include: { votes: { select: { voterId: true, choice: true } } } }),
		db.measureGrade.findMany({ where: { roundId: round.id } }),
		viewer ? councilFlags(db, viewer.id) : Promise.resolve<CouncilFlags | null>(null),
		// The tallies are counted from the votes loaded above, against one electorate: a fixed number
		// of queries whatever the number of opinions (tests/integration/report-query-count.test.ts).
		internal ? ecosystemMemberIds(db) : Promise.resolve<string[]>([])
	]);
	// The comparison shows only what the viewer may see of the previous round.
	const previousVisible = previous && canViewReportRound(viewer, previous) ? previous : null;
	const changes = previousVisible ? diffSnapshots(await snapshotsOf(db, previousVisible.id), entries) : [];
	const opinionPublished = opinionRows.some((o) => o.publish === true);
	const sections = sectionsOf(round.sections);
	const opinions: OpinionView[] = [];
	for (const o of opinionRows) {
		const ref = { state: opinionState(o), voteCount: o.votes.length };
		if (!canViewOpinion(viewer, ref, round)) continue;
		opinions.push({
			id: o.id,
			title: o.title,
			text: o.text,
			textHtml: renderMarkdown(o.text),
			date: toIsoDay(o.date),
			version: o.version,
			state: ref.state,
			adoptedAt: iso(o.adoptedAt),
			response: o.response,
			responseHtml: o.response === null ? null : renderMarkdown(o.response),
			respondedAt: iso(o.respondedAt),
			decision: internal && o.publish !== null && o.decidedAt ? { publish: o.publish, decidedAt: o.decidedAt.toISOString() } : null,
			tally: internal ? tallyVotes({ votes: o.votes, ecosystemMemberIds: electorate, quorumSetting: round.plan.councilQuorum }) : null,
			myVote: (viewer && o.votes.find((v) => v.voterId === viewer.id)?.choice) ?? null,
			can: {
				edit: writable && canEditOpinion(viewer, ref),
				vote: writable && canVoteOnOpinion(viewer, ref),
				respond: writable && canRespondToOpinion(viewer, ref),
				decide: writable && canDecideOpinionPublication(viewer, flags, ref)
			}
		});
	}
	const gradeState = { status: round.status, opinionPublished };
	return {
		plan: { slug: round.plan.slug, title: round.plan.title, titleEn: round.plan.titleEn },
		round: { ...summary(round), sections, sectionsHtml: renderSections(sections), version: round.version, gradesVersion: round.gradesVersion },
		entries,
		frozen,
		previous: previousVisible ? { id: previousVisible.id, title: previousVisible.title } : null,
		changes,
		grades: canSeeGrades(viewer, gradeState) ? Object.fromEntries(gradeRows.map((g) => [g.measureId, g.grade])) : null,
		opinions,
		can: {
			edit: writable && canEditReportRound(viewer, round),
			submit: writable && canSubmitReportRound(viewer, round),
			publish: writable && canPublishReportRound(viewer, round),
			draftOpinion: writable && canDraftOpinion(viewer, round),
			grade: writable && canGradeMeasures(viewer, gradeState),
			seeDecision: internal
		}
	};
}

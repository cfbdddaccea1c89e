// The one place where access rules live: pure functions of (who acts, on what). Routes and domain
// functions enforce them; the UI only receives the booleans they compute. Deny by default.

export const ROLES = ['ADMIN', 'EDITOR', 'AMDAC', 'COUNCIL'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in user as the policies see them. Anonymous visitors are `null`. */
export interface Actor {
	id: string;
	displayName: string;
	roles: readonly Role[];
	/** Owner ids of the teams the user belongs to (LABEL, TALENTS…). */
	teamIds: readonly string[];
}

export type Viewer = Actor | null;

/** What the policies need to know about a measure: who carries it. */
export interface MeasureOwnership {
	leadOwnerId: string;
	contributorOwnerIds: readonly string[];
	/** Retired from the plan: read-only for everyone (an admin reinstates it from the plan's structure). */
	retired?: boolean;
}

function hasRole(viewer: Viewer, role: Role): boolean {
	return viewer !== null && viewer.roles.includes(role);
}

const isAdmin = (viewer: Viewer) => hasRole(viewer, 'ADMIN');

/**
 * The roles that edit the measures their teams carry: mission staff (editors) and AMDAC members who
 * belong to their ministry's team. Roles stay additive: an AMDAC member keeps every right of the role.
 */
const TEAM_EDITING_ROLES: readonly Role[] = ['EDITOR', 'AMDAC'];
const editsForTeams = (viewer: Viewer) => TEAM_EDITING_ROLES.some((role) => hasRole(viewer, role));

function isOnTeamOf(viewer: Viewer, measure: MeasureOwnership): boolean {
	if (!viewer) return false;
	return viewer.teamIds.includes(measure.leadOwnerId) || measure.contributorOwnerIds.some((id) => viewer.teamIds.includes(id));
}

/** Internal content (drafts, staff names, working notes): any signed-in role. */
export function canViewInternal(viewer: Viewer): boolean {
	return viewer !== null && viewer.roles.length > 0;
}

/** Measure fields, milestones, evidence, indicator values and progress updates of one measure. */
export function canEditMeasure(viewer: Viewer, measure: MeasureOwnership): boolean {
	if (measure.retired === true) return false;
	if (isAdmin(viewer)) return true;
	return editsForTeams(viewer) && isOnTeamOf(viewer, measure);
}

/** Publishing an update makes it public: same people as editing the measure. */
export function canPublishUpdate(viewer: Viewer, measure: MeasureOwnership): boolean {
	return canEditMeasure(viewer, measure);
}

/** Changing a measure's owners moves it between teams: admins only. */
export function canChangeMeasureOwners(viewer: Viewer): boolean {
	return isAdmin(viewer);
}

export function canManageUsers(viewer: Viewer): boolean {
	return isAdmin(viewer);
}

/** Owner teams (organisations: DINUM teams, ministries, operators): admins, like the accounts that belong to them. */
export function canManageTeams(viewer: Viewer): boolean {
	return isAdmin(viewer);
}

/** Plan settings (title, status, whether staff names are public). */
export function canManagePlan(viewer: Viewer): boolean {
	return isAdmin(viewer);
}

/** Any measure at all: used to show the "edit" entry points in navigation. */
export function canEditSomething(viewer: Viewer): boolean {
	return isAdmin(viewer) || (editsForTeams(viewer) && (viewer?.teamIds.length ?? 0) > 0);
}

/** Booleans the measure page receives: the UI never re-implements a rule. */
export function measurePermissions(viewer: Viewer, measure: MeasureOwnership) {
	return {
		edit: canEditMeasure(viewer, measure),
		publishUpdate: canPublishUpdate(viewer, measure),
		changeOwners: canChangeMeasureOwners(viewer) && measure.retired !== true,
		viewInternal: canViewInternal(viewer)
	};
}

/** Drafts and other unpublished work of a measure: every signed-in role reads internal content. */
export function canViewDrafts(viewer: Viewer): boolean {
	return canViewInternal(viewer);
}

/**
 * Names of the staff who made a change. The public sees them only when the plan says so; staff
 * always see who did what.
 */
export function canSeeStaffNames(viewer: Viewer, plan: { showStaffNames: boolean }): boolean {
	return plan.showStaffNames || canViewInternal(viewer);
}

// --- Comments, follows and notifications -------------------------------------------------------

export const COMMENT_VISIBILITIES = ['PUBLIC', 'WORKING_GROUP', 'INTERNAL'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

/** How long an author may correct their comment. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;

/** Mission staff: admins, and editors who belong to at least one owner team (not AMDAC members of a ministry's team). */
const isStaff = (viewer: Viewer) => isAdmin(viewer) || (hasRole(viewer, 'EDITOR') && (viewer?.teamIds.length ?? 0) > 0);

/** AMDAC members, council members, editors and admins take part in the discussion. */
export function canComment(viewer: Viewer): boolean {
	return ROLES.some((role) => hasRole(viewer, role));
}

/** Public: everyone; working group: every signed-in role; internal: staff (admins and editors). */
export function canSeeComment(viewer: Viewer, visibility: CommentVisibility): boolean {
	if (visibility === 'PUBLIC') return true;
	if (visibility === 'WORKING_GROUP') return canComment(viewer);
	return isStaff(viewer);
}

/** Posting with a visibility: only to an audience the author belongs to. */
export function canPostComment(viewer: Viewer, visibility: CommentVisibility): boolean {
	return canComment(viewer) && canSeeComment(viewer, visibility);
}

/** The author, within 15 minutes of posting, while the comment is not hidden. */
export function canEditComment(
	viewer: Viewer,
	comment: { authorId: string; createdAt: Date; hiddenAt: Date | null; visibility: CommentVisibility },
	now: Date = new Date()
): boolean {
	if (!viewer || viewer.id !== comment.authorId || comment.hiddenAt) return false;
	if (!canPostComment(viewer, comment.visibility)) return false;
	const age = now.getTime() - comment.createdAt.getTime();
	return age >= 0 && age < COMMENT_EDIT_WINDOW_MS;
}

/** Hiding and restoring comments: admins. */
export function canModerate(viewer: Viewer): boolean {
	return isAdmin(viewer);
}

/** Following a measure (in-app notifications, daily digest): every signed-in role. */
export function canFollow(viewer: Viewer): boolean {
	return canComment(viewer);
}

// ——— Reporting rounds and CLL council opinions ———

export type ReportStatus = 'DRAFT' | 'SUBMITTED' | 'PUBLISHED';
export interface ReportRoundState {
	status: ReportStatus;
}
/** DRAFT: voting open; ADOPTED: votes reached the rule; then the secretariat's decision. */
export type OpinionState = 'DRAFT' | 'ADOPTED' | 'PUBLISHED' | 'PRIVATE';
export interface OpinionRef {
	state: OpinionState;
	/** Votes already cast: the text is fixed once voting started. */
	voteCount: number;
}
/** The council flags of a user, loaded from their account (they are not on the session). */
export interface CouncilFlags {
	councilEcosystem: boolean;
	councilSecretariat: boolean;
}

const isCouncil = (viewer: Viewer) => hasRole(viewer, 'COUNCIL');
const underReview = (round: ReportRoundState) => round.status === 'SUBMITTED' || round.status === 'PUBLISHED';

/** The staff workspace of reports (list of every round, creation form). */
export function canCreateReportRound(viewer: Viewer): boolean {
	return isStaff(viewer);
}

/** A round is public once published; drafts are the staff's; submitted rounds are read by every signed-in role. */
export function canViewReportRound(viewer: Viewer, round: ReportRoundState): boolean {
	if (round.status === 'PUBLISHED') return true;
	if (round.status === 'DRAFT') return isStaff(viewer);
	return canViewInternal(viewer);
}

/** Title, period, sections: staff, while the round is a draft. Submitted and published rounds are frozen. */
export function canEditReportRound(viewer: Viewer, round: ReportRoundState): boolean {
	return isStaff(viewer) && round.status === 'DRAFT';
}

export function canSubmitReportRound(viewer: Viewer, round: ReportRoundState): boolean {
	return canEditReportRound(viewer, round);
}

/** Publishing makes the round public for good: admins (the mission's lead) only. */
export function canPublishReportRound(viewer: Viewer, round: ReportRoundState): boolean {
	return isAdmin(viewer) && round.status === 'SUBMITTED';
}

/** Council members draft opinions on rounds submitted to them. */
export function canDraftOpinion(viewer: Viewer, round: ReportRoundState): boolean {
	return isCouncil(viewer) && underReview(round);
}

export function canEditOpinion(viewer: Viewer, opinion: OpinionRef): boolean {
	return isCouncil(viewer) && opinion.state === 'DRAFT' && opinion.voteCount === 0;
}

/** Every council member may vote; only the votes of "écosystème" members count (see domain/adoption.ts). */
export function canVoteOnOpinion(viewer: Viewer, opinion: OpinionRef): boolean {
	return isCouncil(viewer) && opinion.state === 'DRAFT';
}

/** DINUM's written response to an adopted opinion, until the secretariat decides. */
export function canRespondToOpinion(viewer: Viewer, opinion: OpinionRef): boolean {
	return isAdmin(viewer) && opinion.state === 'ADOPTED';
}

/** Publish or keep private: a council member holding the secretariat flag, once, on an adopted opinion. */
export function canDecideOpinionPublication(viewer: Viewer, flags: CouncilFlags | null, opinion: OpinionRef): boolean {
	return isCouncil(viewer) && flags?.councilSecretariat === true && opinion.state === 'ADOPTED';
}

/** A published opinion is public; any other opinion is internal (a 404 to the public). */
export function canViewOpinion(viewer: Viewer, opinion: OpinionRef, round: ReportRoundState): boolean {
	if (opinion.state === 'PUBLISHED' && round.status === 'PUBLISHED') return true;
	return canViewInternal(viewer) && canViewReportRound(viewer, round);
}

/** The council's decision and its date (publish or keep private) are shown to signed-in users. */
export function canSeePublicationDecision(viewer: Viewer): boolean {
	return canViewInternal(viewer);
}

/** Completion grades: the council, on a round under review, until one of its opinions is published. */
export function canGradeMeasures(viewer: Viewer, round: ReportRoundState & { opinionPublished: boolean }): boolean {
	return isCouncil(viewer) && underReview(round) && !round.opinionPublished;
}

/** Grades are shown to the public once an opinion of the round is published; staff and council see them earlier. */
export function canSeeGrades(viewer: Viewer, round: ReportRoundState & { opinionPublished: boolean }): boolean {
	if (round.status === 'PUBLISHED' && round.opinionPublished) return true;
	return canViewInternal(viewer) && round.status !== 'DRAFT';
}

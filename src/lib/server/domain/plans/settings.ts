// A plan's record and life cycle, for admins (issue 11): create (a draft or an active plan), edit its
// settings, archive it (the tracker closes the record: read-only for everyone, still public) and
// reopen it. Every write is audited in its transaction; the Plan events move the page cache's content
// version (public-changes.ts), so a plan that becomes public, or a draft again, shows at once.
import type { Db } from '../../db';
import type { Prisma } from '../../db/generated/client';
import { auditActor, recordAudit } from '../../audit';
import { canManagePlan, type Actor, type Viewer } from '../../policies';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors';
import { claimFormToken, type OneTimeForm } from '../submissions';
import { fromIsoDay, todayIso, toIsoDay, toIsoDayOrNull } from '../../../domain/dates';
import type { PlanStatusKey } from '../../../domain/plan-status';
import { requireWritablePlan } from './writable';

/** What a plan's settings form edits; the status there is draft or active (archiving is its own command). */
export interface PlanSettingsFields {
	title: string;
	titleEn: string | null;
	summary: string | null;
	summaryEn: string | null;
	adoptedOn: string | null;
	sourceUrls: string[];
	contentLicence: string;
	contentLicenceUrl: string | null;
	status: 'DRAFT' | 'ACTIVE';
	showStaffNames: boolean;
}

export interface PlanCreateFields extends PlanSettingsFields {
	slug: string;
}

export interface ArchiveFields {
	archivedOn: string;
	note: string | null;
	noteEn: string | null;
	/** The plan that follows this one, by slug ("suivi par"); null: none. */
	successor: string | null;
}

export interface PlanAdminRow {
	id: string;
	slug: string;
	title: string;
	status: PlanStatusKey;
	adoptedOn: string | null;
	archivedOn: string | null;
	measures: number;
	isDefault: boolean;
}

export interface PlanSettings extends PlanSettingsFields {
	id: string;
	slug: string;
	version: number;
	/** The stored status: ARCHIVED shows the reopen form instead of the settings. */
	stored: PlanStatusKey;
	archivedOn: string | null;
	archiveNote: string | null;
	archiveNoteEn: string | null;
	successor: { slug: string; title: string } | null;
	measures: number;
}

/** Paths under /admin/plans/ that are pages, not plans: a plan named so would have no settings page. */
const RESERVED_SLUGS = new Set(['nouveau', 'import']);

const select = {
	id: true,
	slug: true,
	title: true,
	titleEn: true,
	summary: true,
	summaryEn: true,
	adoptedOn: true,
	sourceUrls: true,
	contentLicence: true,
	contentLicenceUrl: true,
	status: true,
	showStaffNames: true,
	version: true,
	archivedOn: true,
	archiveNote: true,
	archiveNoteEn: true,
	successorPlanId: true,
	successorPlan: { select: { slug: true, title: true } },
	_count: { select: { measures: true } }
} as const satisfies Prisma.PlanSelect;

type Row = Prisma.PlanGetPayload<{ select: typeof select }>;

function requireManager(actor: Viewer): Actor {
	if (!actor || !canManagePlan(actor)) throw new ForbiddenError();
	return actor;
}

const fieldsOf = (row: Omit<Row, 'status' | '_count' | 'successorPlan'> & { status: PlanStatusKey }): PlanSettingsFields => ({
	title: row.title,
	titleEn: row.titleEn,
	summary: row.summary,
	summaryEn: row.summaryEn,
	adoptedOn: toIsoDayOrNull(row.adoptedOn),
	sourceUrls: row.sourceUrls,
	contentLicence: row.contentLicence,
	contentLicenceUrl: row.contentLicenceUrl || null,
	// An archived plan's settings form is not shown; its fields read as those of an active plan.
	status: row.status === 'DRAFT' ? 'DRAFT' : 'ACTIVE',
	showStaffNames: row.showStaffNames
});

/** The settings alone, in the order fieldsOf gives them (so that JSON comparison finds no change). */
const settingsFieldsOf = (input: PlanSettingsFields): PlanSettingsFields => ({
	title: input.title,
	titleEn: input.titleEn,
	summary: input.summary,
	summaryEn: input.summaryEn,
	adoptedOn: input.adoptedOn,
	sourceUrls: input.sourceUrls,
	contentLicence: input.contentLicence,
	contentLicenceUrl: input.contentLicenceUrl,
	status: input.status,
	showStaffNames: input.showStaffNames
});

function settingsOf(row: Row): PlanSettings {
	return {
		id: row.id,
		slug: row.slug,
		version: row.version,
		...fieldsOf(row),
		stored: row.status,
		archivedOn: toIsoDayOrNull(row.archivedOn),
		archiveNote: row.archiveNote,
		archiveNoteEn: row.archiveNoteEn,
		successor: row.successorPlan,
		measures: row._count.measures
	};
}

/** The columns of the settings (the stored licence address is never null: '' means none). */
const columnsOf = (fields: PlanSettingsFields) => ({
	title: fields.title,
	titleEn: fields.titleEn,
	summary: fields.summary,
	summaryEn: fields.summaryEn,
	adoptedOn: fields.adoptedOn ? fromIsoDay(fields.adoptedOn) : null,
	sourceUrls: fields.sourceUrls,
	contentLicence: fields.contentLicence,
	contentLicenceUrl: fields.contentLicenceUrl ?? '',
	status: fields.status,
	showStaffNames: fields.showStaffNames
});

/** The unique index refused the slug: another plan has it (maybe created in the meantime). */
function slugTaken(error: unknown): never {
	if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002') throw new RuleError('plans.errors.slugTaken', 'slug');
	throw error;
}

/** Every plan, drafts included: active first, then drafts, then archived; the default plan first among equals. */
export async function listPlansForAdmin(db: Db, actor: Viewer): Promise<PlanAdminRow[]> {
	requireManager(actor);
	const rows = await db.plan.findMany({
		orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
		select: { id: true, slug: true, title: true, status: true, adoptedOn: true, archivedOn: true, isDefault: true, _count: { select: { measures: true } } }
	});
	const order: Record<PlanStatusKey, number> = { ACTIVE: 0, DRAFT: 1, ARCHIVED: 2 };
	return rows
		.map((row) => ({
			id: row.id,
			slug: row.slug,
			title: row.title,
			status: row.status,
			adoptedOn: toIsoDayOrNull(row.adoptedOn),
			archivedOn: toIsoDayOrNull(row.archivedOn),
			measures: row._count.measures,
			isDefault: row.isDefault
		}))
		.sort((a, b) => order[a.status] - order[b.status]);
}

export async function getPlanSettings(db: Db, actor: Viewer, slug: string): Promise<PlanSettings> {
	requireManager(actor);
	const row = await db.plan.findUnique({ where: { slug }, select });
	if (!row) throw new NotFoundError();
	return settingsOf(row);
}

/** The plans an archived plan may name as its successor: any other plan the public can see. */
export async function successorChoices(db: Db, actor: Viewer, slug: string): Promise<{ slug: string; title: string }[]> {
	requireManager(actor);
	return db.plan.findMany({ where: { slug: { not: slug }, status: { not: 'DRAFT' } }, orderBy: { title: 'asc' }, select: { slug: true, title: true } });
}

export async function createPlan(db: Db, actor: Viewer, input: PlanCreateFields & OneTimeForm): Promise<{ slug: string }> {
	const admin = requireManager(actor);
	if (RESERVED_SLUGS.has(input.slug)) throw new RuleError('plans.errors.slugReserved', 'slug');
	return db
		.$transaction(async (tx) => {
			await claimFormToken(tx, admin, input);
			if (await tx.plan.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw new RuleError('plans.errors.slugTaken', 'slug');
			const created = await tx.plan.create({ data: { slug: input.slug, notes: [], ...columnsOf(settingsFieldsOf(input)) }, select });
			await recordAudit(tx, auditActor(admin), {
				action: 'create',
				entityType: 'Plan',
				entityId: created.id,
				planId: created.id,
				after: { slug: created.slug, ...fieldsOf(created) }
			});
			return { slug: created.slug };
		})
		.catch(slugTaken);
}

/** Loads the plan for a versioned write; a stale version is a conflict with what is stored now. */
async function target(tx: Prisma.TransactionClient, slug: string, version: number): Promise<Row> {
	const row = await tx.plan.findUnique({ where: { slug }, select });
	if (!row) throw new NotFoundError();
	if (row.version !== version) throw new ConflictError({ version: row.version, ...fieldsOf(row) });
	return row;
}

async function save(tx: Prisma.TransactionClient, row: Row, data: Prisma.PlanUpdateManyMutationInput & { successorPlanId?: string | null }): Promise<void> {
	const { count } = await tx.plan.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
	if (count === 0) throw new ConflictError({ version: row.version, ...fieldsOf(row) });
}

/** Saves the settings of a draft or active plan loaded at `version`; an archived plan is read-only. */
export async function updatePlanSettings(db: Db, actor: Viewer, input: PlanSettingsFields & { slug: string; version: number }): Promise<{ changed: boolean }> {
	const admin = requireManager(actor);
	return db.$transaction(async (tx) => {
		const found = await tx.plan.findUnique({ where: { slug: input.slug }, select: { id: true } });
		if (!found) throw new NotFoundError();
		await requireWritablePlan(tx, found.id, { forUpdate: true });
		const row = await target(tx, input.slug, input.version);
		const before = fieldsOf(row);
		const after = settingsFieldsOf(input);
		if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false };
		await save(tx, row, columnsOf(after));
		await recordAudit(tx, auditActor(admin), { action: 'update', entityType: 'Plan', entityId: row.id, planId: row.id, before, after });
		return { changed: true };
	});
}

/**
 * Archives an active plan: from now on it is read-only for everyone (plans/writable.ts) and still
 * public. The day defaults to today and may be earlier (the record is often closed after the fact),
 * never later nor before the adoption; the successor is another public plan.
 */
export async function archivePlan(db: Db, actor: Viewer, input: ArchiveFields & { slug: string; version: number }, today = todayIso()): Promise<void> {
	const admin = requireManager(actor);
	await db.$transaction(async (tx) => {
		const row = await target(tx, input.slug, input.version);
		if (row.status === 'ARCHIVED') throw new RuleError('plans.errors.alreadyArchived');
		if (row.status === 'DRAFT') throw new RuleError('plans.errors.archiveDraft');
		if (input.archivedOn > today) throw new RuleError('plans.errors.archiveFuture', 'archivedOn');
		if (row.adoptedOn && input.archivedOn < toIsoDay(row.adoptedOn)) throw new RuleError('plans.errors.archiveBeforeAdoption', 'archivedOn');
		let successor: { id: string; slug: string } | null = null;
		if (input.successor) {
			if (input.successor === row.slug) throw new RuleError('plans.errors.successorSelf', 'successor');
			successor = await tx.plan.findFirst({ where: { slug: input.successor, status: { not: 'DRAFT' } }, select: { id: true, slug: true } });
			if (!successor) throw new RuleError('plans.errors.successorUnknown', 'successor');
		}
		await save(tx, row, {
			status: 'ARCHIVED',
			archivedOn: fromIsoDay(input.archivedOn),
			archiveNote: input.note,
			archiveNoteEn: input.noteEn,
			successorPlanId: successor?.id ?? null
		});
		await recordAudit(tx, auditActor(admin), {
			action: 'update',
			entityType: 'Plan',
			entityId: row.id,
			planId: row.id,
			before: { status: row.status },
			after: { status: 'ARCHIVED', archivedOn: input.archivedOn, archiveNote: input.note, archiveNoteEn: input.noteEn, successor: successor?.slug ?? null },
			reason: 'archive'
		});
	});
}

/** Reopens an archived plan (admins): editable again; the archive's date, note and successor are cleared (the audit keeps them). */
export async function reopenPlan(db: Db, actor: Viewer, input: { slug: string; version: number }): Promise<void> {
	const admin = requireManager(actor);
	await db.$transaction(async (tx) => {
		const row = await target(tx, input.slug, input.version);
		if (row.status !== 'ARCHIVED') throw new RuleError('plans.errors.notArchived');
		await save(tx, row, { status: 'ACTIVE', archivedOn: null, archiveNote: null, archiveNoteEn: null, successorPlanId: null });
		await recordAudit(tx, auditActor(admin), {
			action: 'update',
			entityType: 'Plan',
			entityId: row.id,
			planId: row.id,
			before: {
				status: row.status,
				archivedOn: toIsoDayOrNull(row.archivedOn),
				archiveNote: row.archiveNote,
				archiveNoteEn: row.archiveNoteEn,
				successor: row.successorPlan?.slug ?? null
			},
			after: { status: 'ACTIVE' },
			reason: 'reopen'
		});
	});
}

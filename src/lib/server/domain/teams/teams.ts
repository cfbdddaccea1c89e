// Owner teams: the organisations that carry measures (the plan's DINUM teams, ministries, operators).
// Admins create and edit them; people join them from the account admin. A team is never deleted
// here: measures and history keep pointing at it. Every write is audited in its transaction, and a
// change of name shows on public pages (public-changes.ts moves the page cache's version).
import type { Db } from '../../db';
import { auditActor, recordAudit } from '../../audit';
import { canManageTeams, type Actor, type Viewer } from '../../policies';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors';
import type { OwnerKind } from '../../db/generated/client';
import { claimFormToken, type OneTimeForm } from '../submissions';

export const OWNER_KINDS = ['DINUM_TEAM', 'MINISTRY', 'OPERATOR', 'OTHER'] as const satisfies readonly OwnerKind[];
export type { OwnerKind };

export interface TeamFields {
	code: string;
	name: string;
	nameEn: string | null;
	kind: OwnerKind;
	website: string | null;
	description: string | null;
}

export interface TeamRow extends TeamFields {
	id: string;
	version: number;
	members: number;
	measures: number;
}

const fieldsOf = (row: TeamFields): TeamFields => ({
	code: row.code,
	name: row.name,
	nameEn: row.nameEn,
	kind: row.kind,
	website: row.website,
	description: row.description
});

function requireManager(actor: Viewer): Actor {
	if (!actor || !canManageTeams(actor)) throw new ForbiddenError();
	return actor;
}

/** The unique index refused the code: another team has it (maybe created in the meantime). */
function codeTaken(error: unknown): never {
	if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002') throw new RuleError('teams.errors.codeTaken', 'code');
	throw error;
}

/** Every team with how many people belong to it and how many measures it leads or contributes to. */
export async function listTeamsForAdmin(db: Db, actor: Viewer): Promise<TeamRow[]> {
	requireManager(actor);
	const rows = await db.owner.findMany({
		orderBy: [{ kind: 'asc' }, { code: 'asc' }],
		include: { _count: { select: { members: true, leadMeasures: true, contributingMeasures: true } } }
	});
	return rows.map(({ _count, ...row }) => ({
		id: row.id,
		version: row.version,
		...fieldsOf(row),
		members: _count.members,
		measures: _count.leadMeasures + _count.contributingMeasures
	}));
}

export async function getTeam(db: Db, actor: Viewer, id: string): Promise<TeamFields & { id: string; version: number }> {
	requireManager(actor);
	const row = await db.owner.findUnique({ where: { id } });
	if (!row) throw new NotFoundError();
	return { id: row.id, version: row.version, ...fieldsOf(row) };
}

export async function createTeam(db: Db, actor: Viewer, input: TeamFields & OneTimeForm): Promise<{ id: string }> {
	const admin = requireManager(actor);
	return db
		.$transaction(async (tx) => {
			await claimFormToken(tx, admin, input);
			if (await tx.owner.findUnique({ where: { code: input.code }, select: { id: true } })) throw new RuleError('teams.errors.codeTaken', 'code');
			const created = await tx.owner.create({ data: fieldsOf(input) });
			await recordAudit(tx, auditActor(admin), { action: 'create', entityType: 'Owner', entityId: created.id, after: fieldsOf(created) });
			return { id: created.id };
		})
		.catch(codeTaken);
}

/** Saves a team loaded at `version`; a stale version is a conflict with what is stored now. */
export async function updateTeam(db: Db, actor: Viewer, input: TeamFields & { id: string; version: number }): Promise<{ changed: boolean }> {
	const admin = requireManager(actor);
	return db
		.$transaction(async (tx) => {
			const before = await tx.owner.findUnique({ where: { id: input.id } });
			if (!before) throw new NotFoundError();
			if (before.version !== input.version) throw new ConflictError({ version: before.version, ...fieldsOf(before) });
			const after = fieldsOf(input);
			if (JSON.stringify(after) === JSON.stringify(fieldsOf(before))) return { changed: false };
			const { count } = await tx.owner.updateMany({ where: { id: input.id, version: input.version }, data: { ...after, version: { increment: 1 } } });
			if (count === 0) throw new ConflictError({ version: before.version, ...fieldsOf(before) });
			await recordAudit(tx, auditActor(admin), { action: 'update', entityType: 'Owner', entityId: input.id, before: fieldsOf(before), after });
			return { changed: true };
		})
		.catch(codeTaken);
}

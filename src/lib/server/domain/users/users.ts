// Accounts: invitations, password resets and changes, roles and teams, disabling, sessions. Every write
// runs in one transaction with its audit event; audit events never hold a password hash or a token.
// Passwords are hashed before the transaction opens (argon2 is slow on purpose).
import type { Db } from '../../db';
import type { Prisma } from '../../db/generated/client';
import { auditActor, recordAudit, type AuditActor } from '../../audit';
import { canManageUsers, type Actor, type CouncilFlags, type Role, type Viewer } from '../../policies';
import { ForbiddenError, NotFoundError, RuleError } from '../errors';
import { emailHash, generateToken, hashToken, isTokenShaped, normaliseEmail } from '../../auth/tokens';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/password';
import { createSession, invalidateUserSessions, type SessionMeta } from '../../auth/session';
import { checkLoginThrottle, recordLoginAttempt, ThrottledError } from '../../auth/throttle';
import { settleAdoptions } from '../reports/opinions';

type Tx = Prisma.TransactionClient;
type TokenPurpose = 'INVITATION' | 'PASSWORD_RESET';

const HOUR = 60 * 60 * 1000;
const INVITATION_TTL_MS = 7 * 24 * HOUR;
/** Asked for by the owner of the mailbox: short. */
const SELF_RESET_TTL_MS = HOUR;
/** Sent by an admin, who may pass it on by hand: as long as an invitation. */
const ADMIN_RESET_TTL_MS = INVITATION_TTL_MS;
/** A new self-service reset link is not issued more often than this (mailbox flooding). */
const SELF_RESET_INTERVAL_MS = 5 * 60 * 1000;

export interface AccountInput {
	email: string;
	displayName: string;
	organisation: string | null;
	roles: Role[];
	/** Owner ids. */
	teamIds: string[];
}

const ANONYMOUS: AuditActor = { id: null, label: 'anonymous', role: null };

function requireManager(actor: Viewer): Actor {
	if (!actor || !canManageUsers(actor)) throw new ForbiddenError();
	return actor;
}

function checkPassword(password: string, email: string): void {
	const problem = passwordProblem(password, { email });
	if (problem) throw new RuleError(`auth.errors.${problem}`, 'password');
}

async function checkRolesAndTeams(tx: Tx, roles: readonly Role[], teamIds: readonly string[]): Promise<void> {
	if (roles.length === 0) throw new RuleError('auth.errors.rolesRequired', 'roles');
	if (roles.includes('EDITOR') && teamIds.length === 0) throw new RuleError('auth.errors.editorNeedsTeam', 'teamIds');
	const found = await tx.owner.count({ where: { id: { in: [...teamIds] } } });
	if (found !== new Set(teamIds).size) throw new RuleError('auth.errors.unknownTeam', 'teamIds');
}

// ——— Invitations and reset links ———

export async function inviteUser(db: Db, actor: Viewer, input: AccountInput, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
	const admin = requireManager(actor);
	const email = normaliseEmail(input.email);
	const token = generateToken();
	return db.$transaction(async (tx) => {
		if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new RuleError('auth.errors.emailTaken', 'email');
		await checkRolesAndTeams(tx, input.roles, input.teamIds);
		// A new invitation replaces the earlier ones: only the latest link works.
		await tx.userToken.updateMany({ where: { email, purpose: 'INVITATION', usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
		const row = await tx.userToken.create({
			data: {
				tokenHash: hashToken(token),
				purpose: 'INVITATION',
				email,
				roles: input.roles,
				teamIds: [...new Set(input.teamIds)],
				displayName: input.displayName,
				organisation: input.organisation,
				createdById: admin.id,
				createdAt: now,
				expiresAt: new Date(now.getTime() + INVITATION_TTL_MS)
			}
		});
		await recordAudit(tx, auditActor(admin), {
			action: 'create',
			entityType: 'UserInvitation',
			entityId: row.id,
			after: { email, displayName: row.displayName, organisation: row.organisation, roles: row.roles, teamIds: row.teamIds, expiresAt: row.expiresAt }
		});
		return { token, expiresAt: row.expiresAt };
	});
}

async function usableToken(db: Db | Tx, purpose: TokenPurpose, token: string, now: Date) {
	if (!isTokenShaped(token)) return null;
	const row = await db.userToken.findUnique({
		where: { tokenHash: hashToken(token) },
		include: { user: { select: { displayName: true, disabledAt: true } } }
	});
	if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return null;
	if (purpose === 'PASSWORD_RESET' && (!row.user || row.user.disabledAt)) return null;
	return row;
}

/** What a link page shows before its form is sent: null when the link cannot be used. */
export async function findUsableToken(db: Db, purpose: TokenPurpose, token: string, now = new Date()) {
	const row = await usableToken(db, purpose, token, now);
	return row ? { email: row.email, displayName: row.user?.displayName ?? row.displayName ?? row.email, expiresAt: row.expiresAt } : null;
}

/** Marks the link used; exactly one of two concurrent submissions wins. */
async function consume(tx: Tx, tokenId: string, now: Date): Promise<void> {
	const { count } = await tx.userToken.updateMany({ where: { id: tokenId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
	if (count !== 1) throw new RuleError('auth.errors.linkInvalid');
}

/** `ipAddress`: where the link was followed; it counts as a sign-in there for throttling. */
export async function acceptInvitation(db: Db, token: string, password: string, ipAddress: string | null, now = new Date()): Promise<{ userId: string; email: string }> {
	const row = await usableToken(db, 'INVITATION', token, now);
	if (!row) throw new RuleError('auth.errors.linkInvalid');
	checkPassword(password, row.email);
	const passwordHash = await hashPassword(password);
	return db.$transaction(async (tx) => {
		await consume(tx, row.id, now);
		if (await tx.user.findUnique({ where: { email: row.email }, select: { id: true } })) throw new RuleError('auth.errors.emailTaken');
		// Teams deleted since the invitation are left out rather than failing the whole account.
		const teams = await tx.owner.findMany({ where: { id: { in: row.teamIds } }, select: { id: true } });
		const user = await tx.user.create({
			data: {
				email: row.email,
				displayName: row.displayName ?? row.email,
				organisation: row.organisation,
				roles: row.roles,
				passwordHash,
				teams: { create: teams.map((team) => ({ ownerId: team.id })) }
			}
		});
		await tx.userToken.update({ where: { id: row.id }, data: { userId: user.id } });
		if (ipAddress) await recordLoginAttempt(tx, emailHash(user.email), ipAddress, true, now);
		await recordAudit(tx, auditActor({ ...user, teamIds: [] }), {
			action: 'create',
			entityType: 'User',
			entityId: user.id,
			after: { email: user.email, displayName: user.displayName, organisation: user.organisation, roles: user.roles, teamIds: teams.map((t) => t.id) },
			reason: `invitation ${row.id}`
		});
		return { userId: user.id, email: user.email };
	});
}

async function issueReset(tx: Tx, user: { id: string; email: string }, createdById: string | null, ttl: number, now: Date) {
	await tx.userToken.updateMany({ where: { userId: user.id, purpose: 'PASSWORD_RESET', usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
	const token = generateToken();
	const row = await tx.userToken.create({
		data: { tokenHash: hashToken(token), purpose: 'PASSWORD_RESET', email: user.email, userId: user.id, createdById, createdAt: now, expiresAt: new Date(now.getTime() + ttl) }
	});
	return { token, row };
}

/**
 * "Forgot my password". Returns the link to mail, or null when there is nothing to send (unknown or
 * disabled address, or a link sent minutes ago); the page answers the same in every case.
 */
export async function requestPasswordReset(db: Db, rawEmail: string, now = new Date()) {
	const email = normaliseEmail(rawEmail);
	return db.$transaction(async (tx) => {
		const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, displayName: true, disabledAt: true } });
		if (!user || user.disabledAt) return null;
		const recent = await tx.userToken.count({
			where: { userId: user.id, purpose: 'PASSWORD_RESET', usedAt: null, createdAt: { gt: new Date(now.getTime() - SELF_RESET_INTERVAL_MS) } }
		});
		if (recent > 0) return null;
		const { token, row } = await issueReset(tx, user, null, SELF_RESET_TTL_MS, now);
		await recordAudit(tx, ANONYMOUS, { action: 'create', entityType: 'PasswordReset', entityId: row.id, after: { userId: user.id, expiresAt: row.expiresAt } });
		return { token, expiresAt: row.expiresAt, email: user.email, displayName: user.displayName };
	});
}

export async function sendPasswordResetByAdmin(db: Db, actor: Viewer, userId: string, now = new Date()) {
	const admin = requireManager(actor);
	return db.$transaction(async (tx) => {
		const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, displayName: true, disabledAt: true } });
		if (!user) throw new NotFoundError();
		if (user.disabledAt) throw new RuleError('auth.errors.userDisabled');
		const { token, row } = await issueReset(tx, user, admin.id, ADMIN_RESET_TTL_MS, now);
		await recordAudit(tx, auditActor(admin), { action: 'create', entityType: 'PasswordReset', entityId: row.id, after: { userId: user.id, expiresAt: row.expiresAt } });
		return { token, expiresAt: row.expiresAt, email: user.email, displayName: user.displayName };
	});
}

/**
 * Sets the new password and ends every session of the account. Proving the mailbox also makes
 * `ipAddress` a usual address of the account, so a throttle raised by an attacker lets the owner in.
 */
export async function performPasswordReset(db: Db, token: string, password: string, ipAddress: string | null, now = new Date()): Promise<{ userId: string; email: string }> {
	const row = await usableToken(db, 'PASSWORD_RESET', token, now);
	if (!row?.userId) throw new RuleError('auth.errors.linkInvalid');
	checkPassword(password, row.email);
	const passwordHash = await hashPassword(password);
	const userId = row.userId;
	return db.$transaction(async (tx) => {
		await consume(tx, row.id, now);
		const user = await tx.user.update({ where: { id: userId }, data: { passwordHash } });
		const sessionsEnded = await invalidateUserSessions(tx, userId);
		if (ipAddress) await recordLoginAttempt(tx, emailHash(user.email), ipAddress, true, now);
		await recordAudit(tx, auditActor({ ...user, teamIds: [] }), {
			action: 'update',
			entityType: 'User',
			entityId: userId,
			after: { passwordChanged: true, sessionsEnded },
			reason: 'password reset'
		});
		return { userId, email: user.email };
	});
}

// ——— My account ———

export interface ChangePasswordInput extends SessionMeta {
	currentPassword: string;
	newPassword: string;
	ipAddress: string;
}

/**
 * Checks the current password (throttled like a login: a stolen session must not become a way to
 * guess it), sets the new one, ends every session and opens a fresh one for this browser.
 */
export async function changePassword(db: Db, actor: Viewer, input: ChangePasswordInput, now = new Date()) {
	if (!actor) throw new ForbiddenError();
	const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, passwordHash: true, disabledAt: true } });
	if (!user || user.disabledAt) throw new ForbiddenError();
	const hashedEmail = emailHash(user.email);
	const throttle = await checkLoginThrottle(db, hashedEmail, input.ipAddress, now);
	if (!throttle.allowed) throw new ThrottledError(throttle.retryAfterSeconds);
	if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
		await recordLoginAttempt(db, hashedEmail, input.ipAddress, false, now);
		throw new RuleError('auth.errors.currentPasswordWrong', 'currentPassword');
	}
	const problem = passwordProblem(input.newPassword, { email: user.email });
	if (problem) throw new RuleError(`auth.errors.${problem}`, 'newPassword');
	if (input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')) throw new RuleError('auth.errors.passwordSame', 'newPassword');
	const passwordHash = await hashPassword(input.newPassword);
	return db.$transaction(async (tx) => {
		await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
		const sessionsEnded = await invalidateUserSessions(tx, actor.id);
		const { token, session } = await createSession(tx, actor.id, { userAgent: input.userAgent, ipAddress: input.ipAddress }, now);
		await recordAudit(tx, auditActor(actor), {
			action: 'update',
			entityType: 'User',
			entityId: actor.id,
			after: { passwordChanged: true, sessionsEnded },
			reason: 'password change'
		});
		return { token, expiresAt: session.expiresAt };
	});
}

export async function listMySessions(db: Db, actor: Viewer, now = new Date()) {
	if (!actor) throw new ForbiddenError();
	return db.session.findMany({
		where: { userId: actor.id, expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
		orderBy: { lastSeenAt: 'desc' },
		select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true }
	});
}

export async function revokeMySession(db: Db, actor: Viewer, sessionId: string, currentSessionId: string | null): Promise<void> {
	if (!actor) throw new ForbiddenError();
	if (sessionId === currentSessionId) throw new RuleError('auth.errors.revokeCurrent');
	await db.$transaction(async (tx) => {
		// Scoped to the actor's own sessions: another user's session id finds nothing.
		const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId: actor.id } });
		if (count === 0) throw new RuleError('auth.errors.sessionNotFound');
		await recordAudit(tx, auditActor(actor), { action: 'update', entityType: 'User', entityId: actor.id, after: { sessionsEnded: 1 }, reason: 'session closed' });
	});
}

export async function revokeMyOtherSessions(db: Db, actor: Viewer, currentSessionId: string | null): Promise<number> {
	if (!actor) throw new ForbiddenError();
	return db.$transaction(async (tx) => {
		const count = await invalidateUserSessions(tx, actor.id, currentSessionId ?? undefined);
		await recordAudit(tx, auditActor(actor), { action: 'update', entityType: 'User', entityId: actor.id, after: { sessionsEnded: count }, reason: 'other sessions closed' });
		return count;
	});
}

// ——— Administration ———

export async function listUsers(db: Db, actor: Viewer, now = new Date()) {
	requireManager(actor);
	const [users, invitations] = await Promise.all([
		db.user.findMany({
			orderBy: [{ disabledAt: { sort: 'asc', nulls: 'first' } }, { displayName: 'asc' }],
			select: {
				id: true,
				email: true,
				displayName: true,
				organisation: true,
				roles: true,
				disabledAt: true,
				passwordHash: true,
				_count: { select: { identities: true } },
				teams: { select: { owner: { select: { code: true } } } }
			}
		}),
		db.userToken.findMany({
			where: { purpose: 'INVITATION', usedAt: null, expiresAt: { gt: now } },
			orderBy: { createdAt: 'desc' },
			select: { id: true, email: true, displayName: true, roles: true, expiresAt: true }
		})
	]);
	return {
		users: users.map(({ passwordHash, teams, _count, ...user }) => ({
			...user,
			hasPassword: passwordHash !== null,
			proConnect: _count.identities > 0,
			teams: teams.map((t) => t.owner.code)
		})),
		invitations
	};
}

export async function getUserForAdmin(db: Db, actor: Viewer, userId: string, now = new Date()) {
	requireManager(actor);
	const user = await db.user.findUnique({
		where: { id: userId },
		select: { id: true, email: true, displayName: true, organisation: true, roles: true, disabledAt: true, teams: { select: { ownerId: true } } }
	});
	if (!user) throw new NotFoundError();
	const sessions = await db.session.count({ where: { userId, expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } } });
	return { ...user, teamIds: user.teams.map((t) => t.ownerId), sessions };
}

/** The teams (owners) the actor belongs to, for their account page. */
export async function listMyTeams(db: Db, actor: Viewer) {
	if (!actor) throw new ForbiddenError();
	return db.owner.findMany({ where: { id: { in: [...actor.teamIds] } }, orderBy: { code: 'asc' }, select: { code: true, name: true } });
}

/** Teams a user can belong to: the plan's owners. */
export function listTeams(db: Db) {
	return db.owner.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } });
}

export async function updateUser(db: Db, actor: Viewer, userId: string, input: Omit<AccountInput, 'email'>): Promise<void> {
	const admin = requireManager(actor);
	if (userId === admin.id && !input.roles.includes('ADMIN')) throw new RuleError('auth.errors.cannotDemoteSelf', 'roles');
	await db.$transaction(async (tx) => {
		const before = await tx.user.findUnique({ where: { id: userId }, include: { teams: { select: { ownerId: true } } } });
		if (!before) throw new NotFoundError();
		await checkRolesAndTeams(tx, input.roles, input.teamIds);
		const teamIds = [...new Set(input.teamIds)].sort();
		await tx.user.update({ where: { id: userId }, data: { displayName: input.displayName, organisation: input.organisation, roles: input.roles } });
		await tx.userTeam.deleteMany({ where: { userId } });
		await tx.userTeam.createMany({ data: teamIds.map((ownerId) => ({ userId, ownerId })) });
		await recordAudit(tx, auditActor(admin), {
			action: 'update',
			entityType: 'User',
			entityId: userId,
			before: { displayName: before.displayName, organisation: before.organisation, roles: before.roles, teamIds: before.teams.map((t) => t.ownerId).sort() },
			after: { displayName: input.displayName, organisation: input.organisation, roles: input.roles, teamIds }
		});
		// A council role given or taken changes the council's electorate.
		await settleAdoptions(tx, auditActor(admin));
	});
}

/** Disabling ends the account's sessions and voids its outstanding links at once. */
export async function setUserDisabled(db: Db, actor: Viewer, userId: string, disabled: boolean, now = new Date()): Promise<void> {
	const admin = requireManager(actor);
	if (userId === admin.id) throw new RuleError('auth.errors.cannotDisableSelf');
	await db.$transaction(async (tx) => {
		const user = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
		if (!user) throw new NotFoundError();
		if ((user.disabledAt !== null) === disabled) return;
		await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? now : null } });
		let sessionsEnded = 0;
		if (disabled) {
			sessionsEnded = await invalidateUserSessions(tx, userId);
			await tx.userToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
		}
		await recordAudit(tx, auditActor(admin), {
			action: 'update',
			entityType: 'User',
			entityId: userId,
			before: { disabledAt: user.disabledAt },
			after: { disabledAt: disabled ? now : null, ...(disabled ? { sessionsEnded } : {}) },
			reason: disabled ? 'account disabled' : 'account enabled'
		});
		await settleAdoptions(tx, auditActor(admin), now);
	});
}

/**
 * Creates an account with a known password, with no policy check: only for the command line
 * (`npm run user:create`) and the embedded demo, whose callers already hold the database.
 * Never call it from a route.
 */
export async function createUserWithPassword(db: Db, by: AuditActor, input: AccountInput & { password: string; council?: CouncilFlags }): Promise<{ userId: string }> {
	const email = normaliseEmail(input.email);
	checkPassword(input.password, email);
	const passwordHash = await hashPassword(input.password);
	return db.$transaction(async (tx) => {
		if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new RuleError('auth.errors.emailTaken', 'email');
		await checkRolesAndTeams(tx, input.roles, input.teamIds);
		const teamIds = [...new Set(input.teamIds)];
		const user = await tx.user.create({
			data: {
				email,
				displayName: input.displayName,
				organisation: input.organisation,
				roles: input.roles,
				passwordHash,
				...input.council,
				teams: { create: teamIds.map((ownerId) => ({ ownerId })) }
			}
		});
		await recordAudit(tx, by, {
			action: 'create',
			entityType: 'User',
			entityId: user.id,
			after: { email, displayName: user.displayName, organisation: user.organisation, roles: user.roles, teamIds, ...input.council }
		});
		return { userId: user.id };
	});
}

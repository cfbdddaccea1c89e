// Accounts signed in through ProConnect. ProConnect proves who someone is; Jalons decides what they
// may do: only an existing account or a pending invitation lets an agent in. A linked identity is
// keyed on (idp_id, sub), so a later sign-in finds its account even after the agent's address
// changed; the first sign-in finds it by the address the identity provider vouches for.
import type { Db } from '../../db';
import type { Prisma } from '../../db/generated/client';
import { auditActor, recordAudit, type AuditActor } from '../../audit';
import type { Role, Viewer } from '../../policies';
import { ForbiddenError, RuleError } from '../errors';
import { emailHash, normaliseEmail } from '../../auth/tokens';
import { createSession, invalidateSession, type SessionMeta } from '../../auth/session';
import { recordLoginAttempt } from '../../auth/throttle';
import type { ProConnectIdentity } from '../../auth/proconnect';
import { settleAdoptions } from '../reports/opinions';

type Tx = Prisma.TransactionClient;

/** Roles whose holders may be held to a stronger authentication level (PROCONNECT_STAFF_ACR_VALUES). */
const STAFF_ROLES: readonly Role[] = ['ADMIN', 'EDITOR'];

export interface ProConnectLevels {
	/** Levels accepted for every account. */
	accepted: readonly string[];
	/** Levels accepted for administrators and editors. */
	staff: readonly string[];
}

export interface ProConnectSignInMeta extends SessionMeta {
	ipAddress: string;
	previousSessionId?: string | null;
}

export type ProConnectSignInResult =
	{ ok: true; token: string; expiresAt: Date; userId: string; linked: boolean; created: boolean } | { ok: false; reason: 'unknown' | 'disabled' | 'level' };

const SYSTEM: AuditActor = { id: null, label: 'proconnect', role: null };

/** Records a failed attempt: throttling counts it, and it is all that an unknown agent leaves behind. */
async function refuse(db: Db | Tx, email: string, ipAddress: string, now: Date, reason: 'unknown' | 'disabled' | 'level'): Promise<ProConnectSignInResult> {
	await recordLoginAttempt(db, emailHash(email), ipAddress, false, now);
	return { ok: false, reason };
}

/** An invitation still waiting for its account, for this address. */
function pendingInvitation(db: Db | Tx, email: string, now: Date) {
	return db.userToken.findFirst({ where: { purpose: 'INVITATION', email, usedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: 'desc' } });
}

/**
 * Signs an agent in once ProConnect's answer is verified (auth/proconnect.ts): finds the account (linked
 * identity, else address, else pending invitation, which then becomes the account), checks the
 * authentication level the account's roles require, links the identity, opens a session. Refusals
 * write nothing but the failed attempt, and for a known account, the refusal in the audit log.
 */
export async function signInWithProConnect(
	db: Db,
	levels: ProConnectLevels,
	identity: ProConnectIdentity,
	meta: ProConnectSignInMeta,
	now = new Date()
): Promise<ProConnectSignInResult> {
	const email = normaliseEmail(identity.email);
	const acr = identity.acr;
	if (!acr || !levels.accepted.includes(acr)) return refuse(db, email, meta.ipAddress, now, 'level');

	const linked = await db.federatedIdentity.findUnique({
		where: { idpId_sub: { idpId: identity.idpId, sub: identity.sub } },
		select: { id: true, user: { select: { id: true, email: true, displayName: true, roles: true, disabledAt: true } } }
	});
	const user = linked?.user ?? (await db.user.findUnique({ where: { email }, select: { id: true, email: true, displayName: true, roles: true, disabledAt: true } }));
	const invitation = user ? null : await pendingInvitation(db, email, now);
	if (!user && !invitation) return refuse(db, email, meta.ipAddress, now, 'unknown');
	if (user?.disabledAt) return refuse(db, email, meta.ipAddress, now, 'disabled');

	const roles = (user?.roles ?? invitation?.roles ?? []) as Role[];
	if (roles.some((role) => STAFF_ROLES.includes(role)) && !levels.staff.includes(acr)) {
		await db.$transaction(async (tx) => {
			await recordLoginAttempt(tx, emailHash(email), meta.ipAddress, false, now);
			await recordAudit(tx, user ? { id: user.id, label: user.displayName, role: null } : SYSTEM, {
				action: 'create',
				entityType: 'SignInRefusal',
				entityId: user?.id ?? invitation!.id,
				after: { method: 'proconnect', acr, required: levels.staff, idpId: identity.idpId },
				reason: 'refus : niveau d’authentification insuffisant'
			});
		});
		return { ok: false, reason: 'level' };
	}

	return db.$transaction(async (tx) => {
		let userId = user?.id;
		let created = false;
		if (!userId) {
			// The invitation becomes the account, with no password: ProConnect is its way in.
			const { count } = await tx.userToken.updateMany({ where: { id: invitation!.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
			if (count !== 1) throw new RuleError('auth.errors.linkInvalid');
			const teams = await tx.owner.findMany({ where: { id: { in: invitation!.teamIds } }, select: { id: true } });
			const name = [identity.givenName, identity.usualName].filter(Boolean).join(' ');
			const row = await tx.user.create({
				data: {
					email,
					displayName: invitation!.displayName ?? (name || email),
					organisation: invitation!.organisation,
					roles: invitation!.roles,
					teams: { create: teams.map((team) => ({ ownerId: team.id })) }
				}
			});
			await tx.userToken.update({ where: { id: invitation!.id }, data: { userId: row.id } });
			await recordAudit(tx, auditActor({ ...row, roles: row.roles, teamIds: [] }), {
				action: 'create',
				entityType: 'User',
				entityId: row.id,
				after: { email, displayName: row.displayName, organisation: row.organisation, roles: row.roles, teamIds: teams.map((t) => t.id), method: 'proconnect' },
				reason: `invitation ${invitation!.id} (ProConnect)`
			});
			if (row.roles.includes('COUNCIL')) await settleAdoptions(tx, SYSTEM, now);
			userId = row.id;
			created = true;
		}
		const actor: AuditActor = { id: userId, label: user?.displayName ?? email, role: null };
		if (linked) {
			// The address may have changed at the identity provider: the key stays, the copy follows.
			await tx.federatedIdentity.update({ where: { id: linked.id }, data: { email, siret: identity.siret, lastUsedAt: now } });
		} else {
			const row = await tx.federatedIdentity.create({
				data: { userId, idpId: identity.idpId, sub: identity.sub, email, siret: identity.siret, linkedAt: now, lastUsedAt: now }
			});
			await recordAudit(tx, actor, {
				action: 'create',
				entityType: 'FederatedIdentity',
				entityId: row.id,
				after: { userId, provider: 'proconnect', idpId: row.idpId, siret: row.siret },
				reason: 'identité liée'
			});
		}
		// Throttling knows accounts by their own address (User.email), as the password sign-in does.
		await recordLoginAttempt(tx, emailHash(user?.email ?? email), meta.ipAddress, true, now);
		if (meta.previousSessionId) await invalidateSession(tx, meta.previousSessionId);
		await tx.session.deleteMany({ where: { userId, OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] } });
		const { token, session } = await createSession(tx, userId, { userAgent: meta.userAgent, ipAddress: meta.ipAddress, idToken: identity.idToken }, now);
		await recordAudit(tx, actor, { action: 'create', entityType: 'ProConnectSignIn', entityId: userId, after: { idpId: identity.idpId, acr }, reason: 'connexion ProConnect' });
		return { ok: true as const, token, expiresAt: session.expiresAt, userId, linked: !linked, created };
	});
}

/** The ProConnect identities linked to the actor's account, for their account page. */
export async function listMyIdentities(db: Db, actor: Viewer) {
	if (!actor) throw new ForbiddenError();
	const [identities, user] = await Promise.all([
		db.federatedIdentity.findMany({
			where: { userId: actor.id },
			orderBy: { linkedAt: 'asc' },
			select: { id: true, idpId: true, email: true, siret: true, linkedAt: true, lastUsedAt: true }
		}),
		db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } })
	]);
	return { identities, hasPassword: Boolean(user?.passwordHash) };
}

/** Unlinks one of the actor's identities; refused when it would leave the account with no way in. */
export async function unlinkMyIdentity(db: Db, actor: Viewer, identityId: string): Promise<void> {
	if (!actor) throw new ForbiddenError();
	await db.$transaction(async (tx) => {
		const user = await tx.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
		const identity = await tx.federatedIdentity.findFirst({ where: { id: identityId, userId: actor.id } });
		if (!identity) throw new RuleError('auth.errors.identityNotFound');
		const others = await tx.federatedIdentity.count({ where: { userId: actor.id, id: { not: identityId } } });
		if (!user?.passwordHash && others === 0) throw new RuleError('auth.errors.unlinkNeedsPassword');
		await tx.federatedIdentity.delete({ where: { id: identity.id } });
		await recordAudit(tx, auditActor(actor), {
			action: 'delete',
			entityType: 'FederatedIdentity',
			entityId: identity.id,
			before: { userId: actor.id, provider: 'proconnect', idpId: identity.idpId, siret: identity.siret },
			reason: 'identité déliée'
		});
	});
}

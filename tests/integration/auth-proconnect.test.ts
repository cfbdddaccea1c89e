// The account-linking rules of a ProConnect sign-in (domain/users/proconnect.ts), on their own: the
// identity given here is what auth/proconnect.ts hands over once every signature is checked (the
// protocol half is tested against a real provider in tests/e2e/proconnect*.e2e.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { makeUser } from './auth-fixtures';
import { signInWithProConnect, unlinkMyIdentity, listMyIdentities, type ProConnectLevels } from '../../src/lib/server/domain/users/proconnect';
import { inviteUser, setUserDisabled } from '../../src/lib/server/domain/users/users';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { emailHash } from '../../src/lib/server/auth/tokens';
import type { ProConnectIdentity } from '../../src/lib/server/auth/proconnect';
import type { Actor, Role } from '../../src/lib/server/policies';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let admin: Actor & { email: string };

const t0 = new Date('2026-03-02T09:00:00Z');
const IDP = 'fia1v2-idp';
const BASIC = 'eidas1';
const TWO_FACTOR = 'https://proconnect.gouv.fr/assurance/self-asserted-2fa';
const LEVELS: ProConnectLevels = { accepted: [BASIC, TWO_FACTOR], staff: [TWO_FACTOR] };
const META = { ipAddress: '192.0.2.10', userAgent: 'Mozilla/5.0 Firefox/140.0' };

let subs = 0;
function identity(email: string, overrides: Partial<ProConnectIdentity> = {}): ProConnectIdentity {
	subs += 1;
	return { idpId: IDP, sub: `sub-${subs}`, email, givenName: 'Camille', usualName: 'Agent', siret: '13002526500013', acr: BASIC, idToken: `id-token-${subs}`, ...overrides };
}

const signIn = (who: ProConnectIdentity, now = t0) => signInWithProConnect(db, LEVELS, who, META, now);

async function signedInAs(result: Awaited<ReturnType<typeof signIn>>): Promise<string | undefined> {
	if (!result.ok) return undefined;
	return (await validateSessionToken(db, result.token, t0))?.user.id;
}

/** Every row a sign-in could write, the login attempts apart. */
async function rows() {
	return {
		users: await db.user.findMany({ select: { id: true, email: true, passwordHash: true, roles: true }, orderBy: { id: 'asc' } }),
		tokens: await db.userToken.findMany({ select: { id: true, usedAt: true, userId: true }, orderBy: { id: 'asc' } }),
		identities: await db.federatedIdentity.findMany({ orderBy: { id: 'asc' } }),
		sessions: await db.session.count(),
		teams: await db.userTeam.count(),
		audit: await db.auditEvent.count()
	};
}

const invite = (email: string, roles: Role[], teamIds: string[] = []) => inviteUser(db, admin, { email, displayName: 'Invitée', organisation: null, roles, teamIds }, t0);

const attempts = (email: string) => db.loginAttempt.findMany({ where: { emailHash: emailHash(email) }, select: { success: true, ipAddress: true } });

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	admin = await makeUser(db, ['ADMIN']);
});
afterAll(async () => {
	await database?.close();
});

describe('finding the account', () => {
	it('by the linked key (idp_id, sub) first, even when the address is another account’s', async () => {
		const agent = await makeUser(db, ['AMDAC']);
		const other = await makeUser(db, ['AMDAC']);
		const who = identity(agent.email);
		expect(await signedInAs(await signIn(who))).toBe(agent.id);
		// The identity provider now vouches for the other account's address: the key still decides.
		const later = await signIn({ ...who, email: other.email });
		expect(later).toMatchObject({ ok: true, linked: false, created: false });
		expect(await signedInAs(later)).toBe(agent.id);
		expect(await db.federatedIdentity.count({ where: { userId: other.id } })).toBe(0);
	});

	it('else by the address, whatever its case, and the identity is then linked to that account', async () => {
		const agent = await makeUser(db, ['AMDAC']);
		const who = identity(agent.email.toUpperCase());
		const result = await signIn(who);
		expect(result).toMatchObject({ ok: true, linked: true, created: false, userId: agent.id });
		expect(await signedInAs(result)).toBe(agent.id);
		const linked = await db.federatedIdentity.findUniqueOrThrow({ where: { idpId_sub: { idpId: IDP, sub: who.sub } } });
		expect(linked).toMatchObject({ userId: agent.id, email: agent.email, siret: '13002526500013', linkedAt: t0, lastUsedAt: t0 });
		const audit = await db.auditEvent.findMany({ where: { actorId: agent.id, entityType: { in: ['FederatedIdentity', 'ProConnectSignIn'] } }, select: { entityType: true } });
		expect(audit.map((a) => a.entityType).sort()).toEqual(['FederatedIdentity', 'ProConnectSignIn']);
		// The session keeps the ID token, for the logout through the provider.
		if (result.ok) expect((await db.session.findFirstOrThrow({ where: { userId: agent.id } })).idToken).toBe(who.idToken);
	});

	it('else by a pending invitation, which becomes the account: no password, the invitation’s roles and teams', async () => {
		const team = await db.owner.create({ data: { code: 'PC_TEAM', name: 'Équipe ProConnect' } });
		const email = 'invitee@agents.example.gouv.fr';
		await inviteUser(db, admin, { email, displayName: 'Camille Invitée', organisation: 'DINUM', roles: ['AMDAC'], teamIds: [team.id] }, t0);
		const result = await signIn(identity('Invitee@Agents.Example.Gouv.Fr'));
		expect(result).toMatchObject({ ok: true, linked: true, created: true });
		const user = await db.user.findUniqueOrThrow({ where: { email }, include: { teams: true } });
		expect(await signedInAs(result)).toBe(user.id);
		expect(user).toMatchObject({ passwordHash: null, roles: ['AMDAC'], displayName: 'Camille Invitée', organisation: 'DINUM' });
		expect(user.teams.map((t) => t.ownerId)).toEqual([team.id]);
		const invitation = await db.userToken.findFirstOrThrow({ where: { email, purpose: 'INVITATION' } });
		expect(invitation.usedAt).toEqual(t0);
		expect(invitation.userId).toBe(user.id);
		expect(await db.federatedIdentity.count({ where: { userId: user.id } })).toBe(1);
	});

	it('an expired or used invitation lets no one in', async () => {
		const email = 'late@agents.example.gouv.fr';
		await invite(email, ['AMDAC'], []);
		const eightDaysLater = new Date(t0.getTime() + 8 * 24 * 60 * 60 * 1000);
		expect(await signIn(identity(email), eightDaysLater)).toEqual({ ok: false, reason: 'unknown' });
		const used = 'used@agents.example.gouv.fr';
		await invite(used, ['AMDAC'], []);
		await db.userToken.updateMany({ where: { email: used }, data: { usedAt: t0 } });
		expect(await signIn(identity(used))).toEqual({ ok: false, reason: 'unknown' });
		expect(await db.user.count({ where: { email: { in: [email, used] } } })).toBe(0);
	});

	it('an unknown agent is refused, and nothing is written but the failed attempt', async () => {
		const email = 'nobody@agents.example.gouv.fr';
		const before = await rows();
		expect(await signIn(identity(email))).toEqual({ ok: false, reason: 'unknown' });
		expect(await rows()).toEqual(before);
		expect(await attempts(email)).toEqual([{ success: false, ipAddress: META.ipAddress }]);
	});

	it('a disabled account is refused, with no session and no link', async () => {
		const agent = await makeUser(db, ['AMDAC']);
		await setUserDisabled(db, admin, agent.id, true, t0);
		const before = await rows();
		expect(await signIn(identity(agent.email))).toEqual({ ok: false, reason: 'disabled' });
		expect(await rows()).toEqual(before);
	});
});

describe('authentication levels', () => {
	it('an identity without an accepted acr is refused before any account is looked at', async () => {
		const agent = await makeUser(db, ['AMDAC']);
		const before = await rows();
		for (const acr of [null, 'eidas0']) expect(await signIn(identity(agent.email, { acr }))).toEqual({ ok: false, reason: 'level' });
		expect(await rows()).toEqual(before);
	});

	it.each<[Role, string]>([
		['ADMIN', 'an administrator'],
		['EDITOR', 'an editor']
	])('%s: %s below the staff level is refused (audited, no session, no link), then let in with it', async (role) => {
		const staff = await makeUser(db, [role], role === 'EDITOR' ? ['PC_STAFF'] : []);
		const who = identity(staff.email, { acr: BASIC });
		const sessions = await db.session.count();
		expect(await signIn(who)).toEqual({ ok: false, reason: 'level' });
		expect(await db.session.count()).toBe(sessions);
		expect(await db.federatedIdentity.count({ where: { userId: staff.id } })).toBe(0);
		expect(await db.auditEvent.count({ where: { entityType: 'SignInRefusal', entityId: staff.id } })).toBe(1);
		expect(await attempts(staff.email)).toEqual([{ success: false, ipAddress: META.ipAddress }]);
		expect(await signedInAs(await signIn({ ...who, acr: TWO_FACTOR }))).toBe(staff.id);
	});

	it('an invitation to an editor’s role asks for the staff level too, and is not spent by a refusal', async () => {
		const team = await db.owner.create({ data: { code: 'PC_EDIT', name: 'Équipe rédaction' } });
		const email = 'future.editor@agents.example.gouv.fr';
		await invite(email, ['EDITOR'], [team.id]);
		expect(await signIn(identity(email, { acr: BASIC }))).toEqual({ ok: false, reason: 'level' });
		expect(await db.user.count({ where: { email } })).toBe(0);
		expect((await db.userToken.findFirstOrThrow({ where: { email } })).usedAt).toBeNull();
		expect(await signIn(identity(email, { acr: TWO_FACTOR }))).toMatchObject({ ok: true, created: true });
	});

	it('the basic level is enough for other roles', async () => {
		const council = await makeUser(db, ['COUNCIL']);
		expect(await signedInAs(await signIn(identity(council.email, { acr: BASIC })))).toBe(council.id);
	});
});

describe('a linked identity', () => {
	it('keeps its link when the address changes at the identity provider: the copy follows, the account’s address stays', async () => {
		const agent = await makeUser(db, ['AMDAC']);
		const who = identity(agent.email);
		await signIn(who);
		const later = new Date(t0.getTime() + 60_000);
		const result = await signIn({ ...who, email: 'New.Address@Agents.Example.Gouv.Fr', siret: null }, later);
		expect(result).toMatchObject({ ok: true, linked: false, userId: agent.id });
		const identities = await db.federatedIdentity.findMany({ where: { userId: agent.id } });
		expect(identities).toHaveLength(1);
		expect(identities[0]).toMatchObject({ email: 'new.address@agents.example.gouv.fr', siret: null, linkedAt: t0, lastUsedAt: later });
		expect((await db.user.findUniqueOrThrow({ where: { id: agent.id } })).email).toBe(agent.email);
	});

	it('is unlinked when the account keeps a password, with an audit event', async () => {
		const agent = await makeUser(db, ['AMDAC']);
		await signIn(identity(agent.email));
		const { identities, hasPassword } = await listMyIdentities(db, agent);
		expect(hasPassword).toBe(true);
		await unlinkMyIdentity(db, agent, identities[0]!.id);
		expect(await db.federatedIdentity.count({ where: { userId: agent.id } })).toBe(0);
		expect(await db.auditEvent.count({ where: { entityType: 'FederatedIdentity', entityId: identities[0]!.id, action: 'delete' } })).toBe(1);
	});

	it('is not unlinked when it is the account’s only way in; one of two is', async () => {
		const email = 'passwordless@agents.example.gouv.fr';
		await invite(email, ['AMDAC'], []);
		const first = await signIn(identity(email));
		if (!first.ok) throw new Error('the invitation should have let the agent in');
		const actor: Actor = { id: first.userId, displayName: email, roles: ['AMDAC'], teamIds: [] };
		const [only] = (await listMyIdentities(db, actor)).identities;
		await expect(unlinkMyIdentity(db, actor, only!.id)).rejects.toMatchObject({ messageKey: 'auth.errors.unlinkNeedsPassword' });
		expect(await db.federatedIdentity.count({ where: { userId: actor.id } })).toBe(1);
		// A second identity (another identity provider, same address) makes the first one removable.
		await signIn(identity(email, { idpId: 'another-idp' }));
		await unlinkMyIdentity(db, actor, only!.id);
		expect((await db.federatedIdentity.findMany({ where: { userId: actor.id } })).map((i) => i.idpId)).toEqual(['another-idp']);
	});

	it('of someone else cannot be unlinked', async () => {
		const owner = await makeUser(db, ['AMDAC']);
		const thief = await makeUser(db, ['AMDAC']);
		await signIn(identity(owner.email));
		const [theirs] = (await listMyIdentities(db, owner)).identities;
		await expect(unlinkMyIdentity(db, thief, theirs!.id)).rejects.toMatchObject({ messageKey: 'auth.errors.identityNotFound' });
		expect(await db.federatedIdentity.count({ where: { id: theirs!.id } })).toBe(1);
	});
});

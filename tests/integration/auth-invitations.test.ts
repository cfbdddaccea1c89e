import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { makeUser, PASSWORD, snapshot } from './auth-fixtures';
import { acceptInvitation, findUsableToken, inviteUser, performPasswordReset, requestPasswordReset, sendPasswordResetByAdmin } from '../../src/lib/server/domain/users/users';
import { ForbiddenError, RuleError } from '../../src/lib/server/domain/errors';
import { attemptLogin } from '../../src/lib/server/auth/login';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { hashToken } from '../../src/lib/server/auth/tokens';
import type { Actor } from '../../src/lib/server/policies';

let database: TestDatabase;
let admin: Actor & { email: string };
const HOUR = 60 * 60 * 1000;
const t0 = new Date('2026-04-01T09:00:00Z');
const later = (hours: number) => new Date(t0.getTime() + hours * HOUR);
const NEW_PASSWORD = 'mon mot de passe tout neuf';

beforeAll(async () => {
	database = await freshDatabase();
	admin = await makeUser(database.prisma, ['ADMIN']);
});
afterAll(async () => {
	await database?.close();
});

async function auditText(entityId: string): Promise<string> {
	const events = await database.prisma.auditEvent.findMany({ where: { entityId }, select: { before: true, after: true, reason: true } });
	return JSON.stringify(events);
}

describe('invitations', () => {
	it('are refused to anyone but an admin, with nothing written', async () => {
		const db = database.prisma;
		const editor = await makeUser(db, ['EDITOR'], ['LABEL']);
		const amdac = await makeUser(db, ['AMDAC']);
		const council = await makeUser(db, ['COUNCIL']);
		const before = await snapshot(db);
		for (const actor of [null, editor, amdac, council]) {
			await expect(inviteUser(db, actor, { email: 'x@example.gouv.fr', displayName: 'X', organisation: null, roles: ['ADMIN'], teamIds: [] }, t0)).rejects.toBeInstanceOf(
				ForbiddenError
			);
		}
		expect(await snapshot(db)).toEqual(before);
	});

	it('create a single-use link valid 7 days that creates the account with its roles and teams', async () => {
		const db = database.prisma;
		const label = await db.owner.upsert({ where: { code: 'LABEL' }, create: { code: 'LABEL', name: 'Label' }, update: {} });
		const { token, expiresAt } = await inviteUser(
			db,
			admin,
			{ email: ' Nouvelle@Example.gouv.fr ', displayName: 'Nouvelle Personne', organisation: 'DINUM', roles: ['EDITOR'], teamIds: [label.id] },
			t0
		);
		expect(expiresAt).toEqual(later(7 * 24));
		const stored = await db.userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
		expect(stored).toMatchObject({ email: 'nouvelle@example.gouv.fr', purpose: 'INVITATION', usedAt: null });
		expect(await findUsableToken(db, 'INVITATION', token, later(1))).toMatchObject({ email: 'nouvelle@example.gouv.fr', displayName: 'Nouvelle Personne' });
		expect(await auditText(stored.id)).not.toContain(token);

		const { userId } = await acceptInvitation(db, token, NEW_PASSWORD, '203.0.113.5', later(1));
		const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { teams: true } });
		expect(user).toMatchObject({ email: 'nouvelle@example.gouv.fr', displayName: 'Nouvelle Personne', organisation: 'DINUM', roles: ['EDITOR'] });
		expect(user.teams.map((t) => t.ownerId)).toEqual([label.id]);
		expect(user.passwordHash).toMatch(/^\$argon2id\$/);
		const audit = await auditText(userId);
		expect(audit).toContain('nouvelle@example.gouv.fr');
		expect(audit).not.toMatch(/argon2|tout neuf/);
		expect((await attemptLogin(db, { email: 'nouvelle@example.gouv.fr', password: NEW_PASSWORD, ipAddress: '203.0.113.5' }, later(1))).ok).toBe(true);

		// Single use: the same link, even with another password, does nothing more.
		const before = await snapshot(db);
		await expect(acceptInvitation(db, token, 'une autre phrase de passe', null, later(2))).rejects.toMatchObject({ messageKey: 'auth.errors.linkInvalid' });
		expect(await findUsableToken(db, 'INVITATION', token, later(2))).toBeNull();
		expect(await snapshot(db)).toEqual(before);
	});

	it('expire after 7 days, and a newer invitation replaces the older link', async () => {
		const db = database.prisma;
		const first = await inviteUser(db, admin, { email: 'tard@example.gouv.fr', displayName: 'Tard', organisation: null, roles: ['AMDAC'], teamIds: [] }, t0);
		expect(await findUsableToken(db, 'INVITATION', first.token, later(7 * 24 - 1))).not.toBeNull();
		await expect(acceptInvitation(db, first.token, NEW_PASSWORD, null, later(7 * 24))).rejects.toBeInstanceOf(RuleError);
		const second = await inviteUser(db, admin, { email: 'tard@example.gouv.fr', displayName: 'Tard', organisation: null, roles: ['AMDAC'], teamIds: [] }, later(1));
		const third = await inviteUser(db, admin, { email: 'tard@example.gouv.fr', displayName: 'Tard', organisation: null, roles: ['COUNCIL'], teamIds: [] }, later(2));
		expect(await findUsableToken(db, 'INVITATION', second.token, later(3))).toBeNull();
		const { userId } = await acceptInvitation(db, third.token, NEW_PASSWORD, null, later(3));
		expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).roles).toEqual(['COUNCIL']);
	});

	it('refuse a weak password, an existing address, an editor without team, an unknown team', async () => {
		const db = database.prisma;
		const { token } = await inviteUser(db, admin, { email: 'faible@example.gouv.fr', displayName: 'Faible', organisation: null, roles: ['AMDAC'], teamIds: [] }, t0);
		const before = await snapshot(db);
		await expect(acceptInvitation(db, token, 'azerty123456', null, later(1))).rejects.toMatchObject({ messageKey: 'auth.errors.passwordCommon', field: 'password' });
		await expect(acceptInvitation(db, token, 'trop court', null, later(1))).rejects.toMatchObject({ messageKey: 'auth.errors.passwordTooShort' });
		expect(await snapshot(db)).toEqual(before);
		expect(await findUsableToken(db, 'INVITATION', token, later(1))).not.toBeNull();

		const invite = (email: string, roles: ('EDITOR' | 'AMDAC')[], teamIds: string[]) => inviteUser(db, admin, { email, displayName: 'Y', organisation: null, roles, teamIds }, t0);
		await expect(invite(admin.email, ['AMDAC'], [])).rejects.toMatchObject({
			messageKey: 'auth.errors.emailTaken',
			field: 'email'
		});
		await expect(invite('ed@example.gouv.fr', ['EDITOR'], [])).rejects.toMatchObject({ messageKey: 'auth.errors.editorNeedsTeam' });
		await expect(invite('ed@example.gouv.fr', ['EDITOR'], ['no-such-owner'])).rejects.toMatchObject({ messageKey: 'auth.errors.unknownTeam' });
		expect(await snapshot(db)).toEqual(before);
	});

	it('let only one of two simultaneous submissions create the account', async () => {
		const db = database.prisma;
		const { token } = await inviteUser(db, admin, { email: 'double@example.gouv.fr', displayName: 'Double', organisation: null, roles: ['AMDAC'], teamIds: [] }, t0);
		const results = await Promise.allSettled([acceptInvitation(db, token, NEW_PASSWORD, null, later(1)), acceptInvitation(db, token, NEW_PASSWORD, null, later(1))]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect(await db.user.count({ where: { email: 'double@example.gouv.fr' } })).toBe(1);
	});
});

describe('password reset', () => {
	it('gives nothing for an unknown or disabled address, and never more than one link per 5 minutes', async () => {
		const db = database.prisma;
		const before = await snapshot(db);
		expect(await requestPasswordReset(db, 'personne@example.gouv.fr', t0)).toBeNull();
		expect(await snapshot(db)).toEqual(before);
		const user = await makeUser(db, ['AMDAC']);
		expect(await requestPasswordReset(db, user.email.toUpperCase(), t0)).not.toBeNull();
		expect(await requestPasswordReset(db, user.email, new Date(t0.getTime() + 60_000))).toBeNull();
		expect(await requestPasswordReset(db, user.email, new Date(t0.getTime() + 6 * 60_000))).not.toBeNull();
		await db.user.update({ where: { id: user.id }, data: { disabledAt: t0 } });
		expect(await requestPasswordReset(db, user.email, later(1))).toBeNull();
	});

	it('sets a new password once, within the hour, and ends every session', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['EDITOR'], ['PILOT']);
		const session = await createSession(db, user.id, {}, t0);
		const reset = await requestPasswordReset(db, user.email, t0);
		expect(reset?.expiresAt).toEqual(later(1));
		if (!reset) return;
		expect(await findUsableToken(db, 'PASSWORD_RESET', reset.token, later(1))).toBeNull();
		const tenMinutes = new Date(t0.getTime() + 10 * 60_000);
		const again = await requestPasswordReset(db, user.email, tenMinutes);
		if (!again) throw new Error('expected a second link');
		expect(await findUsableToken(db, 'PASSWORD_RESET', reset.token, tenMinutes)).toBeNull(); // replaced by the newer one
		await performPasswordReset(db, again.token, NEW_PASSWORD, '203.0.113.9', new Date(t0.getTime() + 11 * 60_000));
		expect(await validateSessionToken(db, session.token, later(1))).toBeNull();
		expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: '203.0.113.9' }, later(1))).ok).toBe(false);
		expect((await attemptLogin(db, { email: user.email, password: NEW_PASSWORD, ipAddress: '203.0.113.9' }, later(1))).ok).toBe(true);
		await expect(performPasswordReset(db, again.token, 'encore un autre mot de passe', null, later(1))).rejects.toMatchObject({ messageKey: 'auth.errors.linkInvalid' });
		expect(await auditText(user.id)).not.toMatch(/argon2|tout neuf/);
	});

	it('can be sent by an admin only, for 7 days', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['COUNCIL']);
		const editor = await makeUser(db, ['EDITOR'], ['LABEL']);
		const before = await snapshot(db);
		for (const actor of [null, editor, user]) await expect(sendPasswordResetByAdmin(db, actor, user.id, t0)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await snapshot(db)).toEqual(before);
		const reset = await sendPasswordResetByAdmin(db, admin, user.id, t0);
		expect(reset.expiresAt).toEqual(later(7 * 24));
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'PasswordReset', actorId: admin.id }, orderBy: { id: 'desc' } });
		expect(JSON.stringify(event.after)).not.toContain(reset.token);
	});
});

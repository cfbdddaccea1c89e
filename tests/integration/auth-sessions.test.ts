import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { makeUser, PASSWORD } from './auth-fixtures';
import { createSession, invalidateSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, validateSessionToken } from '../../src/lib/server/auth/session';
import { attemptLogin } from '../../src/lib/server/auth/login';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { changePassword, revokeMyOtherSessions, revokeMySession, setUserDisabled } from '../../src/lib/server/domain/users/users';
import { RuleError } from '../../src/lib/server/domain/errors';

let database: TestDatabase;
const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-03-01T08:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);

beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database?.close();
});

describe('sessions', () => {
	it('keep only the SHA-256 of the token and give back the user with roles and teams', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['EDITOR'], ['LABEL']);
		const { token, session } = await createSession(db, user.id, { userAgent: 'Mozilla/5.0 Firefox/140.0', ipAddress: '192.0.2.1' }, t0);
		expect(session.id).toBe(hashToken(token));
		expect(await db.session.count({ where: { id: token } })).toBe(0);
		expect(session.expiresAt).toEqual(at(30));
		expect(session.absoluteExpiresAt).toEqual(at(90));
		const valid = await validateSessionToken(db, token, at(1));
		expect(valid?.user).toMatchObject({ id: user.id, roles: ['EDITOR'], teamIds: user.teamIds, email: user.email });
		expect(valid?.session.refreshed).toBe(false);
		expect(await validateSessionToken(db, 'x'.repeat(32), at(1))).toBeNull();
	});

	it('slide by 30 days once less than half is left, and expire when idle', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['AMDAC']);
		const { token } = await createSession(db, user.id, {}, t0);
		const slid = await validateSessionToken(db, token, at(16));
		expect(slid?.session.refreshed).toBe(true);
		expect(slid?.session.expiresAt).toEqual(at(46));
		expect((await db.session.findUniqueOrThrow({ where: { id: hashToken(token) } })).expiresAt).toEqual(at(46));
		expect(await validateSessionToken(db, token, at(46))).toBeNull();
		expect(await db.session.count({ where: { id: hashToken(token) } })).toBe(0);
	});

	it('end at the absolute timeout however active the user is', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['COUNCIL']);
		const { token } = await createSession(db, user.id, {}, t0);
		for (let day = 16; day < 90; day += 16) expect(await validateSessionToken(db, token, at(day))).not.toBeNull();
		const last = await validateSessionToken(db, token, at(89));
		expect(last?.session.expiresAt.getTime()).toBe(t0.getTime() + SESSION_ABSOLUTE_MS);
		expect(await validateSessionToken(db, token, at(90))).toBeNull();
		expect(SESSION_IDLE_MS).toBe(30 * DAY);
	});

	it('end on logout: replaying the old cookie gets nothing', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['ADMIN']);
		const { token, session } = await createSession(db, user.id, {}, t0);
		await invalidateSession(db, session.id);
		expect(await validateSessionToken(db, token, at(1))).toBeNull();
	});

	it('get a new token at every login, and the session the browser had before ends (no fixation)', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['EDITOR'], ['TALENTS']);
		const planted = await createSession(db, user.id, {}, t0);
		const login = await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: '198.51.100.7', previousSessionId: planted.session.id }, t0);
		expect(login.ok).toBe(true);
		if (!login.ok) return;
		expect(login.token).not.toBe(planted.token);
		expect(await validateSessionToken(db, planted.token, t0)).toBeNull();
		expect((await validateSessionToken(db, login.token, t0))?.user.id).toBe(user.id);
		const again = await attemptLogin(db, { email: user.email.toUpperCase(), password: PASSWORD, ipAddress: '198.51.100.7' }, t0);
		expect(again.ok && again.token !== login.token).toBe(true);
	});

	it('all end on a password change, except a fresh one for the browser that made it', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['EDITOR'], ['LABEL']);
		const a = await createSession(db, user.id, {}, t0);
		const b = await createSession(db, user.id, {}, t0);
		const { token } = await changePassword(db, user, { currentPassword: PASSWORD, newPassword: 'un tout nouveau mot de passe', ipAddress: '192.0.2.9' }, t0);
		expect(await validateSessionToken(db, a.token, t0)).toBeNull();
		expect(await validateSessionToken(db, b.token, t0)).toBeNull();
		expect((await validateSessionToken(db, token, t0))?.user.id).toBe(user.id);
		expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: '192.0.2.9' }, t0)).ok).toBe(false);
		expect((await attemptLogin(db, { email: user.email, password: 'un tout nouveau mot de passe', ipAddress: '192.0.2.9' }, t0)).ok).toBe(true);
		const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, reason: 'password change' } });
		expect(JSON.stringify({ before: audit.before, after: audit.after, reason: audit.reason })).not.toMatch(/argon2|nouveau mot de passe/);
	});

	it('refuse a wrong current password or a weak new one, changing nothing', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['AMDAC']);
		const { token } = await createSession(db, user.id, {}, t0);
		await expect(
			changePassword(db, user, { currentPassword: 'pas le bon mot de passe', newPassword: 'un tout nouveau mot de passe', ipAddress: '192.0.2.10' }, t0)
		).rejects.toMatchObject({
			field: 'currentPassword'
		});
		await expect(changePassword(db, user, { currentPassword: PASSWORD, newPassword: 'motdepasse2024', ipAddress: '192.0.2.10' }, t0)).rejects.toMatchObject({
			messageKey: 'auth.errors.passwordCommon'
		});
		expect(await validateSessionToken(db, token, t0)).not.toBeNull();
		expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: '192.0.2.10' }, t0)).ok).toBe(true);
	});

	it('all end when an admin disables the account, and a disabled account cannot sign in', async () => {
		const db = database.prisma;
		const admin = await makeUser(db, ['ADMIN']);
		const user = await makeUser(db, ['EDITOR'], ['BETA']);
		const { token } = await createSession(db, user.id, {}, t0);
		await setUserDisabled(db, admin, user.id, true, t0);
		expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
		expect(await validateSessionToken(db, token, t0)).toBeNull();
		expect(await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: '192.0.2.11' }, t0)).toEqual({ ok: false, reason: 'invalid' });
		await setUserDisabled(db, admin, user.id, false, t0);
		expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: '192.0.2.11' }, t0)).ok).toBe(true);
	});

	it('can be closed one by one or all but the current, only one’s own', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['COUNCIL']);
		const other = await makeUser(db, ['COUNCIL']);
		const current = await createSession(db, user.id, {}, t0);
		const phone = await createSession(db, user.id, {}, t0);
		await createSession(db, user.id, {}, t0);
		const theirs = await createSession(db, other.id, {}, t0);
		await expect(revokeMySession(db, user, theirs.session.id, current.session.id)).rejects.toBeInstanceOf(RuleError);
		expect(await validateSessionToken(db, theirs.token, t0)).not.toBeNull();
		await expect(revokeMySession(db, user, current.session.id, current.session.id)).rejects.toMatchObject({ messageKey: 'auth.errors.revokeCurrent' });
		await revokeMySession(db, user, phone.session.id, current.session.id);
		expect(await validateSessionToken(db, phone.token, t0)).toBeNull();
		expect(await revokeMyOtherSessions(db, user, current.session.id)).toBe(1);
		expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
		expect(await validateSessionToken(db, current.token, t0)).not.toBeNull();
		expect(await db.auditEvent.count({ where: { entityId: user.id, reason: { in: ['session closed', 'other sessions closed'] } } })).toBe(2);
	});
});

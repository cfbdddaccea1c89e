import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { makeUser, PASSWORD, snapshot } from './auth-fixtures';
import { getUserForAdmin, listMyTeams, listUsers, revokeMyOtherSessions, setUserDisabled, updateUser } from '../../src/lib/server/domain/users/users';
import { ForbiddenError, NotFoundError } from '../../src/lib/server/domain/errors';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from '../../src/lib/server/auth/demo-accounts';
import { attemptLogin } from '../../src/lib/server/auth/login';
import type { Actor } from '../../src/lib/server/policies';

let database: TestDatabase;
let admin: Actor;

beforeAll(async () => {
	database = await freshDatabase();
	admin = await makeUser(database.prisma, ['ADMIN']);
});
afterAll(async () => {
	await database?.close();
});

describe('user administration', () => {
	it('is refused to every non-admin role, with nothing written', async () => {
		const db = database.prisma;
		const target = await makeUser(db, ['EDITOR'], ['LABEL']);
		const actors = [null, await makeUser(db, ['EDITOR'], ['LABEL']), await makeUser(db, ['AMDAC']), await makeUser(db, ['COUNCIL'])];
		const before = await snapshot(db);
		for (const actor of actors) {
			await expect(updateUser(db, actor, target.id, { displayName: 'Pirate', organisation: null, roles: ['ADMIN'], teamIds: [] })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(setUserDisabled(db, actor, target.id, true)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(listUsers(db, actor)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(getUserForAdmin(db, actor, target.id)).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect(await snapshot(db)).toEqual(before);
	});

	it('changes roles and teams with an audit event holding before and after', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['EDITOR'], ['LABEL']);
		const talents = await db.owner.upsert({ where: { code: 'TALENTS' }, create: { code: 'TALENTS', name: 'Talents' }, update: {} });
		await updateUser(db, admin, user.id, { displayName: 'Nom changé', organisation: 'DINUM', roles: ['EDITOR', 'AMDAC'], teamIds: [talents.id] });
		const after = await getUserForAdmin(db, admin, user.id);
		expect(after).toMatchObject({ displayName: 'Nom changé', organisation: 'DINUM', roles: ['EDITOR', 'AMDAC'], teamIds: [talents.id] });
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'User', entityId: user.id, action: 'update' } });
		expect(event).toMatchObject({ actorId: admin.id, actorRole: 'ADMIN' });
		expect(event.before).toMatchObject({ roles: ['EDITOR'], teamIds: user.teamIds });
		expect(event.after).toMatchObject({ roles: ['EDITOR', 'AMDAC'], teamIds: [talents.id] });
		await expect(updateUser(db, admin, 'missing', { displayName: 'X', organisation: null, roles: ['AMDAC'], teamIds: [] })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('does not let an admin remove their own admin role or disable themselves', async () => {
		const db = database.prisma;
		await expect(updateUser(db, admin, admin.id, { displayName: 'Moi', organisation: null, roles: ['EDITOR'], teamIds: [] })).rejects.toMatchObject({
			messageKey: 'auth.errors.cannotDemoteSelf'
		});
		await expect(setUserDisabled(db, admin, admin.id, true)).rejects.toMatchObject({ messageKey: 'auth.errors.cannotDisableSelf' });
		expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
	});

	it('disables and enables, auditing both, and lists users without their password hashes', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['COUNCIL']);
		await setUserDisabled(db, admin, user.id, true);
		await setUserDisabled(db, admin, user.id, true); // already disabled: nothing more
		await setUserDisabled(db, admin, user.id, false);
		const reasons = (await db.auditEvent.findMany({ where: { entityId: user.id, action: 'update' }, orderBy: { id: 'asc' } })).map((e) => e.reason);
		expect(reasons).toEqual(['account disabled', 'account enabled']);
		const { users } = await listUsers(db, admin);
		expect(users.find((u) => u.id === user.id)).toMatchObject({ hasPassword: true, disabledAt: null });
		expect(JSON.stringify(users)).not.toContain('argon2');
		expect(await revokeMyOtherSessions(db, admin, null)).toBe(0);
	});
});

describe('demo accounts', () => {
	it('are one per role with the documented passwords, and are created once', async () => {
		const demo = await freshDatabase({ plan: true });
		try {
			expect(await ensureDemoAccounts(demo.prisma)).toBe(5);
			expect(await ensureDemoAccounts(demo.prisma)).toBe(0);
			const users = await demo.prisma.user.findMany({ include: { teams: { include: { owner: true } } }, orderBy: { email: 'asc' } });
			expect(users.map((u) => [u.email, u.roles.join(), u.teams.map((t) => t.owner.code).join()])).toEqual([
				['admin@jalons.example', 'ADMIN', ''],
				['amdac@jalons.example', 'AMDAC', ''],
				['conseil@jalons.example', 'COUNCIL', ''],
				['label@jalons.example', 'EDITOR', 'LABEL'],
				['pole@jalons.example', 'EDITOR', 'POLE_LL']
			]);
			for (const account of DEMO_ACCOUNTS) {
				expect((await attemptLogin(demo.prisma, { email: account.email, password: account.password, ipAddress: '127.0.0.1' })).ok).toBe(true);
			}
			expect(PASSWORD).not.toBe(DEMO_ACCOUNTS[0]?.password);
		} finally {
			await demo.close();
		}
	});
});

describe('my account', () => {
	it('lists the teams of the signed-in person only, by code', async () => {
		const db = database.prisma;
		const member = await makeUser(db, ['EDITOR'], ['POLE_LL', 'LABEL']);
		await makeUser(db, ['EDITOR'], ['TALENTS']);
		expect(await listMyTeams(db, member)).toEqual([
			{ code: 'LABEL', name: expect.any(String) },
			{ code: 'POLE_LL', name: expect.any(String) }
		]);
		expect(await listMyTeams(db, admin)).toEqual([]);
		await expect(listMyTeams(db, null)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

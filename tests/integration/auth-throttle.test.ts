import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { makeUser, PASSWORD } from './auth-fixtures';
import { attemptLogin } from '../../src/lib/server/auth/login';
import { checkLoginThrottle, THROTTLE } from '../../src/lib/server/auth/throttle';
import { emailHash } from '../../src/lib/server/auth/tokens';
import { performPasswordReset, sendPasswordResetByAdmin } from '../../src/lib/server/domain/users/users';

let database: TestDatabase;
const t0 = new Date('2026-05-01T10:00:00Z');
const plus = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.20';

beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database?.close();
});

/** Failed attempts written directly: many of them, without hashing a password each time. */
async function failures(email: string, ips: string[], at: Date) {
	await database.prisma.loginAttempt.createMany({ data: ips.map((ipAddress) => ({ emailHash: emailHash(email), ipAddress, success: false, at })) });
}

describe('login throttling', () => {
	it('gives the same answer for an unknown address and a wrong password, and records both', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['AMDAC']);
		const unknown = await attemptLogin(db, { email: 'nobody@example.gouv.fr', password: PASSWORD, ipAddress: '192.0.2.50' }, t0);
		const wrong = await attemptLogin(db, { email: user.email, password: 'pas le bon mot de passe', ipAddress: '192.0.2.50' }, t0);
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(wrong).toEqual(unknown);
		expect(await db.loginAttempt.count({ where: { ipAddress: '192.0.2.50', success: false } })).toBe(2);
		const stored = await db.loginAttempt.findMany({ select: { emailHash: true } });
		expect(JSON.stringify(stored)).not.toContain('@');
	});

	it('blocks one account from one address after 5 failures, for 15 minutes, without locking the owner out elsewhere', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['EDITOR'], ['LABEL']);
		for (let i = 0; i < 5; i++) {
			expect((await attemptLogin(db, { email: user.email, password: `essai numéro ${i} raté`, ipAddress: ATTACKER }, plus(i))).ok).toBe(false);
		}
		// Even the right password is not checked from the attacker's address now.
		const blocked = await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: ATTACKER }, plus(10));
		expect(blocked).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 15 * 60 - 10 });
		expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: OWNER }, plus(11))).ok).toBe(true);
		// Once the window has passed, the address may try again.
		expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: ATTACKER }, plus(15 * 60 + 5))).ok).toBe(true);
	});

	it('clears the failures of a pair after a success from it', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['COUNCIL']);
		const ip = '192.0.2.77';
		for (let i = 0; i < 4; i++) await attemptLogin(db, { email: user.email, password: 'faute de frappe ici', ipAddress: ip }, plus(i));
		expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: ip }, plus(5))).ok).toBe(true);
		for (let i = 0; i < 4; i++) await attemptLogin(db, { email: user.email, password: 'encore une faute', ipAddress: ip }, plus(10 + i));
		expect(await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: ip }, plus(20))).toMatchObject({ ok: true });
	});

	it('blocks one address trying many accounts (credential stuffing)', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['AMDAC']);
		const ip = '203.0.113.99';
		await db.loginAttempt.createMany({
			data: Array.from({ length: THROTTLE.address.limit }, (_, i) => ({ emailHash: emailHash(`victim${i}@example.gouv.fr`), ipAddress: ip, success: false, at: plus(i) }))
		});
		const result = await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: ip }, plus(60));
		expect(result).toMatchObject({ ok: false, reason: 'throttled' });
		expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: '192.0.2.200' }, plus(60))).ok).toBe(true);
	});

	it('blocks an account guessed from many addresses, except from the addresses its owner uses', async () => {
		const db = database.prisma;
		const user = await makeUser(db, ['ADMIN']);
		expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: OWNER }, t0)).ok).toBe(true);
		const botnet = Array.from({ length: THROTTLE.accountFromNewAddresses.limit }, (_, i) => `100.64.0.${i + 1}`);
		await failures(user.email, botnet, plus(60));
		const fromNew = await checkLoginThrottle(db, emailHash(user.email), '100.64.1.1', plus(120));
		expect(fromNew).toMatchObject({ allowed: false });
		expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: OWNER }, plus(120))).ok).toBe(true);

		// The owner on a new address gets in again after a password reset from there.
		const traveller = '192.0.2.123';
		expect(await attemptLogin(db, { email: user.email, password: PASSWORD, ipAddress: traveller }, plus(130))).toMatchObject({ reason: 'throttled' });
		const reset = await sendPasswordResetByAdmin(db, user, user.id, plus(140));
		await performPasswordReset(db, reset.token, 'la nouvelle phrase du voyageur', traveller, plus(150));
		expect((await attemptLogin(db, { email: user.email, password: 'la nouvelle phrase du voyageur', ipAddress: traveller }, plus(160))).ok).toBe(true);
	});
});

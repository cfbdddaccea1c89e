// The purge removes only what throttling and sessions no longer need.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { purgeExpired } from '../../src/lib/server/maintenance/purge';

let database: TestDatabase;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database?.close();
});

const DAY = 86_400_000;

describe('purgeExpired', () => {
	it('deletes old login attempts, expired sessions, old links and old form tokens, and keeps the rest', async () => {
		const db = database.prisma;
		const now = new Date('2026-06-01T12:00:00Z');
		const at = (days: number) => new Date(now.getTime() - days * DAY);
		await db.loginAttempt.createMany({
			data: [
				{ at: at(2), emailHash: 'a', ipAddress: '1', success: false },
				{ at: at(0.5), emailHash: 'a', ipAddress: '1', success: false },
				{ at: at(40), emailHash: 'a', ipAddress: '1', success: true },
				{ at: at(10), emailHash: 'a', ipAddress: '1', success: true }
			]
		});
		const user = await db.user.create({ data: { email: 'purge@jalons.example', displayName: 'P', roles: ['AMDAC'] } });
		await db.session.createMany({
			data: [
				{ id: 'expired', userId: user.id, expiresAt: at(1), absoluteExpiresAt: at(-10) },
				{ id: 'absolute', userId: user.id, expiresAt: at(-5), absoluteExpiresAt: at(1) },
				{ id: 'alive', userId: user.id, expiresAt: at(-5), absoluteExpiresAt: at(-50) }
			]
		});
		await db.userToken.createMany({
			data: [
				{ tokenHash: 'old', purpose: 'INVITATION', email: 'x@y.fr', expiresAt: at(31) },
				{ tokenHash: 'used', purpose: 'PASSWORD_RESET', email: 'x@y.fr', expiresAt: at(-1), usedAt: at(31) },
				{ tokenHash: 'recent', purpose: 'INVITATION', email: 'x@y.fr', expiresAt: at(2) }
			]
		});
		await db.formSubmission.createMany({
			data: [
				{ token: 'old-form-token-000000000', userId: user.id, createdAt: at(8) },
				{ token: 'new-form-token-000000000', userId: user.id, createdAt: at(6) }
			]
		});
		expect(await purgeExpired(db, now)).toEqual({ loginAttempts: 2, sessions: 2, tokens: 2, formTokens: 1, csvImports: 0 });
		expect((await db.formSubmission.findMany()).map((s) => s.token)).toEqual(['new-form-token-000000000']);
		expect((await db.session.findMany()).map((s) => s.id)).toEqual(['alive']);
		expect((await db.userToken.findMany()).map((t) => t.tokenHash)).toEqual(['recent']);
		expect(await db.loginAttempt.count()).toBe(2);
		expect(await purgeExpired(db, now)).toEqual({ loginAttempts: 0, sessions: 0, tokens: 0, formTokens: 0, csvImports: 0 });
	});
});

// Signing in: throttle first (a blocked attempt checks no password), then one answer for every failure
// (unknown address, wrong password, disabled account), so that the form never tells whether an
// address has an account. Success always creates a new session: a token planted before login is useless.
import type { Db } from '../db';
import { log } from '../log';
import { createSession, invalidateSession, type SessionMeta } from './session';
import { checkLoginThrottle, recordLoginAttempt } from './throttle';
import { verifyAgainstNothing, verifyPassword } from './password';
import { emailHash, normaliseEmail } from './tokens';

export interface LoginInput extends SessionMeta {
	email: string;
	password: string;
	ipAddress: string;
	/** The session the browser had before (possibly someone else's): ended on success. */
	previousSessionId?: string | null;
}

export type LoginResult =
	{ ok: true; token: string; expiresAt: Date; userId: string } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function attemptLogin(db: Db, input: LoginInput, now = new Date()): Promise<LoginResult> {
	const email = normaliseEmail(input.email);
	const hashedEmail = emailHash(email);
	const throttle = await checkLoginThrottle(db, hashedEmail, input.ipAddress, now);
	if (!throttle.allowed) {
		log('warn', 'login throttled', { emailHash: hashedEmail, ip: input.ipAddress, retryAfter: throttle.retryAfterSeconds });
		return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
	}
	const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } });
	const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstNothing(input.password);
	if (!user || !passwordOk || user.disabledAt) {
		await recordLoginAttempt(db, hashedEmail, input.ipAddress, false, now);
		log('warn', 'login failed', { emailHash: hashedEmail, ip: input.ipAddress });
		return { ok: false, reason: 'invalid' };
	}
	const { token, session } = await db.$transaction(async (tx) => {
		await recordLoginAttempt(tx, hashedEmail, input.ipAddress, true, now);
		if (input.previousSessionId) await invalidateSession(tx, input.previousSessionId);
		await tx.session.deleteMany({ where: { userId: user.id, OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] } });
		return createSession(tx, user.id, { userAgent: input.userAgent, ipAddress: input.ipAddress }, now);
	});
	log('info', 'login', { userId: user.id, ip: input.ipAddress });
	return { ok: true, token, expiresAt: session.expiresAt, userId: user.id };
}

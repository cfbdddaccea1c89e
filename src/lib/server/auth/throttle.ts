// Login throttling (ASVS 6.3.1), kept in PostgreSQL (LoginAttempt) so that it holds across app servers.
// Three sliding windows, none of which lets an attacker lock the real owner out from elsewhere:
// - one account from one address: a few failures, then wait (guessing one password);
// - one address, all accounts: credential stuffing from one machine;
// - one account from addresses it has never signed in from: a password guessed from many machines.
//   The owner's usual addresses (a success in the last 30 days) are exempt, and a password reset
//   makes the address it was done from usual.
import type { Db } from '../db';
import type { Prisma } from '../db/generated/client';

type DbOrTx = Db | Prisma.TransactionClient;

const MINUTE = 60 * 1000;

export interface Window {
	limit: number;
	ms: number;
}

export const THROTTLE = {
	accountAndAddress: { limit: 5, ms: 15 * MINUTE },
	address: { limit: 50, ms: 15 * MINUTE },
	accountFromNewAddresses: { limit: 30, ms: 60 * MINUTE },
	/** How long a successful sign-in makes an address "usual" for that account. */
	knownAddressMs: 30 * 24 * 60 * MINUTE,
	/** Attempts older than this are deleted as new ones come in. */
	retentionMs: 30 * 24 * 60 * MINUTE
} as const;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * `recent` holds the newest failures of one window, newest first, at most `limit` of them. Once
 * there are `limit`, the window reopens when the oldest of them leaves it.
 */
export function windowDecision(recent: readonly Date[], window: Window, now: Date): ThrottleDecision {
	const oldest = recent[window.limit - 1];
	if (!oldest) return { allowed: true };
	const reopensAt = oldest.getTime() + window.ms;
	if (reopensAt <= now.getTime()) return { allowed: true };
	return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)) };
}

/** The strictest of several decisions: blocked if any blocks, for as long as the longest. */
export function combine(decisions: readonly ThrottleDecision[]): ThrottleDecision {
	let wait = 0;
	for (const decision of decisions) if (!decision.allowed) wait = Math.max(wait, decision.retryAfterSeconds);
	return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}

async function failures(db: DbOrTx, where: Prisma.LoginAttemptWhereInput, window: Window, now: Date): Promise<Date[]> {
	const rows = await db.loginAttempt.findMany({
		where: { AND: [where, { success: false, at: { gt: new Date(now.getTime() - window.ms) } }] },
		orderBy: { at: 'desc' },
		take: window.limit,
		select: { at: true }
	});
	return rows.map((row) => row.at);
}

export async function checkLoginThrottle(db: DbOrTx, emailHash: string, ipAddress: string, now = new Date()): Promise<ThrottleDecision> {
	const { accountAndAddress, address, accountFromNewAddresses } = THROTTLE;
	const lastSuccess = await db.loginAttempt.findFirst({
		where: { emailHash, ipAddress, success: true },
		orderBy: { at: 'desc' },
		select: { at: true }
	});
	// A success from this address clears its earlier failures, and makes it a usual address.
	const pairSince = lastSuccess ? { at: { gt: lastSuccess.at } } : {};
	const decisions = [
		windowDecision(await failures(db, { emailHash, ipAddress, ...pairSince }, accountAndAddress, now), accountAndAddress, now),
		windowDecision(await failures(db, { ipAddress }, address, now), address, now)
	];
	const known = lastSuccess !== null && lastSuccess.at.getTime() > now.getTime() - THROTTLE.knownAddressMs;
	if (!known) {
		decisions.push(windowDecision(await failures(db, { emailHash }, accountFromNewAddresses, now), accountFromNewAddresses, now));
	}
	return combine(decisions);
}

export async function recordLoginAttempt(db: DbOrTx, emailHash: string, ipAddress: string, success: boolean, now = new Date()): Promise<void> {
	await db.loginAttempt.create({ data: { emailHash, ipAddress, success, at: now } });
	// Housekeeping on the indexed (ipAddress, at) path: old attempts of this address go away.
	await db.loginAttempt.deleteMany({ where: { ipAddress, at: { lt: new Date(now.getTime() - THROTTLE.retentionMs) } } });
}

/** Raised by domain functions that check a password (change of password) when the throttle says wait. */
export class ThrottledError extends Error {
	constructor(readonly retryAfterSeconds: number) {
		super('throttled');
		this.name = 'ThrottledError';
	}
}

/**
 * Signing in with ProConnect: no password to guess here, but failed callbacks (forged state, refused
 * tokens, unknown agents) still count against the address, and an address over the limit is told to wait.
 */
export async function checkAddressThrottle(db: DbOrTx, ipAddress: string, now = new Date()): Promise<ThrottleDecision> {
	const { address } = THROTTLE;
	return windowDecision(await failures(db, { ipAddress }, address, now), address, now);
}

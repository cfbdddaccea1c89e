// Sessions as the Lucia guide teaches, without the (deprecated) lucia package: a random token lives
// in the cookie, the database keys the session by the token's SHA-256, the expiry slides by 30 days
// when less than half is left, and an absolute limit bounds how long a stolen cookie can be kept alive.
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db';
import type { Prisma } from '../db/generated/client';
import type { Actor } from '../policies';
import { generateToken, hashToken } from './tokens';
import { actorFromUser } from './actor';
import { config } from '../config';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * DAY;
export const SESSION_ABSOLUTE_MS = 90 * DAY;
/** lastSeenAt is written at most this often, so that browsing does not write on every request. */
const LAST_SEEN_GRANULARITY_MS = 60 * 60 * 1000;

type DbOrTx = Db | Prisma.TransactionClient;

export interface SessionUser extends Actor {
	email: string;
	organisation: string | null;
}

export interface ValidSession {
	id: string;
	userId: string;
	expiresAt: Date;
	absoluteExpiresAt: Date;
	/** True when the expiry moved: the cookie must be sent again with the new date. */
	refreshed: boolean;
	/** The user's unread notifications (the header's count), read with the session: every signed-in page shows it. */
	unreadNotifications: number;
}

export interface SessionMeta {
	userAgent?: string | null;
	ipAddress?: string | null;
	/** A ProConnect session's ID token, for the federation's logout. */
	idToken?: string | null;
}

export async function createSession(db: DbOrTx, userId: string, meta: SessionMeta = {}, now = new Date()) {
	const token = generateToken();
	const session = await db.session.create({
		data: {
			id: hashToken(token),
			userId,
			createdAt: now,
			lastSeenAt: now,
			expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
			absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
			userAgent: meta.userAgent?.slice(0, 400) ?? null,
			ipAddress: meta.ipAddress?.slice(0, 64) ?? null,
			idToken: meta.idToken ?? null
		}
	});
	return { token, session };
}

interface SessionRow {
	userId: string;
	expiresAt: Date;
	absoluteExpiresAt: Date;
	lastSeenAt: Date;
	unreadNotifications: number;
	user: { id: string; displayName: string; email: string; organisation: string | null; roles: string[]; disabledAt: Date | null; teams: { ownerId: string }[] };
}

/**
 * The session with its user, teams and unread count in one round trip: every signed-in request pays
 * for it, and Prisma's include and count would send four (session, user, teams, notifications).
 */
async function readSession(db: Db, id: string): Promise<SessionRow | null> {
	const [row] = await db.$queryRaw<
		{
			userId: string;
			expiresAt: Date;
			absoluteExpiresAt: Date;
			lastSeenAt: Date;
			displayName: string;
			email: string;
			organisation: string | null;
			roles: string[];
			disabledAt: Date | null;
			teamIds: string[];
			unreadNotifications: number;
		}[]
	>`
		SELECT s."userId", s."expiresAt", s."absoluteExpiresAt", s."lastSeenAt",
			u."displayName", u."email", u."organisation", u."roles"::text[] AS "roles", u."disabledAt",
			coalesce((SELECT array_agg(t."ownerId" ORDER BY t."ownerId") FROM "UserTeam" t WHERE t."userId" = u."id"), '{}'::text[]) AS "teamIds",
			(SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u."id" AND n."readAt" IS NULL) AS "unreadNotifications"
		FROM "Session" s JOIN "User" u ON u."id" = s."userId"
		WHERE s."id" = ${id}`;
	if (!row) return null;
	const { userId, expiresAt, absoluteExpiresAt, lastSeenAt, teamIds, unreadNotifications, ...user } = row;
	return { userId, expiresAt, absoluteExpiresAt, lastSeenAt, unreadNotifications, user: { id: userId, ...user, teams: teamIds.map((ownerId) => ({ ownerId })) } };
}

/** The session and its user, or null (unknown, expired, or user disabled: the row is then deleted). */
export async function validateSessionToken(db: Db, token: string, now = new Date()): Promise<{ session: ValidSession; user: SessionUser } | null> {
	const id = hashToken(token);
	const row = await readSession(db, id);
	if (!row) return null;
	const t = now.getTime();
	if (t >= row.expiresAt.getTime() || t >= row.absoluteExpiresAt.getTime() || row.user.disabledAt) {
		await db.session.deleteMany({ where: { id } });
		return null;
	}
	let expiresAt = row.expiresAt;
	const slide = t >= expiresAt.getTime() - SESSION_IDLE_MS / 2;
	const touch = t - row.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS;
	if (slide) expiresAt = new Date(Math.min(t + SESSION_IDLE_MS, row.absoluteExpiresAt.getTime()));
	const refreshed = expiresAt.getTime() !== row.expiresAt.getTime();
	if (refreshed || touch) {
		await db.session.updateMany({ where: { id }, data: { expiresAt, lastSeenAt: now } });
	}
	const { user } = row;
	return {
		session: { id, userId: row.userId, expiresAt, absoluteExpiresAt: row.absoluteExpiresAt, refreshed, unreadNotifications: row.unreadNotifications },
		user: {
			...actorFromUser(user),
			email: user.email,
			organisation: user.organisation
		}
	};
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
	await db.session.deleteMany({ where: { id: sessionId } });
}

/** Signing out: ends the session and gives back the ProConnect ID token it held (for the federation's logout), if any. */
export async function endSession(db: DbOrTx, sessionId: string): Promise<{ idToken: string | null }> {
	const session = await db.session.findUnique({ where: { id: sessionId }, select: { idToken: true } });
	await invalidateSession(db, sessionId);
	return { idToken: session?.idToken ?? null };
}

/** Ends every session of a user (password change, disable), except `keepId` when given. */
export async function invalidateUserSessions(db: DbOrTx, userId: string, keepId?: string): Promise<number> {
	const { count } = await db.session.deleteMany({ where: { userId, ...(keepId ? { id: { not: keepId } } : {}) } });
	return count;
}

// Cookies. HTTPS gets the __Host- prefix (the browser then insists on Secure, Path=/ and no Domain).
// Plain http is only for local runs: a production server on http outside loopback still marks the
// cookie Secure, so that it is never sent in clear (logging in then fails, which is the safe side).
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The cookie's name on plain http; on https it carries the `__Host-` prefix. */
export const SESSION_COOKIE = 'jalons_session';

/** The name and Secure flag of one of our cookies (`base`: its name on plain http). */
export function cookieSecurity(url: URL, base: string = SESSION_COOKIE): { name: string; secure: boolean } {
	const secure = url.protocol === 'https:' || (config().production && !LOCAL_HOSTS.has(url.hostname));
	return { name: secure && url.protocol === 'https:' ? `__Host-${base}` : base, secure };
}

export function readSessionCookie(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(cookieSecurity(url).name);
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	const { name, secure } = cookieSecurity(url);
	cookies.set(name, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	const { name, secure } = cookieSecurity(url);
	cookies.delete(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

// Secrets handed to browsers (session cookies, invitation and reset links) are random tokens; the
// database only keeps their SHA-256, so a leaked table gives nobody a way in.
import { createHash, randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 20 random bytes (160 bits) in lower-case base32: URL- and cookie-safe, as the Lucia guide advises. */
export function generateToken(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Rejects anything that cannot be one of our tokens before touching the database. */
export function isTokenShaped(value: string): boolean {
	return /^[a-z2-7]{32}$/.test(value);
}

/** Lower-cased and trimmed: the form in which User.email is stored. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** Throttling counts attempts per e-mail without storing readable addresses. */
export function emailHash(email: string): string {
	return hashToken(normaliseEmail(email));
}

// Why a ProConnect sign-in was refused, handed from the callback to the refusal page in a short-lived
// HttpOnly cookie: the page's URL carries nothing, so no link can make it say something else.
import type { Cookies } from '@sveltejs/kit';
import { cookieSecurity } from './session';

export const REFUSAL_PATH = '/connexion/proconnect/refus';
const COOKIE = 'jalons_proconnect_refusal';
const REASONS = ['unknown', 'level', 'disabled', 'failed', 'unavailable', 'throttled'] as const;
type RefusalReason = (typeof REASONS)[number];
export interface Refusal {
	reason: RefusalReason;
	/** The address ProConnect vouched for, shown to an agent with no account. */
	email?: string;
}

export function setRefusal(cookies: Cookies, url: URL, refusal: Refusal): void {
	const { name, secure } = cookieSecurity(url, COOKIE);
	cookies.set(name, Buffer.from(JSON.stringify(refusal)).toString('base64url'), { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 5 * 60 });
}

/** The refusal to explain; a page opened without one explains the generic failure. */
export function readRefusal(cookies: Cookies, url: URL): Refusal {
	const raw = cookies.get(cookieSecurity(url, COOKIE).name);
	try {
		const value = JSON.parse(Buffer.from(raw ?? '', 'base64url').toString('utf8')) as Partial<Refusal>;
		const reason = REASONS.find((r) => r === value.reason) ?? 'failed';
		return { reason, email: reason === 'unknown' && typeof value.email === 'string' ? value.email.slice(0, 254) : undefined };
	} catch {
		return { reason: 'failed' };
	}
}

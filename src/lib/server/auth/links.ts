// The single-use links and the mails that carry them.
import { format, formatDateTime, messages, type Locale } from '../../i18n';
import type { OutgoingMail } from '../mail';
import { publicOrigin } from '../config';

// Absolute links come from ORIGIN, never from the request: a forged Host or X-Forwarded-Host must not
// put a real token in a link to another site.
export const invitationPath = (token: string) => `/invitation/${token}`;
export const resetPath = (token: string) => `/reinitialisation/${token}`;
export const invitationLink = (token: string) => publicOrigin() + invitationPath(token);
export const resetLink = (token: string) => publicOrigin() + resetPath(token);

export function invitationMail(locale: Locale, to: { email: string; name: string }, inviter: string, link: string, expiresAt: Date): OutgoingMail {
	const t = messages(locale).auth.mail;
	return {
		to: to.email,
		subject: t.invitationSubject,
		text: format(t.invitationBody, { name: to.name, inviter, link, date: formatDateTime(expiresAt.toISOString(), locale) })
	};
}

export function resetMail(locale: Locale, to: { email: string; name: string }, link: string, expiresAt: Date): OutgoingMail {
	const t = messages(locale).auth.mail;
	return {
		to: to.email,
		subject: t.resetSubject,
		text: format(t.resetBody, { name: to.name, link, date: formatDateTime(expiresAt.toISOString(), locale) })
	};
}

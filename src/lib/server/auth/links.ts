// The single-use links and the mails that carry them.
import { format, formatDateTime, messages, type Locale } from '../../i18n';
import type { OutgoingMail } from '../mail';

export const invitationPath = (token: string) => `/invitation/${token}`;
export const resetPath = (token: string) => `/reinitialisation/${token}`;

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

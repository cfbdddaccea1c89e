// Outgoing mail: invitation and password-reset links. With SMTP_URL set, nodemailer sends them; without
// it (or when sending fails) nothing is sent and the caller shows the link to the admin, who passes it
// on. Outside production the link is also written to the server log, so a developer can follow it.
import nodemailer from 'nodemailer';
import { log } from './log';
import { config, parseConfig } from './config';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
}

export interface MailSettings {
	smtpUrl?: string;
	from: string;
	production: boolean;
}

export function mailSettings(env?: NodeJS.ProcessEnv): MailSettings {
	const settings = env ? parseConfig(env) : config();
	return { smtpUrl: settings.smtpUrl, from: settings.mailFrom, production: settings.production };
}

export type Delivery = 'sent' | 'not-configured' | 'failed';

export async function sendMail(mail: OutgoingMail, settings: MailSettings = mailSettings()): Promise<Delivery> {
	if (!settings.smtpUrl) return 'not-configured';
	// One transport per message: these mails are rare, and nothing stays open between requests.
	const transport = nodemailer.createTransport(settings.smtpUrl, { from: settings.from });
	try {
		await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
		log('info', 'mail sent', { subject: mail.subject });
		return 'sent';
	} catch (error) {
		log('error', 'mail not sent', { subject: mail.subject, error: error instanceof Error ? error.message : String(error) });
		return 'failed';
	} finally {
		transport.close();
	}
}

/**
 * Sends a mail carrying a single-use link. `delivered: false` means the caller must hand the link
 * over another way (shown to the admin); it is then logged in development only, never in production.
 */
export async function deliverLink(mail: OutgoingMail, link: string, settings: MailSettings = mailSettings()): Promise<{ delivered: boolean }> {
	const delivery = await sendMail(mail, settings);
	if (delivery === 'sent') return { delivered: true };
	if (!settings.production) log('info', 'link not mailed: follow it by hand (development only)', { to: mail.to, subject: mail.subject, link });
	return { delivered: false };
}

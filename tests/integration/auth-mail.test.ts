// The SMTP path, against a real SMTP server started here on 127.0.0.1 (random port).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { makeUser } from './auth-fixtures';
import { deliverLink, mailSettings, sendMail } from '../../src/lib/server/mail';
import { invitationMail, invitationPath, resetMail, resetPath } from '../../src/lib/server/auth/links';
import { inviteUser, requestPasswordReset } from '../../src/lib/server/domain/users/users';

interface Received {
	from: string;
	to: string[];
	data: string;
}

let server: SMTPServer;
let port: number;
let database: TestDatabase;
// One inbox for this file's tests, emptied by each test that reads it.
const inbox: Received[] = [];

beforeAll(async () => {
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				inbox.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					data: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.server.address() as AddressInfo).port;
	database = await freshDatabase();
});
afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
	await database?.close();
});

/** Quoted-printable soft line breaks and escapes undone, so that links read as sent. */
function body(raw: string): string {
	return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('mail', () => {
	it('sends an invitation link over SMTP when SMTP_URL is set', async () => {
		inbox.length = 0;
		const admin = await makeUser(database.prisma, ['ADMIN']);
		const { token, expiresAt } = await inviteUser(database.prisma, admin, {
			email: 'invitee@example.gouv.fr',
			displayName: 'Invitée',
			organisation: null,
			roles: ['AMDAC'],
			teamIds: []
		});
		const link = `https://jalons.example.gouv.fr${invitationPath(token)}`;
		const settings = mailSettings({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Jalons <jalons@example.gouv.fr>', NODE_ENV: 'production' });
		const result = await deliverLink(invitationMail('fr', { email: 'invitee@example.gouv.fr', name: 'Invitée' }, admin.displayName, link, expiresAt), link, settings);
		expect(result).toEqual({ delivered: true });
		expect(inbox).toHaveLength(1);
		const [mail] = inbox;
		expect(mail?.to).toEqual(['invitee@example.gouv.fr']);
		expect(mail?.from).toBe('jalons@example.gouv.fr');
		expect(body(mail?.data ?? '')).toContain(link);
		expect(mail?.data).toMatch(/^Subject: .*invitation/im);
	});

	it('sends a reset link the same way', async () => {
		inbox.length = 0;
		const user = await makeUser(database.prisma, ['COUNCIL']);
		const reset = await requestPasswordReset(database.prisma, user.email);
		if (!reset) throw new Error('expected a reset link');
		const link = `http://localhost:3000${resetPath(reset.token)}`;
		const settings = mailSettings({ SMTP_URL: `smtp://127.0.0.1:${port}` });
		expect(await deliverLink(resetMail('en', { email: user.email, name: user.displayName }, link, reset.expiresAt), link, settings)).toEqual({ delivered: true });
		expect(inbox[0]?.to).toEqual([user.email]);
		expect(body(inbox[0]?.data ?? '')).toContain(link);
	});

	it('sends nothing without SMTP_URL, and reports a failed server as not delivered', async () => {
		inbox.length = 0;
		const mail = { to: 'x@example.gouv.fr', subject: 'Test', text: 'lien' };
		expect(await sendMail(mail, mailSettings({ NODE_ENV: 'production' }))).toBe('not-configured');
		expect(await deliverLink(mail, 'http://localhost/x', mailSettings({ NODE_ENV: 'production' }))).toEqual({ delivered: false });
		// A port nobody listens on: the closed server of a second instance.
		const closed = new SMTPServer({ authOptional: true, logger: false });
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const closedPort = (closed.server.address() as AddressInfo).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		expect(await sendMail(mail, mailSettings({ SMTP_URL: `smtp://127.0.0.1:${closedPort}` }))).toBe('failed');
		expect(inbox).toHaveLength(0);
	});
});

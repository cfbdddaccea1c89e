// The daily digest against a real SMTP server started here on 127.0.0.1 (random port), as
// auth-mail.test.ts does: one mail per follower, links to the measure, never the same item twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { measureId } from '../helpers/editing';
import { makeUser } from './auth-fixtures';
import {} from '../../src/lib/server/seed';
import { postComment, hideComment } from '../../src/lib/server/domain/comments/comments';
import { markAllRead, setFollowing } from '../../src/lib/server/domain/notifications/notifications';
import { sendDailyDigests } from '../../src/lib/server/domain/notifications/digest';
import { mailSettings } from '../../src/lib/server/mail';
import type { Db } from '../../src/lib/server/db';

interface Received {
	to: string[];
	data: string;
}

let server: SMTPServer;
let port: number;
let database: TestDatabase;
let db: Db;
const inbox: Received[] = [];
const ORIGIN = 'https://jalons.example.gouv.fr';

beforeAll(async () => {
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.server.address() as AddressInfo).port;
	database = await freshDatabase({ plan: true });
	db = database.prisma;
}, 120_000);
afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
	await database?.close();
});

/** Quoted-printable soft line breaks and escapes undone. */
function body(raw: string): string {
	const decoded = raw.replace(/=\r?\n/g, '').replace(/((?:=[0-9A-F]{2})+)/g, (run: string) => Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'));
	return decoded.replace(/\r\n/g, '\n');
}

describe('daily digest', () => {
	it('mails each follower the unread items once, over SMTP, with links to the measure', async () => {
		const settings = mailSettings({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Jalons <jalons@example.gouv.fr>' });
		const m = await measureId(db, '2.1');
		const follower = await makeUser(db, ['AMDAC']);
		const reader = await makeUser(db, ['COUNCIL']);
		const staff = await makeUser(db, ['EDITOR'], ['LABEL']);
		for (const user of [follower, reader, staff]) await setFollowing(db, user, { measureId: m, follow: true });

		const t0 = new Date('2026-11-29T10:00:00Z');
		const { id } = await postComment(db, staff, { target: { type: 'MEASURE', measureId: m }, visibility: 'PUBLIC', body: 'Le **comité** se réunit' }, t0);
		const hidden = await postComment(
			db,
			staff,
			{ target: { type: 'MEASURE', measureId: m }, visibility: 'WORKING_GROUP', body: 'Texte masqué ensuite' },
			new Date(t0.getTime() + 60_000)
		);
		await hideComment(db, await makeUser(db, ['ADMIN']), { commentId: hidden.id, version: 1, reason: 'Doublon' });
		// The council member read everything in the app already: nothing to mail them.
		await markAllRead(db, reader);

		inbox.length = 0;
		const now = new Date('2026-11-30T07:00:00Z');
		const first = await sendDailyDigests(db, now, settings, ORIGIN);
		expect(first).toMatchObject({ sent: 1, failed: 0 });
		expect(inbox).toHaveLength(1);
		const mail = inbox[0]!;
		expect(mail.to).toEqual([follower.email]);
		const text = body(mail.data);
		expect(text).toMatch(/^Subject: .*Jalons/im);
		expect(text).toContain(`${ORIGIN}/plans/`);
		expect(text).toContain(`/mesures/2.1#commentaire-${id}`);
		expect(text).toContain(staff.displayName);
		// A comment hidden since is not announced.
		expect(text).not.toContain(hidden.id);
		expect(text).toContain(`${ORIGIN}/notifications`);
		// Every pending notification is now marked as mailed, with an audit event per user.
		expect(await db.notification.count({ where: { mailedAt: null } })).toBe(0);
		expect(await db.auditEvent.count({ where: { entityType: 'NotificationDigest' } })).toBeGreaterThanOrEqual(2);

		// A second run the same day sends nothing again.
		inbox.length = 0;
		expect(await sendDailyDigests(db, new Date(now.getTime() + 60_000), settings, ORIGIN)).toMatchObject({ sent: 0, notifications: 0 });
		expect(inbox).toHaveLength(0);
	});

	it('sends nothing and marks nothing without SMTP_URL', async () => {
		const m = await measureId(db, '2.2');
		const follower = await makeUser(db, ['AMDAC']);
		const author = await makeUser(db, ['COUNCIL']);
		await setFollowing(db, follower, { measureId: m, follow: true });
		await postComment(db, author, { target: { type: 'MEASURE', measureId: m }, visibility: 'PUBLIC', body: 'Nouveau' }, new Date('2026-11-30T06:00:00Z'));
		inbox.length = 0;
		const result = await sendDailyDigests(db, new Date('2026-11-30T07:00:00Z'), mailSettings({}), ORIGIN);
		expect(result).toEqual({ sent: 0, failed: 0, notifications: 0, skipped: 'not-configured' });
		expect(inbox).toHaveLength(0);
		expect(await db.notification.count({ where: { userId: follower.id, mailedAt: null } })).toBe(1);
	});

	it('keeps the items for the next run when the SMTP server refuses', async () => {
		const before = await db.notification.count({ where: { mailedAt: null } });
		expect(before).toBeGreaterThan(0);
		// Nothing listens on port 9 of the loopback: the send fails.
		const result = await sendDailyDigests(db, new Date('2026-11-30T07:00:00Z'), mailSettings({ SMTP_URL: 'smtp://127.0.0.1:9' }), ORIGIN);
		expect(result.failed).toBeGreaterThan(0);
		expect(await db.notification.count({ where: { mailedAt: null } })).toBe(before);
	});
});

// Followers are rebuilt from their user row with their teams: an editor of a team is staff, so they
// are notified of an internal comment (in the app and in the daily digest). Before, notifications
// and the digest built every follower with no teams, and no editor ever counted as staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { measureId } from '../helpers/editing';
import { makeUser } from './auth-fixtures';
import { postComment } from '../../src/lib/server/domain/comments/comments';
import { listNotifications, setFollowing } from '../../src/lib/server/domain/notifications/notifications';
import { sendDailyDigests } from '../../src/lib/server/domain/notifications/digest';
import { mailSettings } from '../../src/lib/server/mail';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let smtp: SMTPServer;
let port: number;
const inbox: { to: string[]; data: string }[] = [];

beforeAll(async () => {
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				inbox.push({
					to: session.envelope.rcptTo.map((r) => r.address),
					data: Buffer.concat(chunks)
						.toString('utf8')
						.replace(/=\r?\n/g, '')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	port = (smtp.server.address() as AddressInfo).port;
	database = await freshDatabase({ plan: true });
	db = database.prisma;
}, 120_000);
afterAll(async () => {
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
	await database?.close();
});

describe('an internal comment', () => {
	it('reaches the other editors of the team who follow the measure, in the app and by mail; not the others', async () => {
		const m = await measureId(db, '1.1');
		const author = await makeUser(db, ['EDITOR'], ['LABEL']);
		const colleague = await makeUser(db, ['EDITOR'], ['LABEL']);
		const amdac = await makeUser(db, ['AMDAC']);
		for (const user of [author, colleague, amdac]) await setFollowing(db, user, { measureId: m, follow: true });

		const { id } = await postComment(
			db,
			author,
			{ target: { type: 'MEASURE', measureId: m }, visibility: 'INTERNAL', body: 'Réservé à l’équipe' },
			new Date('2026-12-01T09:00:00Z')
		);

		const rows = await db.notification.findMany({ where: { commentId: id }, select: { userId: true } });
		expect(rows.map((r) => r.userId)).toEqual([colleague.id]);
		expect((await listNotifications(db, colleague)).map((n) => n.commentId)).toContain(id);

		inbox.length = 0;
		const settings = mailSettings({ SMTP_URL: `smtp://127.0.0.1:${port}` });
		const result = await sendDailyDigests(db, new Date('2026-12-02T07:00:00Z'), settings, 'https://jalons.example.gouv.fr');
		expect(result).toMatchObject({ sent: 1, failed: 0 });
		expect(inbox.map((mail) => mail.to)).toEqual([[colleague.email]]);
		expect(inbox[0]!.data).toContain(`#commentaire-${id}`);
	});
});

// The daily digest: one e-mail per user listing their unread notifications not mailed yet. Run once a
// day by cron (`npm run digest`). A notification is marked `mailedAt` in the transaction that follows
// a successful send, so a second run never mails it again; a failed send leaves it for the next run.
import type { Db } from '../../db';
import { recordAudit } from '../../audit';
import { sendMail, mailSettings, type MailSettings } from '../../mail';
import { canSeeComment, canViewReportRound } from '../../policies';
import { ACTOR_SELECT, actorFromUser } from '../../auth/actor';
import { format, messages, plural } from '../../../i18n';
import { publicOrigin } from '../../config';

export interface DigestResult {
	/** Mails sent. */
	sent: number;
	/** Mails that could not be sent (left for the next run). */
	failed: number;
	/** Notifications marked as mailed (sent, or nothing left to say about them). */
	notifications: number;
	skipped?: 'not-configured';
}

export async function sendDailyDigests(db: Db, now: Date = new Date(), settings: MailSettings = mailSettings(), origin: string = publicOrigin()): Promise<DigestResult> {
	const result: DigestResult = { sent: 0, failed: 0, notifications: 0 };
	if (!settings.smtpUrl) return { ...result, skipped: 'not-configured' };
	const pending = await db.notification.findMany({
		where: { mailedAt: null, createdAt: { lte: now } },
		orderBy: [{ userId: 'asc' }, { createdAt: 'asc' }],
		include: {
			user: { select: { ...ACTOR_SELECT, email: true, disabledAt: true } },
			comment: { select: { visibility: true, hiddenAt: true, author: { select: { displayName: true } } } },
			round: { select: { id: true, title: true, status: true, plan: { select: { slug: true } } } }
		}
	});
	const measures = new Map(
		(
			await db.measure.findMany({
				where: { id: { in: [...new Set(pending.flatMap((n) => (n.measureId ? [n.measureId] : [])))] } },
				select: { id: true, number: true, title: true, plan: { select: { slug: true } } }
			})
		).map((m) => [m.id, m])
	);
	const byUser = new Map<string, typeof pending>();
	for (const n of pending) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
	const t = messages('fr').comments.digest;
	for (const [userId, items] of byUser) {
		const user = items[0]!.user;
		const reader = actorFromUser(user);
		// Read in the app already, hidden since, or no longer readable: marked, never mailed.
		const lines = items.flatMap((n) => {
			if (n.readAt || user.disabledAt) return [];
			if (n.round) {
				if (!canViewReportRound(reader, n.round)) return [];
				const workspace = n.kind === 'REPORT_SUBMITTED' ? '/rapports/travail/' : '/rapports/';
				const text = format(n.kind === 'REPORT_SUBMITTED' ? t.reportSubmitted : t.reportPublished, { title: n.round.title });
				return [`${text}\n  ${origin}/plans/${n.round.plan.slug}${workspace}${n.round.id}`];
			}
			const measure = n.measureId ? measures.get(n.measureId) : undefined;
			if (!measure) return [];
			if (n.comment && (n.comment.hiddenAt || !canSeeComment(reader, n.comment.visibility))) return [];
			const values = { n: measure.number, title: measure.title, name: n.comment?.author.displayName ?? '' };
			const url = `${origin}/plans/${measure.plan.slug}/mesures/${measure.number}${n.commentId ? `#commentaire-${n.commentId}` : ''}`;
			return [`${format(n.kind === 'COMMENT' ? t.comment : t.update, values)}\n  ${url}`];
		});
		if (lines.length > 0) {
			const delivery = await sendMail(
				{
					to: user.email,
					subject: plural('fr', t.subject, lines.length),
					text: [format(t.greeting, { name: user.displayName }), '', t.intro, '', ...lines, '', format(t.footer, { link: `${origin}/notifications` })].join('\n')
				},
				settings
			);
			if (delivery !== 'sent') {
				result.failed += 1;
				continue;
			}
			result.sent += 1;
		}
		const ids = items.map((n) => n.id);
		await db.$transaction(async (tx) => {
			const { count } = await tx.notification.updateMany({ where: { id: { in: ids }, mailedAt: null }, data: { mailedAt: now } });
			await recordAudit(
				tx,
				{ id: null, label: 'digest', role: null },
				{
					action: 'update',
					entityType: 'NotificationDigest',
					entityId: userId,
					after: { mailed: lines.length, marked: count }
				}
			);
			result.notifications += count;
		});
	}
	return result;
}

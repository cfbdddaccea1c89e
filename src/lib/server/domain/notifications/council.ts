// The council's notifications of a report round: submitted to it, then published. Every active
// council member (the secretariat is one of them) is told, but the one who acted; the daily digest
// mails them like the notifications of followed measures.
import type { Prisma } from '../../db/generated/client';

type Tx = Prisma.TransactionClient;

export async function notifyCouncil(tx: Tx, event: { roundId: string; kind: 'REPORT_SUBMITTED' | 'REPORT_PUBLISHED'; excludeUserId: string | null; now: Date }): Promise<number> {
	// The role is checked here rather than with `has`, which the embedded database's adapter refuses on enum arrays.
	const users = await tx.user.findMany({ where: { disabledAt: null }, select: { id: true, roles: true } });
	const members = users.filter((u) => u.roles.includes('COUNCIL') && u.id !== event.excludeUserId);
	if (members.length === 0) return 0;
	const { count } = await tx.notification.createMany({
		data: members.map((m) => ({ userId: m.id, kind: event.kind, roundId: event.roundId, createdAt: event.now }))
	});
	return count;
}

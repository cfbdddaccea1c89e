// Accounts for the auth integration tests, created through the same domain function as the CLI.
import type { Db } from '../../src/lib/server/db';
import type { Actor, Role } from '../../src/lib/server/policies';
import { createUserWithPassword } from '../../src/lib/server/domain/users/users';

export const PASSWORD = 'une longue phrase de test';

let counter = 0;

/** A user with the given roles and team codes (owners created on the fly), as a policy Actor. */
export async function makeUser(db: Db, roles: Role[], teamCodes: string[] = [], password = PASSWORD): Promise<Actor & { email: string }> {
	counter += 1;
	const email = `user${counter}-${Date.now()}@example.gouv.fr`;
	const teamIds = [];
	for (const code of teamCodes) {
		const owner = await db.owner.upsert({ where: { code }, create: { code, name: `Équipe ${code}` }, update: {} });
		teamIds.push(owner.id);
	}
	const displayName = `Personne ${counter}`;
	const { userId } = await createUserWithPassword(db, { id: null, label: 'test', role: null }, { email, displayName, organisation: null, roles, teamIds, password });
	return { id: userId, displayName, roles, teamIds, email };
}

/** Every row count that an account operation could change: "nothing written" compares two of these. */
export async function snapshot(db: Db) {
	return {
		users: await db.user.count(),
		tokens: await db.userToken.count(),
		sessions: await db.session.count(),
		teams: await db.userTeam.count(),
		audit: await db.auditEvent.count(),
		hashes: (await db.user.findMany({ select: { passwordHash: true, disabledAt: true, roles: true }, orderBy: { id: 'asc' } })).map((u) => JSON.stringify(u))
	};
}

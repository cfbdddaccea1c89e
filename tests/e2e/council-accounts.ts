// Extra council accounts of the end-to-end database (created by scripts/e2e-prepare.ts): with the
// demo council account (flagged by src/lib/server/auth/demo-accounts.ts), three "écosystème" members, so that adopting an opinion takes two votes
// (default quorum: half of three, rounded up), one of them holding the secretariat.
import type { Db } from '../../src/lib/server/db';
import { createUserWithPassword } from '../../src/lib/server/domain/users/users';

export const E2E_COUNCIL = {
	secretariat: { email: 'conseil-secretariat@jalons.example', password: 'e2e-conseil-secretariat', displayName: 'Sacha Secrétariat (e2e)' },
	member: { email: 'conseil-ecosysteme@jalons.example', password: 'e2e-conseil-ecosysteme', displayName: 'Eden Écosystème (e2e)' }
} as const;

export async function ensureE2eCouncilAccounts(db: Db): Promise<void> {
	for (const [key, account] of Object.entries(E2E_COUNCIL)) {
		if (!(await db.user.findUnique({ where: { email: account.email } }))) {
			await createUserWithPassword(db, { id: null, label: 'e2e', role: null }, { ...account, organisation: 'CLL (e2e)', roles: ['COUNCIL'], teamIds: [] });
		}
		await db.user.update({ where: { email: account.email }, data: { councilEcosystem: true, councilSecretariat: key === 'secretariat' } });
	}
}

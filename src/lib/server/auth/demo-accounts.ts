// Demo accounts of the embedded database (no DATABASE_URL): one per role, with fixed passwords that
// the README lists, so that anyone trying Jalons can sign in at once. Never created on PostgreSQL.
import type { Db } from '../db';
import type { CouncilFlags, Role } from '../policies';
import { createUserWithPassword } from '../domain/users/users';

// The council account is both an "écosystème" member and the secretariat: alone in the electorate of
// a fresh start, its vote reaches the quorum of one, so a newcomer can walk the whole council cycle
// (draft, vote, adoption, DINUM's response as admin, decision to publish).
export const DEMO_ACCOUNTS: { email: string; password: string; displayName: string; roles: Role[]; teams: string[]; council?: CouncilFlags }[] = [
	{ email: 'admin@jalons.example', password: 'demo-admin-jalons', displayName: 'Alice Admin (démo)', roles: ['ADMIN'], teams: [] },
	{ email: 'label@jalons.example', password: 'demo-redaction-label', displayName: 'Louis Label (démo)', roles: ['EDITOR'], teams: ['LABEL'] },
	{ email: 'pole@jalons.example', password: 'demo-redaction-pole', displayName: 'Paule Pôle (démo)', roles: ['EDITOR'], teams: ['POLE_LL'] },
	{ email: 'amdac@jalons.example', password: 'demo-amdac-jalons', displayName: 'Amina Amdac (démo)', roles: ['AMDAC'], teams: [] },
	{
		email: 'conseil@jalons.example',
		password: 'demo-conseil-jalons',
		displayName: 'Camille Conseil (démo)',
		roles: ['COUNCIL'],
		teams: [],
		council: { councilEcosystem: true, councilSecretariat: true }
	}
];

/** Creates the demo accounts, and prints them, when the database has no account at all. */
export async function ensureDemoAccounts(db: Db): Promise<number> {
	if ((await db.user.count()) > 0) return 0;
	const owners = await db.owner.findMany({ where: { code: { in: DEMO_ACCOUNTS.flatMap((a) => a.teams) } }, select: { id: true, code: true } });
	const ownerId = new Map(owners.map((o) => [o.code, o.id]));
	const created: typeof DEMO_ACCOUNTS = [];
	for (const account of DEMO_ACCOUNTS) {
		const teamIds = account.teams.flatMap((code) => ownerId.get(code) ?? []);
		// An editor needs a team; without the seeded plan (JALONS_SEED_ON_START=false) it is left out.
		if (account.roles.includes('EDITOR') && teamIds.length === 0) continue;
		await createUserWithPassword(db, { id: null, label: 'demo', role: null }, { ...account, organisation: 'Démo', teamIds });
		created.push(account);
	}
	const width = Math.max(...created.map((a) => a.email.length));
	const passwordWidth = Math.max(...created.map((a) => a.password.length));
	console.log(
		[
			'Comptes de démonstration (base embarquée uniquement) / demo accounts (embedded database only):',
			...created.map((a) => `  ${a.email.padEnd(width)}  ${a.password.padEnd(passwordWidth)}  ${[...a.roles, ...a.teams].join(' ')}`)
		].join('\n')
	);
	return created.length;
}

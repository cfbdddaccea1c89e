// `npm run user:create -- --admin --email alice@example.gouv.fr --name "Alice Martin"`: creates an
// account directly (the first admin, typically; later accounts are better invited from the site).
// Works on DATABASE_URL, or on the embedded database folder — stop the server first in that case:
// the embedded database accepts a single process at a time.
import { parseArgs } from 'node:util';
import { openMigratedDatabase, optionsFromEnv } from '../src/lib/server/db';
import { createUserWithPassword } from '../src/lib/server/domain/users/users';
import { RuleError } from '../src/lib/server/domain/errors';
import { generateToken } from '../src/lib/server/auth/tokens';
import { ROLES, type Role } from '../src/lib/server/policies';
import { messages } from '../src/lib/i18n';

const USAGE = `Usage: npm run user:create -- --email EMAIL --name "NAME" [options]
       (in the Docker image: node build/ops/user-create.js --email EMAIL --name "NAME" [options])

  --admin                 give the ADMIN role (same as --role admin)
  --role ROLE             admin, editor, amdac or council; repeat for several roles
  --team CODE             owner team code (LABEL, POLE_LL, TALENTS…); repeat for several; editors need one
  --organisation TEXT     organisation shown next to the name
  --password PASSWORD     at least 12 characters; without it a strong one is generated and printed
                          (a password typed on the command line stays in the shell history)

The database is DATABASE_URL, or the embedded folder (JALONS_DATA_DIR, default data/pglite):
stop the server before using the embedded one.`;

function fail(message: string, code = 1): never {
	console.error(message);
	process.exit(code);
}

let args;
try {
	args = parseArgs({
		options: {
			admin: { type: 'boolean', default: false },
			role: { type: 'string', multiple: true, default: [] },
			team: { type: 'string', multiple: true, default: [] },
			email: { type: 'string' },
			name: { type: 'string' },
			organisation: { type: 'string' },
			password: { type: 'string' },
			help: { type: 'boolean', default: false }
		}
	}).values;
} catch (error) {
	fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
}
if (args.help) {
	console.log(USAGE);
	process.exit(0);
}
if (!args.email || !args.name) fail(USAGE, 2);

const roles = new Set<Role>(args.admin ? ['ADMIN'] : []);
for (const raw of args.role) {
	const role = raw.toUpperCase();
	if (!(ROLES as readonly string[]).includes(role)) fail(`Unknown role "${raw}": use ${ROLES.join(', ').toLowerCase()}.`, 2);
	roles.add(role as Role);
}
if (roles.size === 0) fail('Give at least one role: --admin or --role ROLE.', 2);

// 160 random bits, grouped so that it can be read out and typed.
const password = args.password ?? (generateToken().match(/.{1,8}/g) ?? []).join('-');

const database = await openMigratedDatabase(optionsFromEnv());
try {
	const owners = await database.prisma.owner.findMany({ select: { id: true, code: true } });
	const teamIds = args.team.map((code) => {
		const owner = owners.find((o) => o.code === code.toUpperCase());
		if (!owner) fail(`Unknown team "${code}". Known teams: ${owners.map((o) => o.code).join(', ') || 'none (seed the plan first: npm run db:seed)'}.`, 2);
		return owner.id;
	});
	const { userId } = await createUserWithPassword(
		database.prisma,
		{ id: null, label: 'cli', role: null },
		{ email: args.email, displayName: args.name, organisation: args.organisation ?? null, roles: [...roles], teamIds, password }
	);
	console.log(`Account created (${database.kind} database): ${args.email.trim().toLowerCase()}, id ${userId}, roles ${[...roles].join(', ')}.`);
	if (!args.password) console.log(`Generated password (shown once): ${password}`);
} catch (error) {
	if (error instanceof RuleError) {
		const key = error.messageKey.split('.').at(-1) as keyof ReturnType<typeof messages>['auth']['errors'];
		fail(`Refused: ${messages('en').auth.errors[key] ?? error.messageKey}`);
	}
	throw error;
} finally {
	await database.close();
}

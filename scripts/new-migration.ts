// `npm run db:migration -- <name>`: writes the next migration from the difference between the
// committed migrations and prisma/schema.prisma (our offline stand-in for
// `prisma migrate dev --create-only`). Review the SQL before committing it.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCKFILE_CONTENT, LOCKFILE_NAME, defaultPaths, diffMigrationsToSchema } from './lib/schema-engine';

// The name ends up in a directory name and in `_prisma_migrations.migration_name` (255 chars).
const NAME_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 200;

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

/** UTC, like Prisma, so that migrations written in different time zones sort by creation. */
function timestamp(date: Date): string {
	return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

const name = process.argv[2];
if (!name || process.argv.length > 3) {
	fail('Usage: npm run db:migration -- <name_in_snake_case>   (e.g. add_measure_budget)');
}
if (!NAME_PATTERN.test(name) || name.length > MAX_NAME_LENGTH) {
	fail(`Invalid migration name "${name}": use snake_case (lowercase letters, digits, single ` + `underscores, starting with a letter, at most ${MAX_NAME_LENGTH} characters).`);
}

const paths = defaultPaths();
const { sql, differs } = await diffMigrationsToSchema(paths);
if (!differs) {
	fail(`No migration written: ${path.relative('.', paths.migrationsDir)} already produces ` + `${path.relative('.', paths.schemaPath)}. Change the schema first.`);
}

const dirName = `${timestamp(new Date())}_${name}`;
// Migrations apply in name order: a new one sorting before an existing one (clock skew, a
// hand-made future timestamp) would be applied out of order on fresh databases.
const existing = (await readdir(paths.migrationsDir, { withFileTypes: true }).catch(() => []))
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name)
	.sort();
const latest = existing.at(-1);
if (latest !== undefined && latest.slice(0, 14) >= dirName.slice(0, 14)) {
	fail(`Refusing to write ${dirName}: it would not sort after the latest migration ${latest}.`);
}

const dir = path.join(paths.migrationsDir, dirName);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql, 'utf8');
await writeFile(path.join(paths.migrationsDir, LOCKFILE_NAME), LOCKFILE_CONTENT, 'utf8');

console.log(sql);
console.log(`Wrote ${path.relative('.', path.join(dir, 'migration.sql'))}.`);
console.log('Review it, then commit it together with the schema change.');

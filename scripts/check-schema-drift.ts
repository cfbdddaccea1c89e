// Schema-drift check: exits 0 when prisma/migrations produce exactly prisma/schema.prisma, 2 (and
// prints the missing SQL) when they do not, 1 when the check itself fails. Used by the
// schema-drift test and usable on its own in CI. JALONS_SCHEMA_PATH / JALONS_MIGRATIONS_DIR
// point it elsewhere.
import path from 'node:path';
import { defaultPaths, diffMigrationsToSchema } from './lib/schema-engine';

try {
	const paths = defaultPaths();
	const { sql, differs } = await diffMigrationsToSchema(paths);
	const schema = path.relative('.', paths.schemaPath);
	const migrations = path.relative('.', paths.migrationsDir);
	if (!differs) {
		console.log(`${schema} and ${migrations} agree.`);
	} else {
		console.log(sql);
		console.error(`${schema} and ${migrations} disagree: the migrations lack the SQL above. ` + 'Run `npm run db:migration -- <name>` to write it as a new migration.');
		process.exitCode = 2;
	}
} catch (error) {
	console.error(`Schema-drift check failed: ${(error as Error).stack ?? String(error)}`);
	process.exitCode = 1;
}

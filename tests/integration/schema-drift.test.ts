// Fails while prisma/schema.prisma and prisma/migrations disagree, i.e. someone changed the schema
// without writing its migration (`npm run db:migration -- <name>`), or edited a migration by hand.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultPaths, diffMigrationsToSchema } from '../../scripts/lib/schema-engine';

const run = promisify(execFile);
// Each check replays every migration into a shadow database in the WebAssembly schema engine: a few
// seconds alone, but minutes on a shared machine under load, which is not a failure of the check.
const ENGINE_TIMEOUT = 300_000;

test(
	'prisma/schema.prisma and prisma/migrations agree',
	async () => {
		const { sql, differs } = await diffMigrationsToSchema(defaultPaths());
		expect(differs, `The migrations do not produce schema.prisma. Run \`npm run db:migration -- <name>\`; missing SQL:\n${sql}`).toBe(false);
		expect(sql).toBe('');
	},
	ENGINE_TIMEOUT
);

// Proves the check above can fail: the same check against a schema with one extra column.
describe('on a schema the migrations do not produce', () => {
	let dir: string;
	let driftedSchema: string;

	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'jalons-drift-'));
		driftedSchema = path.join(dir, 'schema.prisma');
		const schema = await readFile(defaultPaths().schemaPath, 'utf8');
		const drifted = schema.replace(/^model Owner \{$/m, 'model Owner {\n  driftProbe String?');
		expect(drifted).not.toBe(schema);
		await writeFile(driftedSchema, drifted);
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	test(
		'the diff holds the missing SQL',
		async () => {
			const { sql, differs } = await diffMigrationsToSchema({ ...defaultPaths(), schemaPath: driftedSchema });
			expect(differs).toBe(true);
			expect(sql).toContain('ALTER TABLE "Owner" ADD COLUMN     "driftProbe" TEXT;');
		},
		ENGINE_TIMEOUT
	);

	test(
		'scripts/check-schema-drift.ts exits 2 and prints the SQL',
		async () => {
			const failure = await run(process.execPath, ['--import', 'tsx', 'scripts/check-schema-drift.ts'], {
				env: { ...process.env, JALONS_SCHEMA_PATH: driftedSchema }
			}).then(
				() => null,
				(error: { code?: number; stdout?: string; stderr?: string }) => error
			);
			expect(failure?.code, failure?.stderr).toBe(2);
			expect(failure?.stdout).toContain('"driftProbe" TEXT');
			expect(failure?.stderr).toContain('npm run db:migration');
		},
		ENGINE_TIMEOUT
	);
});

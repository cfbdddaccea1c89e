// Runs the Prisma CLI on machines that cannot download Prisma's native schema engine.
// `generate`, `validate` and `format` only need the engine path to exist; the stub exits 1 so
// that the CLI's migrate commands fail loudly (ours use the WebAssembly engine instead).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);
const env = { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('./schema-engine-stub.sh', import.meta.url));

let cli;
try {
	cli = require.resolve('prisma/build/index.js');
} catch {
	console.warn('prisma is not installed yet; skipping `prisma ' + process.argv.slice(2).join(' ') + '`');
	process.exit(0);
}
// The Prisma CLI loads prisma.config.ts with tsconfig.json, which extends the file SvelteKit
// generates: on a fresh clone it does not exist yet.
if (!existsSync(new URL('../.svelte-kit/tsconfig.json', import.meta.url))) {
	try {
		const kit = fileURLToPath(new URL('../node_modules/@sveltejs/kit/svelte-kit.js', import.meta.url));
		if (!existsSync(kit)) throw new Error('SvelteKit is not installed');
		spawnSync(process.execPath, [kit, 'sync'], { stdio: 'inherit', env });
	} catch {
		// Without SvelteKit installed there is nothing to sync; Prisma falls back to its defaults.
	}
}
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);

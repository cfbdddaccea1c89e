// `node scripts/build-ops.mjs [--outdir DIR]` (run by `npm run build`, after `vite build`, which empties
// build/): bundles the operational scripts into build/ops/*.js, so that the production image, which holds
// only build/, the production node_modules, prisma/migrations and package.json, can run them:
// `docker compose exec app node build/ops/digest.js`. Developers keep `npm run digest` etc. (tsx).
// Our code (src/, the generated Prisma client, the seed plan, the common-password list) is bundled;
// packages stay imports, so each one must be a production dependency: the build fails otherwise.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
/** The scripts an operator runs against a deployed instance (each becomes build/ops/<name>.js). */
export const OPS_SCRIPTS = ['migrate', 'seed', 'user-create', 'digest', 'purge', 'links-check', 'indicators-fetch', 'plan-export', 'plan-import', 'plan-import-csv'];

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier) {
	const parts = specifier.split('/');
	return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @param {{ outdir?: string }} [options] */
export async function buildOps({ outdir = path.join(root, 'build', 'ops') } = {}) {
	await rm(outdir, { recursive: true, force: true });
	const result = await build({
		absWorkingDir: root,
		entryPoints: OPS_SCRIPTS.map((name) => ({ in: `scripts/${name}.ts`, out: name })),
		outdir,
		bundle: true,
		splitting: true,
		chunkNames: 'chunks/[name]-[hash]',
		format: 'esm',
		platform: 'node',
		target: 'node20.19',
		packages: 'external',
		sourcemap: 'linked',
		metafile: true,
		logLevel: 'warning'
	});
	const { dependencies = {} } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const missing = new Set();
	for (const output of Object.values(result.metafile.outputs)) {
		for (const { path: specifier, external } of output.imports) {
			if (external && !isBuiltin(specifier) && !(packageName(specifier) in dependencies)) missing.add(packageName(specifier));
		}
	}
	if (missing.size > 0) {
		throw new Error(`The ops scripts import ${[...missing].join(', ')}, not in package.json "dependencies": the production image would not have it.`);
	}
	return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
	const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
	const outdir = values.outdir ? path.resolve(values.outdir) : undefined;
	await buildOps({ outdir });
	console.log(`ops scripts bundled into ${path.relative(process.cwd(), outdir ?? path.join(root, 'build', 'ops')) || '.'}: ${OPS_SCRIPTS.join(', ')}`);
}

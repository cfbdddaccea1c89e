// `npm start`: builds the app when the build is missing or older than the sources, then serves the
// production build. The server itself applies migrations and, on the embedded default, seeds the
// real plan on first start (src/hooks.server.ts → src/lib/server/db/instance.ts).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'build', 'handler.js');
const sources = ['src', 'static', 'prisma', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newestMtime(target) {
	if (!existsSync(target)) return 0;
	const stat = statSync(target);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
	return newest;
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
if (builtAt < sourcesAt) {
	console.log(builtAt ? 'Sources changed since the last build: building…' : 'No build yet: building…');
	// What `npm run build` does: the app, then the ops scripts bundled into build/ops.
	for (const step of [[path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], [path.join(root, 'scripts/build-ops.mjs')]]) {
		const build = spawnSync(process.execPath, step, { cwd: root, stdio: 'inherit' });
		if (build.status !== 0) process.exit(build.status ?? 1);
	}
}

const port = process.env.PORT ?? '3000';
const env = {
	...process.env,
	NODE_ENV: 'production',
	PORT: port,
	// Without ORIGIN, adapter-node refuses form posts to a plain-http server as cross-site.
	ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`
};
if (!process.env.DATABASE_URL) {
	console.log(`No DATABASE_URL: using the embedded database in ${process.env.JALONS_DATA_DIR ?? 'data/pglite'}.`);
}
console.log(`Jalons: ${env.ORIGIN}`);
const server = spawn(process.execPath, [path.join(root, 'build/index.js')], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

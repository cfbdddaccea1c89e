// `npm run lint`: ESLint, knip and Prettier, side by side once SvelteKit's generated types are in
// place. ESLint runs twice, .ts/.js files and .svelte files (together, each Svelte file's virtual
// TypeScript makes the project service rebuild the program: 208 s of CPU instead of 60 s), and the
// four tools run at once: each is mostly one thread, and they share nothing. Each tool's output is
// printed whole when it ends; the exit code is non-zero when any of them fails.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const sync = spawnSync(bin('svelte-kit'), ['sync'], { cwd: root, stdio: 'inherit' });
if (sync.status !== 0) process.exit(sync.status ?? 1);

const tools = [
	['ESLint (.ts, .js)', bin('eslint'), ['--ignore-pattern', '**/*.svelte', '.']],
	['ESLint (.svelte)', bin('eslint'), ['src/**/*.svelte']],
	['knip', bin('knip'), []],
	['Prettier', bin('prettier'), ['--check', '.']]
];

function run([label, command, args]) {
	const start = performance.now();
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
		const output = [];
		child.stdout.on('data', (chunk) => output.push(chunk));
		child.stderr.on('data', (chunk) => output.push(chunk));
		child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
		child.on('close', (code) => {
			const ok = code === 0;
			const seconds = Math.round((performance.now() - start) / 1000);
			process.stdout.write(`\n=== ${label}: ${ok ? 'ok' : `failed (exit code ${code})`}, ${seconds} s\n`);
			process.stdout.write(Buffer.concat(output));
			resolve(ok);
		});
	});
}

const results = await Promise.all(tools.map(run));
process.exit(results.every(Boolean) ? 0 : 1);

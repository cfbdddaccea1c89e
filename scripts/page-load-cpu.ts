// `node --import tsx scripts/page-load-cpu.ts [base URL] [path] [--loads=20]`: the CPU time a headless
// Chromium spends loading one page of a running `node build` (parsing its HTML and CSS, style, layout,
// paint, running its scripts until the network is idle), summed over every process of the browser's
// tree from /proc (Linux). The end-to-end suite is bound by this CPU on a small machine: a lighter page
// makes every test that loads it cheaper. Each load is a fresh context (nothing cached), like a test's.
// Prints the browser's CPU per load, and the wall time; the server's own CPU is not counted.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const base = (args.find((a) => /^https?:\/\//.test(a)) ?? 'http://127.0.0.1:4173').replace(/\/$/, '');
const path = args.find((a) => a.startsWith('/')) ?? '/';
const LOADS = Number(args.find((a) => a.startsWith('--loads='))?.slice(8) ?? 20);
const TICKS = 100; // USER_HZ on Linux

/** utime + stime (clock ticks) of a process and the children it has waited for, from /proc/<pid>/stat. */
function cpuTicks(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// Fields 14-17 of stat (utime, stime, cutime, cstime), counted here from field 3.
		return fields.slice(11, 15).reduce((sum, value) => sum + Number(value), 0);
	} catch {
		return 0; // gone since the listing
	}
}

/** The browser's process and all its descendants. */
function tree(root: number): number[] {
	const parents = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
		} catch {
			// exited meanwhile
		}
	}
	const all = [root];
	for (let i = 0; i < all.length; i++) all.push(...(parents.get(all[i]!) ?? []));
	return all;
}

const treeTicks = (root: number) => tree(root).reduce((sum, pid) => sum + cpuTicks(pid), 0);

const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium-headless-shell',
	args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu']
});
// playwright-core launches the browser as a child of this process: find it by its parent.
const own = tree(process.pid).filter((pid) => pid !== process.pid);
const root = own.find((pid) => /chrom/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '')) ?? own[0]!;
try {
	// One load first, not counted: the browser's own start-up work.
	const warm = await browser.newContext();
	await (await warm.newPage()).goto(base + path, { waitUntil: 'networkidle' });
	await warm.close();
	const before = treeTicks(root);
	const started = performance.now();
	for (let i = 0; i < LOADS; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		const response = await page.goto(base + path, { waitUntil: 'networkidle' });
		if (response?.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
		await context.close();
	}
	const cpu = (treeTicks(root) - before) / TICKS;
	const wall = (performance.now() - started) / 1000;
	console.log(`${base}${path}: ${LOADS} loads, browser CPU ${cpu.toFixed(2)} s (${((cpu / LOADS) * 1000).toFixed(0)} ms a load), wall ${wall.toFixed(1)} s`);
} finally {
	await browser.close();
}

// Open data of a large plan (issue 13): each file of a generated plan (10,000 measures, 10 milestones
// each: a 100,000-row milestones file) downloaded from `node build` with the page cache off (time to
// first byte, whole file, size), then read in this process to measure the heap it takes: the
// streamed files a batch at a time, and, for comparison, the same file built from the whole plan at
// once (how every file was served before). Prints a table and writes it to bench/OPEN-DATA.md.
// Options: --measures (default 10000); --database (default jalons_bench_opendata), dropped and
// filled again unless --reuse, which reads the plan already there (a copy of a shared bench
// database: `CREATE DATABASE x TEMPLATE jalons_bench_opendata`). Needs `npm run build` first;
// PostgreSQL from DATABASE_URL or a throwaway local server.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openMigratedDatabase } from '../src/lib/server/db';
import { createLargePlan } from '../tests/helpers/large-plan';
import { DATASETS } from '../src/lib/server/opendata/datasets';
import { openFile, parseFileName, renderFile } from '../src/lib/server/opendata/files';
import { loadPlanData } from '../src/lib/server/opendata/load';
import { startThrowawayPostgres } from './postgres';

const { values: options } = parseArgs({
	options: { measures: { type: 'string', default: '10000' }, database: { type: 'string', default: 'jalons_bench_opendata' }, reuse: { type: 'boolean', default: false } }
});
if (!/^[a-z_][a-z0-9_]*$/.test(options.database)) throw new Error(`not a database name: ${options.database}`);
const measures = Number(options.measures);
const root = path.resolve(import.meta.dirname, '..');
const slug = `plan-genere-${measures}`;
const origin = 'http://127.0.0.1:4391';

const own = process.env.DATABASE_URL ? null : startThrowawayPostgres(55434);
const server = process.env.DATABASE_URL ?? own!.url;
const url = Object.assign(new URL(server), { pathname: `/${options.database}` }).toString();

async function recreate(): Promise<void> {
	const client = new pg.Client({ connectionString: Object.assign(new URL(server), { pathname: '/postgres' }).toString() });
	await client.connect();
	await client.query(`DROP DATABASE IF EXISTS ${options.database} WITH (FORCE)`);
	await client.query(`CREATE DATABASE ${options.database}`);
	await client.end();
}

async function startApp(): Promise<ChildProcess> {
	const child = spawn(process.execPath, [path.join(root, 'build/index.js')], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: url, PORT: '4391', HOST: '127.0.0.1', ORIGIN: origin, NODE_ENV: 'production', LOG_LEVEL: 'warn', JALONS_PAGE_CACHE_MB: '0' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 120; i++) {
		if (
			await fetch(`${origin}/readyz`).then(
				(r) => r.ok,
				() => false
			)
		)
			return child;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill();
	throw new Error('the app did not become ready');
}

/** One download on a connection of its own (no keep-alive race with the server's idle timeout). */
function download(name: string): Promise<{ firstByteMs: number; totalMs: number; bytes: number; status: number }> {
	const start = performance.now();
	return new Promise((resolve, reject) => {
		get(`${origin}/donnees/${slug}/${name}`, { agent: false }, (response) => {
			let firstByteMs = NaN;
			let bytes = 0;
			response.on('data', (chunk: Buffer) => {
				if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - start;
				bytes += chunk.byteLength;
			});
			response.on('end', () => resolve({ firstByteMs, totalMs: performance.now() - start, bytes, status: response.statusCode ?? 0 }));
			response.on('error', reject);
		}).on('error', reject);
	});
}

/**
 * CPU time (ms) the app's process has used so far, user and system, from /proc (Linux; NaN
 * elsewhere): what a download costs the server whatever else shares the machine's cores.
 */
function serverCpuMs(pid: number | undefined): number {
	try {
		// Fields after the command name, which is in parentheses: utime and stime are the 12th and 13th.
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
	} catch {
		return NaN;
	}
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * Peak growth (MB) of the live heap over a baseline: a collection before each sample, at every
 * piece, so that garbage the collector has not reached yet does not count as memory held.
 */
async function heapGrowth(work: (sample: () => void) => Promise<void>): Promise<number> {
	gc();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sample = () => {
		gc();
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	};
	await work(sample);
	sample();
	return (peak - baseline) / 2 ** 20;
}

const rows: string[] = [];
const loadBefore = os.loadavg()[0]!;
let app: ChildProcess | null = null;
try {
	if (!options.reuse) await recreate();
	const database = await openMigratedDatabase({ url });
	if (!options.reuse) {
		console.log(`Creating a plan of ${measures} measures…`);
		await createLargePlan(database.prisma, { slug, measures, milestonesPerMeasure: 10 });
	}
	app = await startApp();
	const files = ['datapackage.json', ...DATASETS.flatMap((d) => [`${d.name}.csv`, `${d.name}.json`])];
	for (const name of files) {
		await download(name); // warm-up: the server's first query plans and JIT
		const cpuBefore = serverCpuMs(app.pid);
		const http = await download(name);
		const serverCpu = serverCpuMs(app.pid) - cpuBefore;
		const streamedHeap = await heapGrowth(async (sample) => {
			const opened = await openFile(database.prisma, slug, parseFileName(name)!, origin);
			for await (const chunk of opened!.chunks) {
				sample();
				void chunk;
			}
		});
		rows.push(
			`| ${name} | ${http.status} | ${(http.bytes / 2 ** 20).toFixed(1)} MB | ${Math.round(http.firstByteMs)} ms | ${Math.round(http.totalMs)} ms | ${Math.round(serverCpu)} ms | ${streamedHeap.toFixed(1)} MB |`
		);
		console.log(rows.at(-1));
	}
	const wholePlanHeap = await heapGrowth(async (sample) => {
		const data = await loadPlanData(database.prisma, slug, origin);
		sample();
		renderFile(parseFileName('jalons.csv')!, data!, origin);
		sample();
	});
	const started = performance.now();
	renderFile(parseFileName('jalons.csv')!, (await loadPlanData(database.prisma, slug, origin))!, origin);
	const wholePlanMs = performance.now() - started;
	await database.close();
	const lines = [
		'# Open data of a large plan',
		'',
		`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
		`Plan: ${measures} generated measures, 10 milestones, 1 indicator with 3 values and 2 published updates each. Page cache off; one download at a time over loopback, after one warm-up download.`,
		`Load: ${loadBefore.toFixed(1)} (1-minute load average) at the start, ${os.loadavg()[0]!.toFixed(1)} at the end.`,
		'Heap: peak growth of the live heap of this process (a collection before each sample) while it reads the same file through the same code (`openFile`), sampled at every piece.',
		'',
		'Server CPU: user and system time of the process of the app during the download (from /proc), which does not depend on what else shares the cores.',
		'',
		'| file | status | size | first byte | whole file | server CPU | heap growth |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...rows,
		'',
		`Before (the whole plan read, then the file built at once, as every file was served before): jalons.csv took ${Math.round(wholePlanMs)} ms before its first byte, and ${wholePlanHeap.toFixed(0)} MB of live heap.`,
		''
	];
	console.log('\n' + lines.join('\n'));
	// The reading of the figures is written by hand below a "## Reading" heading, and kept.
	const file = path.join(root, 'bench/OPEN-DATA.md');
	const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
	const reading = previous.indexOf('\n## Reading');
	writeFileSync(file, lines.join('\n') + (reading >= 0 ? previous.slice(reading) : ''));
} finally {
	app?.kill('SIGKILL');
	own?.stop();
}

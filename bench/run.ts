// `npm run bench`: load figures for Jalons on this machine, printed and written to bench/RESULTS.md.
// For each plan size (the real plan, 1,000 and 10,000 generated measures with 10 milestones each
// and 100,000+ audit events) it starts `node build` on its own database and measures, with
// autocannon on loopback: the dashboard, a measure page, a CSV download and the API. In the same
// run it measures a bare Node `http` server that returns the dashboard's bytes: the ceiling of
// this machine, so that ratios mean something on shared, noisy hardware. It also prints the SQL
// queries each page costs per plan size (they must not grow with the plan).
// Each target is measured twice: through the page cache that anonymous readers get (the production
// shape), and with the cache off (JALONS_PAGE_CACHE_MB=0), which is what the first reader after a
// change pays, and what signed-in readers always get (their pages are never in the page cache: the
// signed-in measure page and editing form are measured that way). On the real plan a third run turns
// the public read models off too (JALONS_READ_MODELS=0, "none"): the server as it was before them.
// "20 editors browsing and saving" (bench/signed-in.ts) runs on the real plan, caches as in production
// for signed-in readers (page cache irrelevant, read models on), and reports p50/p99 and errors.
// Each server runs with bench/query-tap.mjs, which counts the SQL statements a real request sends
// (hooks and layouts included): the "round trips per request" table.
// Options: --duration seconds per target (default 10), --connections (default 50), --sizes real,1000,10000,
// --port the app's port (default 4300; its query tap takes port + 1, the bare server port + 2), --editors (default 20),
// --out the file written (default bench/RESULTS.md), --database-prefix (default jalons_bench: one
// database per size, dropped and created again), --targets (default all: a list of
// target names as printed, separated by semicolons (names hold commas), and "editors" for the editors' load), --modes (default on,off,none), --build
// (default build: the app's build folder, to compare two builds in one run), --cpu-prof (a folder: each server
// writes a V8 CPU profile there when it stops, to open in Chrome's DevTools).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openMigratedDatabase } from '../src/lib/server/db';
import { seedDefaultPlan, DEFAULT_PLAN_SLUG } from '../src/lib/server/seed';
import { getPlanDashboard } from '../src/lib/server/domain/plans/view';
import { getMeasureDetail } from '../src/lib/server/domain/measures/view';
import { listMeasures, NO_FILTERS } from '../src/lib/server/domain/measures/list';
import { getMeasureSummaryPage } from '../src/lib/server/domain/plans/view';
import { createLargePlan } from '../tests/helpers/large-plan';
import { createEditors, editorsBrowsingAndSaving, type Editor, type LoadFigure } from './signed-in';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres';

const { values: options } = parseArgs({
	options: {
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '50' },
		sizes: { type: 'string', default: 'real,1000,10000' },
		port: { type: 'string', default: '4300' },
		editors: { type: 'string', default: '20' },
		out: { type: 'string', default: 'bench/RESULTS.md' },
		'database-prefix': { type: 'string', default: 'jalons_bench' },
		targets: { type: 'string' },
		modes: { type: 'string', default: 'on,off,none' },
		build: { type: 'string', default: 'build' },
		'cpu-prof': { type: 'string' }
	}
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const sizes = options.sizes.split(',');
const firstPort = Number(options.port);
const editorCount = Number(options.editors);
const chosenTargets = options.targets ? new Set(options.targets.split(';').map((t) => t.trim())) : null;
const chosen = (target: string) => !chosenTargets || chosenTargets.has(target);
const chosenModes = new Set(options.modes.split(','));
const root = path.resolve(import.meta.dirname, '..');

/** on: page cache on; off: page cache off (read models on); none: page cache and read models off. */
type CacheMode = 'on' | 'off' | 'none';

interface Figure {
	target: string;
	cache: CacheMode;
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
}

function databaseUrl(server: string, name: string): string {
	const url = new URL(server);
	url.pathname = `/${name}`;
	return url.toString();
}

async function recreateDatabase(server: string, name: string): Promise<string> {
	const client = new pg.Client({ connectionString: databaseUrl(server, 'postgres') });
	await client.connect();
	await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	await client.query(`CREATE DATABASE ${name}`);
	await client.end();
	return databaseUrl(server, name);
}

interface PlanUnderTest {
	size: string;
	url: string;
	slug: string;
	measure: string;
	queries: { dashboard: number; measure: number; list: number; api: number };
	editors: Editor[];
}

async function preparePlan(server: string, size: string): Promise<PlanUnderTest> {
	const url = await recreateDatabase(server, `${options['database-prefix']}_${size}`);
	let counting = false;
	let queries = 0;
	const database = await openMigratedDatabase({ url, onQuery: () => counting && queries++ });
	try {
		await seedDefaultPlan(database.prisma);
		let slug = DEFAULT_PLAN_SLUG;
		let measure = '2.2';
		if (size !== 'real') {
			const measures = Number(size);
			slug = `plan-genere-${measures}`;
			measure = '3.7';
			await createLargePlan(database.prisma, { slug, measures, milestonesPerMeasure: 10, auditEvents: Math.max(100_000, measures * 10) });
		}
		const count = async (work: () => Promise<unknown>) => {
			queries = 0;
			counting = true;
			await work();
			counting = false;
			return queries;
		};
		return {
			size,
			url,
			slug,
			measure,
			queries: {
				dashboard: await count(() => getPlanDashboard(database.prisma, slug)),
				measure: await count(() => getMeasureDetail(database.prisma, slug, measure)),
				list: await count(() => listMeasures(database.prisma, slug, NO_FILTERS, undefined, { page: 2, perPage: 50 })),
				api: await count(() => getMeasureSummaryPage(database.prisma, slug, { page: 1, perPage: 50 }))
			},
			editors: await createEditors(database.prisma, slug, editorCount)
		};
	} finally {
		await database.close();
	}
}

async function startApp(databaseUrlForApp: string, port: number, cache: CacheMode): Promise<ChildProcess> {
	const profile = options['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options['cpu-prof'])}`] : [];
	const child = spawn(process.execPath, [...profile, '--import', path.join(root, 'bench/query-tap.mjs'), path.resolve(root, options.build, 'index.js')], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: databaseUrlForApp,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			NODE_ENV: 'production',
			LOG_LEVEL: 'warn',
			QUERY_TAP_PORT: String(tapPort(port)),
			JALONS_JOBS: 'false',
			...(cache !== 'on' ? { JALONS_PAGE_CACHE_MB: '0' } : {}),
			...(cache === 'none' ? { JALONS_READ_MODELS: '0' } : {})
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 120; i++) {
		const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
			(r) => r.ok,
			() => false
		);
		if (ready) return child;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill();
	throw new Error(`the app on port ${port} did not become ready`);
}

const tapPort = (port: number) => port + 1;

async function stopApp(app: ChildProcess): Promise<void> {
	if (app.exitCode !== null || app.signalCode !== null) return;
	const exited = new Promise((resolve) => app.once('exit', resolve));
	// A profiled server writes its profile on a clean exit only: asked to stop, it gets 10 s to.
	if (options['cpu-prof']) {
		app.kill('SIGTERM');
		const late = setTimeout(() => app.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(late);
		return;
	}
	app.kill('SIGKILL');
	await exited;
}

/** SQL statements one request sends, once the server is warm (its read models loaded, if any). */
async function roundTrips(port: number, url: string, cookie?: string): Promise<number> {
	const headers = cookie ? { cookie } : undefined;
	for (let i = 0; i < 3; i++) await (await fetch(url, { headers })).arrayBuffer();
	await (await fetch(`http://127.0.0.1:${tapPort(port)}/reset`)).arrayBuffer();
	await (await fetch(url, { headers })).arrayBuffer();
	const { queries } = (await (await fetch(`http://127.0.0.1:${tapPort(port)}/`)).json()) as { queries: number };
	return queries;
}

/** The ceiling: a bare Node server sending the same bytes as the real plan's dashboard. */
async function loadBareServer(dashboardUrl: string): Promise<Figure> {
	const bytes = Buffer.from(await (await fetch(dashboardUrl)).arrayBuffer());
	const bareServer = createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': bytes.length });
		res.end(bytes);
	});
	await new Promise<void>((resolve) => bareServer.listen(firstPort + 2, '127.0.0.1', resolve));
	try {
		return await load('bare Node http (same bytes as the dashboard)', `http://127.0.0.1:${firstPort + 2}/`);
	} finally {
		bareServer.close();
	}
}

async function load(target: string, url: string, cache: Figure['cache'] = 'off', cookie?: string): Promise<Figure> {
	const result = await autocannon({ url, connections, duration, ...(cookie ? { headers: { cookie } } : {}) });
	return {
		target,
		cache,
		requestsPerSecond: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + result.non2xx
	};
}

const ownServer: ThrowawayPostgres | null = process.env.DATABASE_URL ? null : startThrowawayPostgres();
const server = process.env.DATABASE_URL ?? ownServer!.url;
const figures: { size: string; figure: Figure }[] = [];
const plans: PlanUnderTest[] = [];
const trips: { size: string; cache: CacheMode; target: string; queries: number }[] = [];
let editorsFigure: LoadFigure | null = null;
let bare: Figure | null = null;
try {
	// One server at a time, each on the same port once the previous one is gone.
	const port = firstPort;
	for (const size of sizes) {
		console.log(`Preparing the ${size} plan…`);
		const plan = await preparePlan(server, size);
		plans.push(plan);
		const dashboardPath = size === 'real' ? '/' : `/plans/${plan.slug}`;
		// The editor whose team carries the measure measured (signed-in targets).
		const editor = plan.editors.find((e) => e.measure === plan.measure) ?? plan.editors[0]!;
		const targets: [string, string, Editor | null][] = [
			['dashboard', dashboardPath, null],
			['measure page', `/plans/${plan.slug}/mesures/${plan.measure}`, null],
			['measure list, page 2', `/plans/${plan.slug}/mesures?page=2`, null],
			['CSV download (measures)', `/donnees/${plan.slug}/mesures.csv`, null],
			['API measures, page 1', `/api/v1/plans/${plan.slug}/measures?per_page=50`, null],
			['measure page, signed in', `/plans/${plan.slug}/mesures/${editor.measure}`, editor],
			['editing form, signed in', `/plans/${plan.slug}/mesures/${editor.measure}/modifier`, editor]
		];
		const modes = (size === 'real' ? (['on', 'off', 'none'] as const) : (['on', 'off'] as const)).filter((mode) => chosenModes.has(mode));
		for (const cache of modes) {
			for (const [name, pathname, signedIn] of targets.filter(([name]) => chosen(name))) {
				// Signed-in pages never come from the page cache: measured with it off only.
				if (signedIn && cache === 'on') continue;
				// A fresh server per target: requests a slow target left in flight must not eat into the next
				// one's figures, and each cached figure starts from an empty cache (the first reader renders).
				const app = await startApp(plan.url, port, cache);
				try {
					const base = `http://127.0.0.1:${port}`;
					if (!bare) bare = await loadBareServer(`${base}/`);
					console.log(`  ${size}, cache ${cache}: ${name}`);
					if (cache !== 'on') trips.push({ size, cache, target: name, queries: await roundTrips(port, base + pathname, signedIn?.cookie) });
					figures.push({ size, figure: await load(name, base + pathname, cache, signedIn?.cookie) });
				} finally {
					await stopApp(app);
				}
			}
		}
		if (size === 'real' && chosen('editors')) {
			const app = await startApp(plan.url, port, 'off');
			try {
				console.log(`  ${size}: ${plan.editors.length} editors browsing and saving`);
				editorsFigure = await editorsBrowsingAndSaving(`http://127.0.0.1:${port}`, plan.slug, dashboardPath, plan.editors, duration, `http://127.0.0.1:${tapPort(port)}`);
			} finally {
				await stopApp(app);
			}
		}
	}
} finally {
	ownServer?.stop();
}

const HAND_WRITTEN = '<!-- Above: written by `npm run bench`. Below: readings written by hand, kept by the next run. -->';
const real = (target: string, cache: Figure['cache']) => figures.find((f) => f.size === 'real' && f.figure.target === target && f.figure.cache === cache)?.figure;
const lines = [
	`# Jalons benchmark results`,
	'',
	`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
	`autocannon: ${connections} connections, ${duration} s per target, loopback. PostgreSQL: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'throwaway local server'}.`,
	'',
	'| plan | target | page cache | req/s | p50 ms | p99 ms | errors | vs bare server | vs real plan |',
	'| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
	...(bare ? [`| – | ${bare.target} | – | ${bare.requestsPerSecond} | ${bare.p50} | ${bare.p99} | ${bare.errors} | 100 % | – |`] : []),
	...figures.map(({ size, figure }) => {
		const vsBare = bare ? `${Math.round((figure.requestsPerSecond / bare.requestsPerSecond) * 100)} %` : '–';
		const reference = real(figure.target, figure.cache);
		const vsReal = reference && size !== 'real' ? `${(reference.requestsPerSecond / Math.max(1, figure.requestsPerSecond)).toFixed(2)}× slower` : '–';
		return `| ${size} | ${figure.target} | ${figure.cache} | ${figure.requestsPerSecond} | ${figure.p50} | ${figure.p99} | ${figure.errors} | ${vsBare} | ${vsReal} |`;
	}),
	'',
	...(editorsFigure
		? [
				`${editorCount} signed-in editors browsing and saving on the real plan (after one untimed read of each page, each in a loop: dashboard, a measure page, the list, their measure's editing form, and every fourth round, the first included, a save of that form followed by its redirect; page cache off, read models on), ${duration} s:`,
				'',
				'| requests/s | p50 ms | p99 ms | errors | saves | server CPU ms / request | SQL statements / request |',
				'| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
				`| ${editorsFigure.requestsPerSecond} | ${editorsFigure.p50} | ${editorsFigure.p99} | ${editorsFigure.errors} | ${editorsFigure.saves} | ${editorsFigure.cpuMsPerRequest ?? '–'} | ${editorsFigure.statementsPerRequest ?? '–'} |`,
				''
			]
		: []),
	'SQL round trips per request, measured at the server (hooks and layouts included; "off": page cache off, read models on; "none": both off):',
	'',
	'| plan | mode | target | round trips |',
	'| --- | --- | --- | ---: |',
	...trips.map((t) => `| ${t.size} | ${t.cache} | ${t.target} | ${t.queries} |`),
	'',
	'SQL queries per page (must not grow with the plan):',
	'',
	'| plan | dashboard | measure page | measure list, page 2 | API measures, page 1 |',
	'| --- | ---: | ---: | ---: | ---: |',
	...plans.map((p) => `| ${p.size} | ${p.queries.dashboard} | ${p.queries.measure} | ${p.queries.list} | ${p.queries.api} |`),
	''
];
console.log('\n' + lines.join('\n'));
// The readings written by hand after the figures (profiles, other benches' sections) are kept.
const out = path.resolve(root, options.out);
const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
const kept = previous.includes(HAND_WRITTEN) ? previous.slice(previous.indexOf(HAND_WRITTEN)) : `${HAND_WRITTEN}\n`;
writeFileSync(out, `${lines.join('\n')}\n${kept}`);

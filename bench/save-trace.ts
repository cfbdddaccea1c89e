// The statements one editor's save costs, request by request (bench/RESULTS.md, "Editors under load"):
// against a running server started with bench/query-tap.mjs and QUERY_TAP_LOG=1 on a seeded database,
// it signs one editor in, reads each page once (warm), then saves the measure's form and reads the
// four pages again, printing each request's statements. `--verbose` prints the SQL too.
// node --import tsx bench/save-trace.ts --base http://127.0.0.1:4800 --tap http://127.0.0.1:4801 --database <url>
import { parseArgs } from 'node:util';
import { openMigratedDatabase } from '../src/lib/server/db';
import { DEFAULT_PLAN_SLUG } from '../src/lib/server/seed';
import { createEditors, formValues } from './signed-in';

const { values: options } = parseArgs({
	options: {
		base: { type: 'string' },
		tap: { type: 'string' },
		database: { type: 'string' },
		verbose: { type: 'boolean', default: false },
		rounds: { type: 'string', default: '1' }
	}
});
const base = options.base!;
const tap = options.tap!;
const database = await openMigratedDatabase({ url: options.database! });
const [editor] = await createEditors(database.prisma, DEFAULT_PLAN_SLUG, 1);
await database.close();
const { cookie, measure } = editor!;
const slug = DEFAULT_PLAN_SLUG;
const pages = { dashboard: '/', 'measure page': `/plans/${slug}/mesures/${measure}`, list: `/plans/${slug}/mesures?page=1`, form: `/plans/${slug}/mesures/${measure}/modifier` };

const totals = new Map<string, { statements: number; cpuMs: number; count: number }>();

async function traced(name: string, path: string, init: RequestInit = {}): Promise<Response> {
	await (await fetch(`${tap}/reset`)).arrayBuffer();
	const response = await fetch(base + path, { ...init, redirect: 'manual', headers: { cookie, ...(init.headers ?? {}) } });
	await response.arrayBuffer();
	const { queries, cpuMs, log } = (await (await fetch(tap)).json()) as { queries: number; cpuMs: number; log: string[] | null };
	const total = totals.get(name) ?? { statements: 0, cpuMs: 0, count: 0 };
	totals.set(name, { statements: total.statements + queries, cpuMs: total.cpuMs + cpuMs, count: total.count + 1 });
	if (options.verbose || Number(options.rounds) === 1)
		console.log(`${name.padEnd(20)} ${String(response.status).padEnd(4)} ${String(queries).padStart(3)} statements  ${cpuMs.toFixed(1)} ms CPU`);
	if (options.verbose && log) for (const line of log) console.log(`    ${line}`);
	return response;
}

for (const path of Object.values(pages)) await (await fetch(base + path, { headers: { cookie } })).arrayBuffer();
for (let round = 0; round < Number(options.rounds); round++) {
	const values = await formValues(base, pages.form, cookie);
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(values)) {
		if (Array.isArray(value)) for (const item of value) body.append(name, item);
		else if (value !== null) body.set(name, value);
	}
	body.set('confidenceExplanation', `Relu le ${new Date().toISOString()}`);
	const saved = await traced('POST', `${pages.form}?/updateMeasure`, {
		method: 'POST',
		body,
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
	});
	const location = saved.headers.get('location');
	if (location) await traced('redirect (form)', location);
	for (const [name, path] of Object.entries(pages)) await traced(name, path);
	for (const [name, path] of Object.entries(pages)) await traced(`${name} (again)`, path);
}
// Several rounds: the mean of each request (CPU of one request alone is noisy; its statements are not).
if (Number(options.rounds) > 1) {
	for (const [name, t] of totals)
		console.log(`${name.padEnd(20)} ${(t.statements / t.count).toFixed(1).padStart(5)} statements  ${(t.cpuMs / t.count).toFixed(1)} ms CPU (mean of ${t.count})`);
	const cycle = [...totals].filter(([name]) => !name.endsWith('(again)'));
	console.log(
		`save and the pages after it: ${cycle.reduce((a, [, t]) => a + t.statements / t.count, 0).toFixed(1)} statements, ${cycle.reduce((a, [, t]) => a + t.cpuMs / t.count, 0).toFixed(1)} ms CPU`
	);
}

// `node --import tsx bench/past-date-server.ts --url postgresql://…/db --base http://127.0.0.1:4401 --pid <server pid>
// [--slug plan-genere-10000] [--date 2022-02-01] [--rounds 5] [--write measure|other-plan]`: what a running server
// (`node build`, page cache off) pays for a past day's dashboard right after a public write. Each round makes one
// write through the domain functions (the same transaction and audit event as the editing form), then asks the page
// twice over HTTP: the first reader after the write, then a second one. Prints wall time and the server's CPU
// (utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms) per request. Figures only; it writes to the database.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { openDatabase } from '../src/lib/server/db';
import { updateMeasure } from '../src/lib/server/domain/measures/edit';
import { DEFAULT_PLAN_SLUG } from '../src/lib/server/seed';

const { values: options } = parseArgs({
	options: {
		url: { type: 'string' },
		base: { type: 'string' },
		pid: { type: 'string' },
		slug: { type: 'string', default: 'plan-genere-10000' },
		date: { type: 'string', default: '2022-02-01' },
		rounds: { type: 'string', default: '5' },
		/** Which measure the write edits: one of the plan's ('measure') or of the real plan ('other-plan'). */
		write: { type: 'string', default: 'measure' }
	}
});
if (!options.url || !options.base || !options.pid) throw new Error('--url, --base and --pid are required');

const database = await openDatabase({ url: options.url });
const db = database.prisma;
const actor = { id: 'bench-admin', displayName: 'Bench Admin', roles: ['ADMIN' as const], teamIds: [] };
const writtenSlug = options.write === 'other-plan' ? DEFAULT_PLAN_SLUG : options.slug;
const measure = await db.measure.findFirstOrThrow({ where: { plan: { slug: writtenSlug } }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
const page = `${options.base}/plans/${options.slug}?date=${options.date}`;

/** The server's CPU so far, in ms (fields 14 and 15 of /proc/<pid>/stat, clock ticks of 10 ms). */
async function serverCpu(): Promise<number> {
	const fields = (await readFile(`/proc/${options.pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function timed(url: string): Promise<{ wall: number; cpu: number; status: number }> {
	const cpu = await serverCpu();
	const start = performance.now();
	const response = await fetch(url);
	await response.arrayBuffer();
	return { wall: Math.round(performance.now() - start), cpu: (await serverCpu()) - cpu, status: response.status };
}

/** A public write that changes the measure's manual progress: one audit event, one content version. */
async function write(): Promise<void> {
	const m = await db.measure.findUniqueOrThrow({ where: { id: measure.id } });
	await updateMeasure(db, actor, {
		measureId: m.id,
		version: m.version,
		reason: null,
		status: 'IN_PROGRESS',
		progressMethod: 'MANUAL',
		progressManual: m.progressManual === 10 ? 20 : 10,
		confidence: m.confidence,
		confidenceExplanation: m.confidenceExplanation,
		plannedStart: null,
		plannedEnd: null,
		description: m.description,
		subActions: m.subActions
	});
}

for (const url of [`${options.base}/plans/${options.slug}`, page, page]) await timed(url);
const load = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');
console.log(`${page}, write: ${options.write} (${writtenSlug} ${measure.number}), load ${await load()}`);
console.log('round | first reader: wall / server CPU (ms) | second reader: wall / server CPU (ms) | load');
for (let round = 1; round <= Number(options.rounds); round++) {
	await write();
	const first = await timed(page);
	const second = await timed(page);
	if (first.status !== 200 || second.status !== 200) throw new Error(`HTTP ${first.status} / ${second.status}`);
	console.log(`${round} | ${first.wall} / ${first.cpu} | ${second.wall} / ${second.cpu} | ${await load()}`);
}
await database.close();

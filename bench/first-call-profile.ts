// `node --import tsx bench/first-call-profile.ts --url postgresql://…/db [--slug …] [--date 2022-02-01]
// [--target fold|stored] [--out file.cpuprofile]`: the CPU profile of the first past-date dashboard
// of a fresh process, and only of it (modules loaded and one query sent first), with its Node CPU
// and wall time. Read it with Chrome's DevTools or any .cpuprofile viewer.
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db';
import { getPlanDashboardAt } from '../src/lib/server/domain/time-travel/view';

const { values: options } = parseArgs({
	options: {
		url: { type: 'string' },
		slug: { type: 'string', default: 'plan-genere-10000' },
		date: { type: 'string', default: '2022-02-01' },
		out: { type: 'string', default: 'first-call.cpuprofile' }
	}
});
if (!options.url) throw new Error('--url postgresql://… is required');

const database = await openDatabase({ url: options.url });
await database.prisma.$queryRaw`SELECT 1`;
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const start = performance.now();
const cpu = process.cpuUsage();
await getPlanDashboardAt(database.prisma, options.slug, options.date);
const used = process.cpuUsage(cpu);
const wall = performance.now() - start;
const { profile } = await session.post('Profiler.stop');
await writeFile(options.out, JSON.stringify(profile));
console.log(`first call: ${wall.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms Node CPU; profile in ${options.out}`);
await database.close();

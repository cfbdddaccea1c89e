// `node --import tsx bench/large-plan.ts --url postgresql://…/db --slug plan-genere-10000
// [--date 2022-02-01,2022-03-01] [--only <target>] [--repeat 5] [--owner <team code>] [--profile file.cpuprofile]`: one reader's timings of the pages of a
// large plan, today and at each date, straight from the domain functions (no HTTP, no page cache): the
// first call in a fresh process ("cold": Prisma connects and PostgreSQL plans every query for the first
// time), then the median of `--repeat` more, with the Node CPU time of that median call (wall time on a
// shared machine also counts other processes). Prints figures only; the database must already hold the plan (tests/helpers/large-plan.ts
// builds one; bench/RESULTS.md says how the 10,000-measure figures were taken). It only reads, except
// "dashboard at …, snapshot", which stores the day's snapshot when the content version has none
// (the first such call after a write folds; the next ones, in any process, read the snapshot).
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { openDatabase } from '../src/lib/server/db';
import { getPlanDashboard, measureRollups } from '../src/lib/server/domain/plans/view';
import { listMeasures, NO_FILTERS } from '../src/lib/server/domain/measures/list';
import { getMeasureDetailAt, getPlanDashboardAt } from '../src/lib/server/domain/time-travel/view';
import { getMeasureListAt, getOwnerPageAt } from '../src/lib/server/domain/time-travel/list-at';
import { getPlanDashboardOn } from '../src/lib/server/domain/time-travel/snapshots';
import { toIsoDay } from '../src/lib/domain/dates';

const { values: options } = parseArgs({
	options: {
		url: { type: 'string' },
		slug: { type: 'string', default: 'plan-genere-10000' },
		date: { type: 'string', default: '2022-02-01,2022-03-01' },
		only: { type: 'string' },
		repeat: { type: 'string', default: '5' },
		owner: { type: 'string', default: 'GEN_PLAN_GENERE_10000' },
		/** The CPU profile of the first target's first call alone (modules loaded and connected before it). */
		profile: { type: 'string' }
	}
});
if (!options.url) throw new Error('--url postgresql://… is required');

const database = await openDatabase({ url: options.url });
const db = database.prisma;
await db.$queryRaw`SELECT 1`;
const slug = options.slug;
const plan = await db.plan.findUniqueOrThrow({ where: { slug }, select: { id: true } });

const dates = options.date.split(',');
const targets: [string, () => Promise<unknown>][] = [
	['measureRollups (SQL roll-up)', () => measureRollups(db, plan.id)],
	['dashboard', () => getPlanDashboard(db, slug)],
	['measure list, page 2', () => listMeasures(db, slug, NO_FILTERS, undefined, { page: 2, perPage: 50 })],
	...dates.flatMap((date): [string, () => Promise<unknown>][] => [
		[`dashboard at ${date}`, () => getPlanDashboardAt(db, slug, date)],
		[`dashboard at ${date}, snapshot`, () => getPlanDashboardOn(db, slug, date, toIsoDay(new Date()))],
		[`measure page at ${date}`, () => getMeasureDetailAt(db, slug, '3.7', date)],
		[`measure list at ${date}, page 1`, () => getMeasureListAt(db, slug, NO_FILTERS, date, { page: 1, perPage: 50 })],
		[`measure list at ${date}, page 2`, () => getMeasureListAt(db, slug, NO_FILTERS, date, { page: 2, perPage: 50 })],
		[
			`measure list at ${date}, in progress and late, page 2`,
			() => getMeasureListAt(db, slug, { ...NO_FILTERS, status: 'IN_PROGRESS', late: true }, date, { page: 2, perPage: 50 })
		],
		[`owner page at ${date}`, () => getOwnerPageAt(db, slug, options.owner, date)]
	])
];

async function time(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
	const start = performance.now();
	const cpu = process.cpuUsage();
	await run();
	const used = process.cpuUsage(cpu);
	return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

async function profiled<T>(file: string, run: () => Promise<T>): Promise<T> {
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.start');
	try {
		return await run();
	} finally {
		const { profile } = await session.post('Profiler.stop');
		await writeFile(file, JSON.stringify(profile));
		session.disconnect();
	}
}

let profileFile = options.profile;

console.log(`| target | first call ms | Node CPU of the first call ms | median of ${options.repeat} ms | Node CPU of the median ms |\n| --- | ---: | ---: | ---: | ---: |`);
for (const [name, run] of targets) {
	if (options.only && !name.includes(options.only)) continue;
	const file = profileFile;
	profileFile = undefined;
	const first = await (file ? profiled(file, () => time(run)) : time(run)).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
	if (first instanceof Error) {
		console.log(`| ${name} | fails: ${first.message.split('\n').filter(Boolean).at(-1)} | | | |`);
		continue;
	}
	const rest: { wall: number; cpu: number }[] = [];
	for (let i = 0; i < Number(options.repeat); i++) rest.push(await time(run));
	rest.sort((a, b) => a.wall - b.wall);
	const median = rest[Math.floor(rest.length / 2)];
	console.log(`| ${name} | ${first.wall.toFixed(0)} | ${first.cpu.toFixed(0)} | ${median?.wall.toFixed(0) ?? '–'} | ${median?.cpu.toFixed(0) ?? '–'} |`);
}
await database.close();

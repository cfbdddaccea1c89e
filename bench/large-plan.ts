// `node --import tsx bench/large-plan.ts --url postgresql://…/db --slug plan-genere-10000 [--date 2022-02-01]`:
// one reader's timings of the pages of a large plan, straight from the domain functions (no HTTP,
// no page cache): the first call in a fresh process ("cold": Prisma connects and PostgreSQL plans
// every query for the first time), then the median of five more. Prints figures only; the database
// must already hold the plan (tests/helpers/large-plan.ts builds one; bench/RESULTS.md says how the
// 10,000-measure figures were taken). It only reads.
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db';
import { getPlanDashboard, measureRollups } from '../src/lib/server/domain/plans/view';
import { listMeasures, NO_FILTERS } from '../src/lib/server/domain/measures/list';
import { getPlanDashboardAt } from '../src/lib/server/domain/time-travel/view';
import { getMeasureListAt } from '../src/lib/server/domain/time-travel/list-at';

const { values: options } = parseArgs({
	options: {
		url: { type: 'string' },
		slug: { type: 'string', default: 'plan-genere-10000' },
		date: { type: 'string', default: '2022-02-01' },
		only: { type: 'string' }
	}
});
if (!options.url) throw new Error('--url postgresql://… is required');

const database = await openDatabase({ url: options.url });
const db = database.prisma;
const slug = options.slug;
const plan = await db.plan.findUniqueOrThrow({ where: { slug }, select: { id: true } });

const targets: [string, () => Promise<unknown>][] = [
	['measureRollups (SQL roll-up)', () => measureRollups(db, plan.id)],
	['dashboard', () => getPlanDashboard(db, slug)],
	['measure list, page 2', () => listMeasures(db, slug, NO_FILTERS, undefined, { page: 2, perPage: 50 })],
	[`dashboard at ${options.date}`, () => getPlanDashboardAt(db, slug, options.date)],
	[`measure list at ${options.date}, page 2`, () => getMeasureListAt(db, slug, NO_FILTERS, options.date, { page: 2, perPage: 50 })]
];

async function time(run: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await run();
	return performance.now() - start;
}

console.log(`| target | first call ms | median of 5 ms |\n| --- | ---: | ---: |`);
for (const [name, run] of targets) {
	if (options.only && !name.includes(options.only)) continue;
	const first = await time(run);
	const rest: number[] = [];
	for (let i = 0; i < 5; i++) rest.push(await time(run));
	rest.sort((a, b) => a - b);
	console.log(`| ${name} | ${first.toFixed(0)} | ${rest[2]!.toFixed(0)} |`);
}
await database.close();

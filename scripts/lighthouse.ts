// `npm run lighthouse -- [base URL] [path ...] [--preset=mobile|desktop] [--runs=N]`: Lighthouse scores
// (performance, accessibility, best practices, SEO) for the dashboard, mobile (Lighthouse's default:
// throttled 4G, slow CPU) and desktop, against a server that is already running (`node build`).
// Debian's Chromium, headless. Reports land in lighthouse-reports/ (HTML + JSON, git-ignored).
// Not part of `npm test`. With --runs=N each page and preset runs N times and the row shows the run
// with the median performance score (a shared machine's scores move by several points from one run to
// the next); the machine's load average is printed before and after, to be recorded with the figures.
// Lighthouse is not a dependency: it needs a newer Node (22.19) than the project's range, so npm fetches
// it into its cache on the first run (`npm exec`), and `npm install` stays free of engine warnings.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const base = (args.find((a) => /^https?:\/\//.test(a)) ?? process.env.BASE_URL ?? 'http://127.0.0.1:4173').replace(/\/$/, '');
const paths = args.filter((a) => a.startsWith('/'));
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const PRESETS = option('preset') ? [option('preset') as 'mobile' | 'desktop'] : (['mobile', 'desktop'] as const);
const RUNS = Math.max(1, Number(option('runs') ?? 1));
const load = () =>
	loadavg()
		.map((n) => n.toFixed(2))
		.join(' ');
const PAGES = paths.length > 0 ? paths : ['/', '/en'];
const outDir = 'lighthouse-reports';
mkdirSync(outDir, { recursive: true });
const LIGHTHOUSE = 'lighthouse@13';

interface Audit {
	id: string;
	score: number | null;
	scoreDisplayMode: string;
	displayValue?: string;
	numericValue?: number;
}
interface Report {
	categories: Record<string, { score: number; auditRefs: { id: string }[] }>;
	audits: Record<string, Audit | undefined>;
}

function run(page: string, preset: 'mobile' | 'desktop', attempt: number): Report {
	const name = `${page === '/' ? 'fr' : page.replace(/\W+/g, '-').replace(/^-|-$/g, '').slice(-60)}-${preset}${RUNS > 1 ? `-${attempt}` : ''}`;
	const output = path.join(outDir, name);
	execFileSync(
		'npm',
		[
			'exec',
			'--yes',
			`--package=${LIGHTHOUSE}`,
			'--',
			'lighthouse',
			base + page,
			'--quiet',
			'--output=json',
			'--output=html',
			`--output-path=${output}`,
			'--only-categories=performance,accessibility,best-practices,seo',
			'--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu',
			...(preset === 'desktop' ? ['--preset=desktop'] : [])
		],
		{ stdio: 'inherit', env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } }
	);
	return JSON.parse(readFileSync(`${output}.report.json`, 'utf8')) as Report;
}

const loadBefore = load();
const rows: string[] = [];
for (const page of PAGES) {
	for (const preset of PRESETS) {
		const results = Array.from({ length: RUNS }, (_, i) => run(page, preset, i + 1));
		const perf = (r: Report) => r.categories.performance?.score ?? 0;
		const result = [...results].sort((a, b) => perf(a) - perf(b))[Math.floor((RUNS - 1) / 2)]!;
		const score = (id: string) => String(Math.round((result.categories[id]?.score ?? 0) * 100)).padStart(5);
		const bytes = result.audits['total-byte-weight']?.numericValue ?? 0;
		const lcp = result.audits['largest-contentful-paint']?.displayValue ?? '?';
		const tbt = result.audits['total-blocking-time']?.displayValue ?? '?';
		const fcp = result.audits['first-contentful-paint']?.displayValue ?? '?';
		const all = RUNS > 1 ? `  (runs: ${results.map((r) => Math.round(perf(r) * 100)).join(', ')})` : '';
		rows.push(
			`${(page + ' ' + preset).padEnd(14)}${score('performance')}${score('accessibility')}${score('best-practices')}${score('seo')}  ${(bytes / 1024).toFixed(0).padStart(5)} KB  FCP ${fcp}  LCP ${lcp}  TBT ${tbt}${all}`
		);
		for (const [id, category] of Object.entries(result.categories)) {
			if (category.score === 1) continue;
			const failing = category.auditRefs
				.map((ref) => result.audits[ref.id])
				.filter((a): a is Audit => a !== undefined && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable');
			for (const audit of failing) rows.push(`    ${id}: ${audit.id} (${audit.displayValue ?? audit.score})`);
		}
	}
}
console.log(`\nload average (1, 5, 15 min): before ${loadBefore}, after ${load()}`);
console.log(`${'page'.padEnd(14)} perf  a11y  b.p.   seo  weight (transferred)`);
for (const row of rows) console.log(row);

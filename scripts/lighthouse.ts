// `npm run lighthouse -- [base URL] [path ...]`: Lighthouse scores (performance, accessibility,
// best practices, SEO) for the dashboard, mobile (Lighthouse's default: throttled 4G, slow CPU) and
// desktop, against a server that is already running (`node build`). Debian's Chromium, headless.
// Reports land in lighthouse-reports/ (HTML + JSON, git-ignored). Not part of `npm test`.
// Lighthouse is not a dependency: it needs a newer Node (22.19) than the project's range, so npm fetches
// it into its cache on the first run (`npm exec`), and `npm install` stays free of engine warnings.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const base = (args.find((a) => /^https?:\/\//.test(a)) ?? process.env.BASE_URL ?? 'http://127.0.0.1:4173').replace(/\/$/, '');
const paths = args.filter((a) => a.startsWith('/'));
const PAGES = paths.length > 0 ? paths : ['/', '/en'];
const outDir = 'lighthouse-reports';
mkdirSync(outDir, { recursive: true });
const LIGHTHOUSE = 'lighthouse@13';

const rows: string[] = [];
for (const page of PAGES) {
	for (const preset of ['mobile', 'desktop'] as const) {
		const name = `${page === '/' ? 'fr' : page.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-${preset}`;
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
		const result = JSON.parse(readFileSync(`${output}.report.json`, 'utf8'));
		const score = (id: string) => String(Math.round((result.categories[id]?.score ?? 0) * 100)).padStart(5);
		const bytes = result.audits['total-byte-weight']?.numericValue ?? 0;
		const lcp = result.audits['largest-contentful-paint']?.displayValue ?? '?';
		rows.push(
			`${(page + ' ' + preset).padEnd(14)}${score('performance')}${score('accessibility')}${score('best-practices')}${score('seo')}  ${(bytes / 1024).toFixed(0).padStart(5)} KB  LCP ${lcp}`
		);
		for (const [id, category] of Object.entries<{ score: number; auditRefs: { id: string }[] }>(result.categories)) {
			if (category.score === 1) continue;
			const failing = category.auditRefs
				.map((ref) => result.audits[ref.id])
				.filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable');
			for (const audit of failing) rows.push(`    ${id}: ${audit.id} (${audit.displayValue ?? audit.score})`);
		}
	}
}
console.log(`\n${'page'.padEnd(14)} perf  a11y  b.p.   seo  weight (transferred)`);
for (const row of rows) console.log(row);

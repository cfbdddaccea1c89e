// `npm run page-weight -- [base URL] [path ...]`: what a visitor downloads for a page, against a
// server that is already running (`node build`; this script builds and starts nothing).
// Chromium loads each page (so scripts loaded after hydration, like the DSFR's, are counted too);
// every response is then fetched again and compressed here with gzip -9 and brotli q11, which is what
// a CDN (or adapter-node's precompressed files) sends. Also prints what the server itself sent.
// Default: http://127.0.0.1:4173, the dashboard (/ and /en), the list of measures and one measure page.
// It also prints each page's render-blocking CSS (the stylesheets linked in <head>, brotli 11); with
// --budget it exits 1 when one is over RENDER_BLOCKING_CSS_BUDGET (scripts/lib/render-blocking.ts).
import { chromium } from 'playwright-core';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { RENDER_BLOCKING_CSS_BUDGET, brotli, renderBlockingStylesheets } from './lib/render-blocking';

const args = process.argv.slice(2);
const base = (args.find((a) => /^https?:\/\//.test(a)) ?? process.env.BASE_URL ?? 'http://127.0.0.1:4173').replace(/\/$/, '');
const paths = args.filter((a) => a.startsWith('/'));
const PLAN = '/plans/plan-action-logiciels-libres-et-communs-numeriques';
const PAGES = paths.length > 0 ? paths : ['/', '/en', `${PLAN}/mesures`, `${PLAN}/mesures/2.2`];
const json = args.includes('--json');
const budget = args.includes('--budget');

type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
interface Row {
	url: string;
	kind: Kind;
	raw: number;
	gzip: number;
	brotli: number;
	sent: number;
	encoding: string;
}

function kindOf(url: string, contentType: string): Kind {
	if (contentType.includes('text/html')) return 'html';
	if (contentType.includes('css') || url.endsWith('.css')) return 'css';
	if (contentType.includes('javascript') || /\.m?js$/.test(url)) return 'js';
	if (contentType.startsWith('font/') || /\.woff2?$/.test(url)) return 'font';
	if (contentType.startsWith('image/')) return 'image';
	return 'other';
}

/** A fresh connection per request: a reused keep-alive socket that the server has closed would fail. */
async function get(url: string, encoding: string): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetch(url, { headers: { 'Accept-Encoding': encoding, Connection: 'close' } });
		} catch (error) {
			if (attempt >= 3) throw error;
		}
	}
}

interface Blocking {
	files: string[];
	raw: number;
	brotli: number;
}

async function measure(path: string): Promise<{ rows: Row[]; blocking: Blocking }> {
	const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
	try {
		const page = await browser.newPage();
		const urls = new Set<string>();
		page.on('response', (response) => {
			if (response.url().startsWith(base) && response.status() < 300) urls.add(response.url());
		});
		const response = await page.goto(base + path, { waitUntil: 'networkidle' });
		if (!response || response.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
		const blocking: Blocking = { files: renderBlockingStylesheets(await response.text(), base + path), raw: 0, brotli: 0 };
		for (const url of blocking.files) {
			const body = Buffer.from(await (await get(url, 'identity')).arrayBuffer());
			blocking.raw += body.length;
			blocking.brotli += brotli(body);
		}
		const rows: Row[] = [];
		for (const url of urls) {
			const plain = await get(url, 'identity');
			const body = Buffer.from(await plain.arrayBuffer());
			const sent = await get(url, 'br, gzip');
			// fetch decodes the body: the size on the wire is the Content-Length of the encoded response.
			const sentLength = Number(sent.headers.get('content-length') ?? NaN);
			await sent.arrayBuffer();
			rows.push({
				url: url.slice(base.length),
				kind: kindOf(url, plain.headers.get('content-type') ?? ''),
				raw: body.length,
				gzip: gzipSync(body, { level: 9 }).length,
				brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
				sent: Number.isNaN(sentLength) ? -1 : sentLength,
				encoding: sent.headers.get('content-encoding') ?? 'none'
			});
		}
		return { rows, blocking };
	} finally {
		await browser.close();
	}
}

const kb = (n: number) => (n < 0 ? '   (chunked)' : `${(n / 1024).toFixed(1).padStart(8)} KB`);
const report: Record<string, { totals: Record<string, { raw: number; gzip: number; brotli: number; files: number }>; blocking: Blocking; rows: Row[] }> = {};
const overBudget: string[] = [];
for (const path of PAGES) {
	const { rows, blocking } = await measure(path);
	if (blocking.brotli > RENDER_BLOCKING_CSS_BUDGET) overBudget.push(path);
	const totals: Record<string, { raw: number; gzip: number; brotli: number; files: number }> = {};
	for (const row of rows) {
		for (const key of [row.kind, 'total']) {
			const t = (totals[key] ??= { raw: 0, gzip: 0, brotli: 0, files: 0 });
			t.raw += row.raw;
			t.gzip += row.gzip;
			t.brotli += row.brotli;
			t.files++;
		}
	}
	report[path] = { totals, blocking, rows };
	if (json) continue;
	console.log(`\n${base}${path}`);
	console.log(`${'type'.padEnd(7)}${'files'.padStart(6)}${'raw'.padStart(12)}${'gzip -9'.padStart(12)}${'brotli 11'.padStart(12)}`);
	for (const [key, t] of Object.entries(totals).sort(([a], [b]) => (a === 'total' ? 1 : b === 'total' ? -1 : a.localeCompare(b)))) {
		console.log(`${key.padEnd(7)}${String(t.files).padStart(6)}${kb(t.raw)}${kb(t.gzip)}${kb(t.brotli)}`);
	}
	console.log(`render-blocking CSS: ${blocking.files.length} file(s),${kb(blocking.raw)} raw,${kb(blocking.brotli)} brotli (budget ${RENDER_BLOCKING_CSS_BUDGET / 1024} KB)`);
	console.log('largest files (raw / brotli / as sent by the server, encoding):');
	for (const row of [...rows].sort((a, b) => b.brotli - a.brotli).slice(0, 6)) {
		console.log(`  ${row.kind.padEnd(6)}${kb(row.raw)}${kb(row.brotli)}${kb(row.sent)} ${row.encoding.padEnd(5)} ${row.url.slice(0, 70)}`);
	}
}
if (json) console.log(JSON.stringify({ base, pages: report }, null, 2));
if (budget && overBudget.length > 0) {
	console.error(`render-blocking CSS over ${RENDER_BLOCKING_CSS_BUDGET / 1024} KB brotli: ${overBudget.join(', ')}`);
	process.exit(1);
}

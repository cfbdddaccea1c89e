// Signed-in visitors for `npm run bench`: editors created on the plan's teams with a session each
// (the cookie a browser would send), and the "editors browsing and saving" load: each editor reads
// the dashboard, a measure page, the measure list and its measure's editing form, and saves that form
// now and then (POST, redirect, GET), as a person at work would, without pauses.
import type { Db } from '../src/lib/server/db';
import { createSession, SESSION_COOKIE } from '../src/lib/server/auth/session';
import { createUserWithPassword } from '../src/lib/server/domain/users/users';

export interface Editor {
	cookie: string;
	measure: string;
}

/** `count` editors, spread over the plan's measures (each on the team that leads its measure). */
export async function createEditors(db: Db, slug: string, count: number): Promise<Editor[]> {
	const measures = await db.measure.findMany({ where: { plan: { slug } }, orderBy: { position: 'asc' }, select: { number: true, leadOwnerId: true }, take: count });
	const editors: Editor[] = [];
	for (let i = 0; i < count; i++) {
		const measure = measures[i % measures.length]!;
		const { userId } = await createUserWithPassword(
			db,
			{ id: null, label: 'bench', role: null },
			{
				email: `bench-editor-${i}-${Date.now()}@example.gouv.fr`,
				displayName: `Éditrice ${i}`,
				organisation: null,
				roles: ['EDITOR'],
				teamIds: [measure.leadOwnerId],
				password: 'une longue phrase pour le banc de mesure'
			}
		);
		const { token } = await createSession(db, userId);
		editors.push({ cookie: `${SESSION_COOKIE}=${token}`, measure: measure.number });
	}
	return editors;
}

export interface LoadFigure {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
	saves: number;
	/** Per request of the timed phase, measured in the server (bench/query-tap.mjs); null without a tap. */
	cpuMsPerRequest: number | null;
	statementsPerRequest: number | null;
}

/**
 * Enough of devalue's `unflatten` (the format of SvelteKit's `__data.json`) for a form's values:
 * objects, arrays, strings, numbers, booleans, null, dates (kept as their string).
 */
function unflatten(values: unknown[]): unknown {
	const hydrate = (index: number): unknown => {
		if (index === -1) return undefined;
		if (index < 0) return null;
		const value = values[index];
		if (value === null || typeof value !== 'object') return value;
		if (Array.isArray(value)) {
			if (typeof value[0] === 'string') return value[1];
			return value.map((i) => hydrate(i as number));
		}
		return Object.fromEntries(Object.entries(value).map(([key, i]) => [key, hydrate(i as number)]));
	};
	return hydrate(0);
}

/** The values the editing form holds (its page data), to post them back changed. */
/** The form's values: strings, or lists of strings for repeated fields (as `measureValues` gives them). */
type FormValues = Record<string, string | string[] | null>;

export async function formValues(base: string, path: string, cookie: string): Promise<FormValues> {
	const response = await fetch(`${base}${path}/__data.json`, { headers: { cookie } });
	if (!response.ok) throw new Error(`${path}/__data.json: ${response.status}`);
	const payload = (await response.json()) as { nodes: ({ type: string; data: unknown[] } | null)[] };
	const page = payload.nodes.at(-1);
	if (!page || page.type !== 'data') throw new Error(`${path}/__data.json: no page data`);
	return (unflatten(page.data) as { measure: FormValues }).measure;
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Every editor in a loop for `duration` seconds, once each page has been read (warm): dashboard, measure page, list, own editing form, and
 * every fourth round (the first included) a save of that form. Editors sharing a measure save one after the other (two
 * people saving the same form at the same instant get a conflict, by design, which is not what this
 * measures).
 */
export async function editorsBrowsingAndSaving(
	base: string,
	slug: string,
	dashboardPath: string,
	editors: Editor[],
	duration: number,
	tap: string | null = null
): Promise<LoadFigure> {
	const latencies: number[] = [];
	// Where the tail is: the same latencies by kind of request.
	const byKind = new Map<string, number[]>();
	let errors = 0;
	let saves = 0;
	const locks = new Map<string, Promise<void>>();
	const timed = async (kind: string, path: string, cookie: string, init: RequestInit = {}, expected = 200): Promise<Response | null> => {
		const started = performance.now();
		try {
			const response = await fetch(base + path, { ...init, redirect: 'manual', headers: { cookie, ...(init.headers ?? {}) } });
			await response.arrayBuffer();
			const latency = performance.now() - started;
			latencies.push(latency);
			const ofKind = byKind.get(kind) ?? [];
			ofKind.push(latency);
			byKind.set(kind, ofKind);
			if (response.status !== expected) errors++;
			return response;
		} catch {
			errors++;
			return null;
		}
	};
	const save = async (editor: Editor) => {
		const form = `/plans/${slug}/mesures/${editor.measure}/modifier`;
		const values = await formValues(base, form, editor.cookie);
		const body = new URLSearchParams();
		for (const [name, value] of Object.entries(values)) {
			if (Array.isArray(value)) for (const item of value) body.append(name, item);
			else if (value !== null) body.set(name, value);
		}
		body.set('confidenceExplanation', `Relu le ${new Date().toISOString()}`);
		// As a browser without JavaScript posts the form: asking for HTML gets the 303 to the page, not
		// SvelteKit's JSON answer to an enhanced form.
		const response = await timed(
			'save (POST)',
			`${form}?/updateMeasure`,
			editor.cookie,
			{ method: 'POST', body, headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' } },
			303
		);
		const location = response?.headers.get('location');
		if (location) await timed('redirect after the save', location, editor.cookie);
		saves++;
	};
	// Steady state, not a fresh process's first visits: each page read once, one at a time, untimed.
	// A cold start (every read model built, every code path compiled, all at once) is another figure:
	// bench/large-plan.ts measures first calls.
	for (const editor of new Map(editors.map((e) => [e.measure, e])).values()) {
		for (const path of [dashboardPath, `/plans/${slug}/mesures/${editor.measure}`, `/plans/${slug}/mesures?page=1`, `/plans/${slug}/mesures/${editor.measure}/modifier`]) {
			await (await fetch(base + path, { headers: { cookie: editor.cookie } })).arrayBuffer();
		}
	}
	const readTap = async (path: string) => (tap ? ((await (await fetch(tap + path)).json()) as { queries: number; cpuMs: number }) : null);
	await readTap('/reset');
	const deadline = Date.now() + duration * 1000;
	await Promise.all(
		editors.map(async (editor) => {
			for (let round = 0; Date.now() < deadline; round++) {
				await timed('dashboard', dashboardPath, editor.cookie);
				await timed('measure page', `/plans/${slug}/mesures/${editor.measure}`, editor.cookie);
				await timed('list', `/plans/${slug}/mesures?page=1`, editor.cookie);
				await timed('editing form', `/plans/${slug}/mesures/${editor.measure}/modifier`, editor.cookie);
				if (round % 4 === 0) {
					const previous = locks.get(editor.measure) ?? Promise.resolve();
					const mine = previous.then(() => save(editor)).catch(() => void errors++);
					locks.set(editor.measure, mine);
					await mine;
				}
			}
		})
	);
	const server = await readTap('/');
	latencies.sort((a, b) => a - b);
	for (const [kind, values] of byKind) {
		values.sort((a, b) => a - b);
		console.log(`    ${kind}: ${values.length} requests, p50 ${Math.round(percentile(values, 50))} ms, p99 ${Math.round(percentile(values, 99))} ms`);
	}
	return {
		requestsPerSecond: Math.round(latencies.length / duration),
		p50: Math.round(percentile(latencies, 50)),
		p99: Math.round(percentile(latencies, 99)),
		errors,
		saves,
		// The formValues reads of the saves are untimed but served: counted with the requests.
		cpuMsPerRequest: server ? Math.round((server.cpuMs / (latencies.length + saves)) * 100) / 100 : null,
		statementsPerRequest: server ? Math.round((server.queries / (latencies.length + saves)) * 10) / 10 : null
	};
}

// Every way to change state over HTTP, read from the route tree: the named form actions of each
// `+page.server.ts` and the non-GET handlers of each `+server.ts`. The authorization matrix must
// have a row for each of them (tests/unit/authz-matrix-coverage.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROUTES_DIR = path.resolve(import.meta.dirname, '../../src/routes');

function* walk(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(full);
		else yield full;
	}
}

/** The SvelteKit route id of a file: `/(app)/compte` for src/routes/(app)/compte/+page.server.ts. */
function routeId(file: string): string {
	const dir = path.relative(ROUTES_DIR, path.dirname(file)).split(path.sep).join('/');
	return `/${dir}`.replace(/\/$/, '') || '/';
}

/** Top-level keys of the object literal that starts at `source[start]` ("{"). */
function objectKeys(source: string, start: number): string[] {
	const keys: string[] = [];
	let depth = 0;
	let expectKey = false;
	for (let i = start; i < source.length; i++) {
		const c = source[i] ?? '';
		if (c === '"' || c === "'" || c === '`') {
			// skip string literals
			const quote = c;
			for (i++; i < source.length && source[i] !== quote; i++) if (source[i] === '\\') i++;
			continue;
		}
		if (c === '/' && source[i + 1] === '/') {
			i = source.indexOf('\n', i);
			if (i < 0) break;
			continue;
		}
		if (c === '/' && source[i + 1] === '*') {
			i = source.indexOf('*/', i) + 1;
			continue;
		}
		if (c === '{' || c === '(' || c === '[') {
			depth++;
			if (depth === 1) expectKey = true;
			continue;
		}
		if (c === '}' || c === ')' || c === ']') {
			depth--;
			if (depth === 0) break;
			continue;
		}
		if (depth === 1 && c === ',') {
			expectKey = true;
			continue;
		}
		if (depth === 1 && expectKey && /[A-Za-z_$]/.test(c)) {
			const match = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*[:(]/.exec(source.slice(i));
			if (match) {
				keys.push(match[1] ?? '');
				i += match[0].length - 2;
			}
			expectKey = false;
		}
	}
	return keys;
}

export interface Mutation {
	/** `POST /(app)/compte?/changePassword` or `DELETE /api/v1/thing`. */
	key: string;
	routeId: string;
	file: string;
}

export function formActions(source: string): string[] {
	const match = /export\s+const\s+actions\s*(?::\s*[\w.<>]+\s*)?=\s*(?:\{|[\s\S]*?\{)/.exec(source);
	if (!match) return [];
	const start = match.index + match[0].length - 1;
	const keys = objectKeys(source, start);
	// An unnamed `default` action is posted to the page itself.
	return keys;
}

const METHODS = ['POST', 'PUT', 'PATCH', 'DELETE', 'fallback'];

export function nonGetHandlers(source: string): string[] {
	const found = new Set<string>();
	for (const method of METHODS) {
		const re = new RegExp(`export\\s+(?:const\\s+${method}\\b|(?:async\\s+)?function\\s+${method}\\b|\\{[^}]*\\b${method}\\b[^}]*\\})`);
		if (re.test(source)) found.add(method === 'fallback' ? 'ANY' : method);
	}
	return [...found];
}

export function mutationsInRouteTree(dir = ROUTES_DIR): Mutation[] {
	const result: Mutation[] = [];
	for (const file of walk(dir)) {
		const name = path.basename(file);
		if (!/^\+(page\.server|server)\.(ts|js)$/.test(name)) continue;
		const source = readFileSync(file, 'utf8');
		const id = routeId(file);
		if (name.startsWith('+page.server')) {
			for (const action of formActions(source)) result.push({ key: action === 'default' ? `POST ${id}` : `POST ${id}?/${action}`, routeId: id, file });
		} else {
			for (const method of nonGetHandlers(source)) result.push({ key: `${method} ${id}`, routeId: id, file });
		}
	}
	return result.sort((a, b) => a.key.localeCompare(b.key));
}

// Every way to change state over HTTP, read from the route tree: the named form actions of each
// `+page.server.ts` and the non-GET handlers of each `+server.ts`. The authorization matrix must
// have a row for each of them (tests/unit/authz-matrix-coverage.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROUTES_DIR = path.resolve(import.meta.dirname, '../../src/routes');

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
		if (depth === 1 && expectKey && source.startsWith('...', i)) {
			// A spread (`...commentActions(ctx)`): reported as `...name`, for formActions to expand.
			const match = /^\.\.\.\s*([A-Za-z_$][\w$]*)/.exec(source.slice(i));
			if (match) {
				keys.push(`...${match[1]}`);
				i += match[0].length - 1;
			}
			expectKey = false;
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

/**
 * Factories of shared actions that pages spread (`...commentActions(ctx)`) or export whole
 * (`export const actions = commentActions(ctx)`): the file and function whose returned object
 * literal names the actions. Read from the source, so that a new shared action is caught too.
 */
export const ACTION_FACTORIES: Record<string, { file: string; fn: string }> = {
	commentActions: { file: path.resolve(import.meta.dirname, '../../src/lib/server/forms/comment-thread.ts'), fn: 'commentActions' }
};

/** The action names returned by `export function <fn>(…) { … return { … } }` in `source`. */
export function factoryActions(source: string, fn: string): string[] {
	const decl = new RegExp(`export\\s+(?:async\\s+)?function\\s+${fn}\\b`).exec(source);
	if (!decl) throw new Error(`No exported function ${fn}`);
	const ret = /\breturn\s*\{/.exec(source.slice(decl.index));
	if (!ret) throw new Error(`${fn} does not return an object literal`);
	return objectKeys(source, decl.index + ret.index + ret[0].length - 1);
}

function expand(name: string, factories: Record<string, string[]>): string[] {
	const actions = factories[name];
	// An unknown spread or factory stays visible (and so fails the coverage test) rather than vanishing.
	return actions ?? [`...${name}`];
}

function knownFactories(): Record<string, string[]> {
	return Object.fromEntries(Object.entries(ACTION_FACTORIES).map(([name, { file, fn }]) => [name, factoryActions(readFileSync(file, 'utf8'), fn)]));
}

export function formActions(source: string, factories: Record<string, string[]> = knownFactories()): string[] {
	const head = /export\s+const\s+actions\s*(?::\s*[\w.<>]+\s*)?=\s*/.exec(source);
	if (!head) return [];
	const after = head.index + head[0].length;
	// `export const actions = commentActions(ctx)`: every action of the factory.
	const call = /^([A-Za-z_$][\w$]*)\s*\(/.exec(source.slice(after));
	if (call) return expand(call[1] ?? '', factories);
	const brace = source.indexOf('{', after);
	if (brace < 0) return [];
	// An unnamed `default` action is posted to the page itself.
	return objectKeys(source, brace).flatMap((key) => (key.startsWith('...') ? expand(key.slice(3), factories) : [key]));
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

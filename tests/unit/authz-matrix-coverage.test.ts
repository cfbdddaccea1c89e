// Deny by default: every form action and non-GET handler of the route tree has a row in the
// authorization matrix (tests/security/authz-matrix.ts), and every row still matches a route.
import { describe, expect, test } from 'vitest';
import { AUTHZ_MATRIX, ROLES } from '../security/authz-matrix';
import { readFileSync } from 'node:fs';
import { ACTION_FACTORIES, factoryActions, formActions, mutationsInRouteTree, nonGetHandlers } from '../security/routes';

describe('authorization matrix coverage', () => {
	const mutations = mutationsInRouteTree();

	test('the route scanner finds the known actions', () => {
		expect(mutations.length).toBeGreaterThan(20);
		expect(mutations.map((m) => m.key)).toContain('POST /(app)/compte?/changePassword');
	});

	test('every form action and non-GET handler has a row for every role', () => {
		const missing = mutations.filter((m) => !(m.key in AUTHZ_MATRIX)).map((m) => `${m.key}  (${m.file})`);
		expect(missing, `Add these to tests/security/authz-matrix.ts (who may do it, per role):\n${missing.join('\n')}`).toEqual([]);
		for (const [key, row] of Object.entries(AUTHZ_MATRIX)) expect(Object.keys(row.expect).sort(), key).toEqual([...ROLES].sort());
	});

	test('every row of the matrix still matches a route', () => {
		const known = new Set(mutations.map((m) => m.key));
		const stale = Object.keys(AUTHZ_MATRIX).filter((key) => !known.has(key));
		expect(stale, 'Rows of tests/security/authz-matrix.ts without a route').toEqual([]);
	});

	test('the scanner reads named actions and non-GET handlers', () => {
		expect(formActions(`export const actions: Actions = {\n a: async () => {}, // c: x\n b(event) { return { x: { y: 1 } }; },\n 'c': 1 };`)).toEqual(['a', 'b']);
		expect(formActions(`export const load = () => ({});`)).toEqual([]);
		expect(nonGetHandlers(`export const GET = () => 1;\nexport async function POST() {}\nexport const fallback = x;`)).toEqual(['POST', 'ANY']);
		expect(nonGetHandlers(`export { DELETE } from './x';`)).toEqual(['DELETE']);
	});

	test('shared actions are expanded into their real names, read from the factory', () => {
		const { file, fn } = ACTION_FACTORIES.commentActions!;
		const comments = factoryActions(readFileSync(file, 'utf8'), fn);
		expect(comments).toEqual(expect.arrayContaining(['postComment', 'editComment', 'hideComment', 'restoreComment', 'setFollow']));
		const factories = { commentActions: ['postComment', 'hideComment'] };
		expect(formActions(`export const actions: Actions = {\n ...commentActions(ctx),\n a: async () => {} };`, factories)).toEqual(['postComment', 'hideComment', 'a']);
		expect(formActions(`export const actions: Actions = commentActions(thread);`, factories)).toEqual(['postComment', 'hideComment']);
		// An unknown factory is kept visible, so the coverage test asks for it.
		expect(formActions(`export const actions = { ...other(x), b() {} };`, factories)).toEqual(['...other', 'b']);
		expect(formActions(`export const actions = other(x);`, factories)).toEqual(['...other']);
		const keys = mutations.map((m) => m.key);
		for (const name of comments) {
			expect(keys).toContain(`POST /(public)/plans/[slug=slug]/mesures/[numero=numero]?/${name}`);
			expect(keys).toContain(`POST /(public)/plans/[slug=slug]/rapports/[id=id]?/${name}`);
			expect(keys).toContain(`POST /(app)/plans/[slug=slug]/rapports/travail/[id]?/${name}`);
		}
		expect(keys.filter((k) => k.includes('commentActions'))).toEqual([]);
	});
});

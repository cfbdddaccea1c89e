// Source-level guards: parameterised SQL only (ASVS 1.2.4), no raw HTML rendering of user text
// (ASVS 1.3): Svelte escapes every `{expression}`; `{@html}` is allowed only where listed here; and
// thin routes: no Prisma call in src/routes (domain functions under src/lib/server/ do the work).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
function* files(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'generated' && entry.name !== 'node_modules') yield* files(full);
		} else if (/\.(ts|js|mjs|svelte)$/.test(entry.name)) yield full;
	}
}
const sources = [...files(path.join(root, 'src')), ...files(path.join(root, 'scripts'))].map((file) => ({ file: path.relative(root, file), text: readFileSync(file, 'utf8') }));

/** Files allowed to use {@html}, with the reason: what each renders holds no user text. */
const SAFE_MARKDOWN = 'output of renderMarkdown (escapes everything, then builds a few elements; tests/unit/markdown.test.ts)';
const HTML_ALLOWED: Record<string, string> = {
	'src/lib/components/comments/CommentItem.svelte': SAFE_MARKDOWN,
	'src/lib/components/ui/Markdown.svelte': SAFE_MARKDOWN,
	'src/lib/components/reports/OpinionText.svelte': SAFE_MARKDOWN,
	'src/lib/components/reports/SectionsView.svelte': SAFE_MARKDOWN,
	'src/lib/public-script/PublicScript.svelte': "a <script> tag whose address is a constant of the build (the public pages' standalone script)"
};

/** A Prisma call: `db.measure.findMany(`, `(await requestDb()).owner.count(`, `tx.$transaction(`, or the generated client. */
const PRISMA_CALL =
	/\b(?:db|tx|prisma|database)\.[a-z]\w*\.\w+\(|\)\.[a-z]\w*\.(?:find\w*|count|aggregate|groupBy|create\w*|update\w*|upsert|delete\w*)\(|\$(?:queryRaw|executeRaw|transaction)\b|db\/generated/;

describe('static security checks', () => {
	test('no unsafe raw SQL: $queryRawUnsafe / $executeRawUnsafe are never used', () => {
		expect(sources.length).toBeGreaterThan(50);
		const offenders = sources.filter((s) => /\$(queryRawUnsafe|executeRawUnsafe)\b/.test(s.text)).map((s) => s.file);
		expect(offenders).toEqual([]);
	});

	test('no {@html} outside the reviewed list', () => {
		const offenders = sources.filter((s) => s.file.endsWith('.svelte') && /\{@html\b/.test(s.text) && !(s.file in HTML_ALLOWED)).map((s) => s.file);
		expect(offenders).toEqual([]);
	});

	test('no state change on GET: +server.ts GET handlers do not call create/update/delete', () => {
		const offenders = sources
			.filter((s) => /\+server\.ts$/.test(s.file) && /export const GET/.test(s.text) && /\.(create|update|upsert|delete)(Many)?\(/.test(s.text))
			.map((s) => s.file);
		expect(offenders).toEqual([]);
	});

	test('thin routes: no Prisma call in src/routes, whose loads and actions call domain functions', () => {
		expect(PRISMA_CALL.test(`const ids = await db.milestone.findMany({ where: { measureId } });`)).toBe(true);
		expect(PRISMA_CALL.test(`(await requestDb()).owner.findMany({})`)).toBe(true);
		expect(PRISMA_CALL.test(`params.delete(param); url.searchParams.set('a', 'b'); listMyTeams(db, user)`)).toBe(false);
		const routes = sources.filter((s) => s.file.startsWith('src/routes/'));
		expect(routes.length).toBeGreaterThan(20);
		expect(routes.filter((s) => PRISMA_CALL.test(s.text)).map((s) => s.file)).toEqual([]);
	});
});

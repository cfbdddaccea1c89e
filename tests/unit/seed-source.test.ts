// The researched plan that the seed loads: every web address in it must be one a browser and a
// Table Schema `uri` reader accept as is, so a host with a trailing dot ("april.org.") is refused.
import { describe, expect, it } from 'vitest';
import raw from '../../src/lib/server/seed/plan-logiciels-libres.json' with { type: 'json' };
import { loadPlanSource, planSourceSchema } from '../../src/lib/server/seed/plan-source';

/** Every string value under a key that names a web address, wherever it sits in the file. */
function urlsIn(value: unknown, key = ''): string[] {
	if (typeof value === 'string') return /(^|_)urls?$/.test(key) ? [value] : [];
	if (Array.isArray(value)) return value.flatMap((item) => urlsIn(item, key));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urlsIn(v, k));
	return [];
}

describe('the seed’s plan file', () => {
	it('has no web address whose host ends with a dot', () => {
		const urls = urlsIn(raw);
		expect(urls.length).toBeGreaterThan(100);
		expect(urls.filter((url) => new URL(url).hostname.endsWith('.'))).toEqual([]);
	});

	it('loads, and a host with a trailing dot is refused when it is read', () => {
		expect(() => loadPlanSource()).not.toThrow();
		const copy = structuredClone(raw);
		copy.plan.known_progress[0]!.source_url = 'https://april.org./page';
		expect(planSourceSchema.safeParse(copy).success).toBe(false);
		copy.plan.known_progress[0]!.source_url = 'https://www.april.org/page';
		expect(planSourceSchema.safeParse(copy).success).toBe(true);
	});
});

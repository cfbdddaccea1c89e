// The serialization SvelteKit makes of a page's data is skipped, whole, only in the HTML of pages that
// are never hydrated ($lib/render/unhydrated.ts; hooks.server.ts says which request that is).
import { afterEach, describe, expect, it } from 'vitest';
import { isPublicRoute, skipDataOf, unhydratedData } from '../../src/lib/render/unhydrated';

afterEach(() => skipDataOf(() => false));

describe('unhydrated pages', () => {
	it('are the routes of the (public) group, embedded cards included', () => {
		expect(isPublicRoute('/(public)')).toBe(true);
		expect(isPublicRoute('/(public)/plans/[slug=slug]/mesures/[numero=numero]')).toBe(true);
		expect(isPublicRoute('/(public)/integrer/plans/[slug=slug]')).toBe(true);
		expect(isPublicRoute('/(app)/plans/[slug=slug]/mesures/[numero=numero]/modifier')).toBe(false);
		expect(isPublicRoute('/(auth)/connexion')).toBe(false);
		expect(isPublicRoute('/(publicity)/x')).toBe(false);
		expect(isPublicRoute(null)).toBe(false);
	});

	it('have their data replaced by a marker, from the first object met; other pages keep every value', () => {
		const data = { plan: { title: 'Plan' }, measures: [{ number: '1.1' }] };
		expect(unhydratedData.encode(data)).toBe(false);
		skipDataOf(() => true);
		expect(unhydratedData.encode(data)).toBe(true);
		expect(unhydratedData.encode(null)).toBe(false);
		expect(unhydratedData.encode('texte')).toBe(false);
	});
});

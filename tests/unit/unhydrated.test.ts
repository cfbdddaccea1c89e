// The serialization SvelteKit makes of a page's data is skipped, whole, for the data a (public) page's
// load hands through renderedOnServer, in its HTML only ($lib/render/unhydrated.ts).
import { describe, expect, it } from 'vitest';
import { isPublicRoute, renderedOnServer, unhydratedData } from '../../src/lib/render/unhydrated';

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

	it('have their data serialized as a marker in their HTML, whole in their __data.json', () => {
		const model = { plan: { title: 'Plan' }, measures: [{ number: '1.1' }] };
		const html = renderedOnServer({ isDataRequest: false }, model);
		expect(html).toEqual(model);
		expect(unhydratedData.encode(html)).toBe(true);
		// A read model shared by every request is never marked itself, nor what it holds.
		expect(unhydratedData.encode(model)).toBe(false);
		expect(unhydratedData.encode(model.plan)).toBe(false);
		const data = renderedOnServer({ isDataRequest: true }, model);
		expect(unhydratedData.encode(data)).toBe(false);
		expect(unhydratedData.encode(null)).toBe(false);
		expect(unhydratedData.encode('texte')).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { linkHeader, pageMeta, parsePageRequest } from '../../src/lib/server/api/pagination';
import { ApiError } from '../../src/lib/server/api/respond';

const params = (query: string) => new URLSearchParams(query);

describe('API pagination', () => {
	it('defaults to page 1 of 20', () => {
		expect(parsePageRequest(params(''))).toEqual({ page: 1, perPage: 20 });
		expect(parsePageRequest(params('page=3&per_page=100&autre=x'))).toEqual({ page: 3, perPage: 100 });
	});

	it('refuses what is not a whole number in range, with a French message', () => {
		for (const query of ['page=0', 'page=-1', 'page=abc', 'page=1.5', 'page=', 'per_page=101', 'per_page=0', 'page=99999999', 'per_page=1e2']) {
			let caught: unknown;
			try {
				parsePageRequest(params(query));
			} catch (error) {
				caught = error;
			}
			expect(caught, query).toBeInstanceOf(ApiError);
			expect((caught as ApiError).status).toBe(400);
			expect((caught as ApiError).message).toMatch(/^Le paramètre «\s(page|per_page)\s» doit être un nombre entier compris entre 1 et \d+\.$/);
		}
	});

	it('counts the pages and links the neighbouring ones', () => {
		const meta = pageMeta({ page: 2, perPage: 3 }, 10);
		expect(meta).toEqual({ page: 2, perPage: 3, total: 10, totalPages: 4 });
		const link = linkHeader(new URL('http://jalons.test/api/v1/plans/p/measures?page=2&per_page=3'), meta);
		expect(link).toBe(
			[
				'<http://jalons.test/api/v1/plans/p/measures?page=1&per_page=3>; rel="first"',
				'<http://jalons.test/api/v1/plans/p/measures?page=1&per_page=3>; rel="prev"',
				'<http://jalons.test/api/v1/plans/p/measures?page=3&per_page=3>; rel="next"',
				'<http://jalons.test/api/v1/plans/p/measures?page=4&per_page=3>; rel="last"'
			].join(', ')
		);
		expect(pageMeta({ page: 1, perPage: 20 }, 0).totalPages).toBe(1);
		expect(pageMeta({ page: 1, perPage: 20 }, 40).totalPages).toBe(2);
	});
});

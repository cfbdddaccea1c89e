import { describe, expect, it } from 'vitest';
import { doneEvidence, isClosing, linkRemoval, refusesStatus, type ProofFacts } from './done-evidence';

const link = (id: string) => ({ id, title: `Preuve ${id}`, url: `https://example.org/${id}` });
const update = (id: string, date: string, sourceUrls: string[], published = true) => ({ id, date, precision: 'DAY' as const, published, sourceUrls });
const none: ProofFacts = { links: [], updates: [] };

describe('doneEvidence', () => {
	it('allows nothing without a proof', () => {
		expect(doneEvidence(none)).toEqual({ proofs: [], allowed: false });
	});

	it('counts evidence links, in their order', () => {
		expect(doneEvidence({ links: [link('b'), link('a')], updates: [] })).toEqual({
			proofs: [
				{ kind: 'link', id: 'b', title: 'Preuve b', url: 'https://example.org/b' },
				{ kind: 'link', id: 'a', title: 'Preuve a', url: 'https://example.org/a' }
			],
			allowed: true
		});
	});

	it('counts published updates that cite a source, newest first, linked through their first source', () => {
		const result = doneEvidence({
			links: [link('l')],
			updates: [update('old', '2024-01-02', ['https://a.fr/1', 'https://a.fr/2']), update('new', '2025-03-04', ['https://b.fr/'])]
		});
		expect(result.proofs.map((p) => p.id)).toEqual(['l', 'new', 'old']);
		expect(result.proofs[2]).toEqual({ kind: 'update', id: 'old', date: '2024-01-02', precision: 'DAY', url: 'https://a.fr/1' });
	});

	it('does not count a draft, or a published update without a source', () => {
		const result = doneEvidence({ links: [], updates: [update('draft', '2024-01-01', ['https://a.fr/'], false), update('bare', '2024-01-02', [])] });
		expect(result).toEqual({ proofs: [], allowed: false });
	});
});

describe('refusesStatus', () => {
	const without = doneEvidence(none);
	const withProof = doneEvidence({ links: [link('l')], updates: [] });

	it('refuses closing a measure (done or abandoned) without a proof', () => {
		expect(refusesStatus('IN_PROGRESS', 'DONE', without)).toBe(true);
		expect(refusesStatus(null, 'ABANDONED', without)).toBe(true);
	});

	it('accepts closing with a proof, other statuses, and keeping a status already stored', () => {
		expect(refusesStatus('IN_PROGRESS', 'DONE', withProof)).toBe(false);
		expect(refusesStatus('DONE', 'IN_PROGRESS', without)).toBe(false);
		expect(refusesStatus(null, 'CONTINUOUS', without)).toBe(false);
		// A measure imported as done stays editable (its other fields) even without a proof.
		expect(refusesStatus('DONE', 'DONE', without)).toBe(false);
	});

	it('knows which statuses close a measure', () => {
		expect(['DONE', 'ABANDONED', 'IN_PROGRESS', null].map(isClosing)).toEqual([true, true, false, false]);
	});
});

describe('linkRemoval', () => {
	it('refuses removing the last proof of a closed measure', () => {
		for (const status of ['DONE', 'ABANDONED']) {
			expect(linkRemoval({ links: [link('only')], updates: [] }, status, 'only')).toEqual({ remaining: [], refused: true, leavesNone: false });
		}
	});

	it('allows it when another link or a sourced published update still proves the measure, and says which', () => {
		const other = linkRemoval({ links: [link('a'), link('b')], updates: [] }, 'DONE', 'a');
		expect(other).toMatchObject({ refused: false, leavesNone: false });
		expect(other.remaining.map((p) => p.id)).toEqual(['b']);
		const byUpdate = linkRemoval({ links: [link('a')], updates: [update('u', '2024-05-06', ['https://a.fr/'])] }, 'DONE', 'a');
		expect(byUpdate).toEqual({ remaining: [{ kind: 'update', id: 'u', date: '2024-05-06', precision: 'DAY', url: 'https://a.fr/' }], refused: false, leavesNone: false });
	});

	it('allows removing the last proof of an open measure, with a warning that it could no longer be closed', () => {
		expect(linkRemoval({ links: [link('only')], updates: [update('d', '2024-01-01', ['https://a.fr/'], false)] }, 'IN_PROGRESS', 'only')).toEqual({
			remaining: [],
			refused: false,
			leavesNone: true
		});
	});
});

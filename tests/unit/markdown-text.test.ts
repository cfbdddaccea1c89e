// One rule for progress updates' Markdown: rendered (safely) wherever HTML is shown, plain text with
// the markers stripped where no HTML is (CSV cells, feed titles).
import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../src/lib/markdown';
import { roundCsv } from '../../src/lib/server/domain/reports/export';
import type { RoundView } from '../../src/lib/server/domain/reports/view';
import { updateEntry } from '../../src/lib/server/feeds/entries';
import { snippetParts } from '../../src/lib/server/domain/measures/list';

describe('markdownToText', () => {
	it('drops emphasis markers and keeps the words', () => {
		expect(markdownToText('Le **SILL** compte *500* logiciels et __plus__ encore')).toBe('Le SILL compte 500 logiciels et plus encore');
	});

	it('keeps a link’s address after its label, and a bare address once', () => {
		expect(markdownToText('Voir [le billet](https://code.gouv.fr/blog) et https://sill.code.gouv.fr.')).toBe(
			'Voir le billet (https://code.gouv.fr/blog) et https://sill.code.gouv.fr.'
		);
	});

	it('keeps paragraphs, line breaks and lists as text', () => {
		expect(markdownToText('Premier\nsuite\n\n- un\n- **deux**\n\n1. a\n2. b')).toBe('Premier\nsuite\n\n- un\n- deux\n\n1. a\n2. b');
	});

	it('leaves text without Markdown as it is, and never produces HTML entities', () => {
		for (const text of ['2 * 3 * 4 < 25 & "ok"', 'snake_case_name', 'Rien à signaler.', 'l’État']) expect(markdownToText(text)).toBe(text);
		expect(markdownToText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
	});
});

describe('plain text where no HTML is shown', () => {
	it('the report CSV has no Markdown markers in its updates column', () => {
		const view = {
			grades: null,
			entries: [
				{
					measureId: 'm1',
					number: '1.1',
					title: 'Mesure',
					status: 'IN_PROGRESS',
					progress: null,
					confidence: null,
					confidenceExplanation: null,
					milestones: [],
					indicators: [],
					evidence: [],
					updates: [{ date: '2024-11-26', text: 'Le **SILL** atteint [500 logiciels](https://code.gouv.fr/sill)' }]
				}
			]
		} as unknown as RoundView;
		const csv = roundCsv(view);
		expect(csv).toContain(',2024-11-26 Le SILL atteint 500 logiciels (https://code.gouv.fr/sill)\r\n');
		expect(csv).not.toContain('*');
	});

	it('a feed entry’s title is plain text and its content the rendered Markdown', () => {
		const entry = updateEntry(
			{
				id: 'u1',
				date: new Date('2024-11-26'),
				datePrecision: 'DAY',
				text: 'Le **SILL** atteint 500 logiciels',
				blockers: 'Un *seul* point',
				nextSteps: null,
				sourceUrls: [],
				publishedAt: new Date('2024-11-26')
			},
			{ number: '1.2', title: 'Mesure', owner: 'DINUM', url: 'https://example.org/m/1.2' },
			'https://example.org/faits',
			'fr'
		);
		expect(entry.title).toContain('Le SILL atteint 500 logiciels');
		expect(entry.title).not.toContain('*');
		expect(entry.content.value).toContain('<strong>SILL</strong>');
		expect(entry.content.value).toContain('<em>seul</em>');
		expect(entry.content.value).not.toContain('**');
	});
});

describe('search excerpts', () => {
	it('show an update’s words without Markdown markers, even when the excerpt cuts through them', () => {
		const parts = snippetParts('Le **\uE000SILL\uE001** compte *500* [logiciels](https://code.gouv.fr/sill) … fin de **gras');
		expect(parts).toEqual([
			{ text: 'Le ', match: false },
			{ text: 'SILL', match: true },
			{ text: ' compte 500 logiciels … fin de gras', match: false }
		]);
		expect(snippetParts('2 * 3 et snake_case_name')).toEqual([{ text: '2 * 3 et snake_case_name', match: false }]);
	});
});

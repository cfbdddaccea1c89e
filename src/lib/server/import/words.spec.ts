import { describe, expect, it } from 'vitest';
import { isLate } from '../../domain/dates';
import { parseDeadline, parseProgress, parseStatusWord, withPrecision } from './words';

describe('deadlines as people write them', () => {
	it.each([
		['S1 2022', '2022-01-01', 'SEMESTER'],
		['S2 2022', '2022-07-01', 'SEMESTER'],
		['T3 2023', '2023-07-01', 'QUARTER'],
		['Q3 2023', '2023-07-01', 'QUARTER'],
		['2023', '2023-01-01', 'YEAR'],
		['fin 2024', '2024-01-01', 'YEAR'],
		['Fin 2024', '2024-01-01', 'YEAR'],
		['mi-2025', '2025-01-01', 'SEMESTER'],
		['juin 2024', '2024-06-01', 'MONTH'],
		['Février 2024', '2024-02-01', 'MONTH'],
		['06/2024', '2024-06-01', 'MONTH'],
		['30/06/2024', '2024-06-30', 'DAY'],
		['2024-06-30', '2024-06-30', 'DAY']
	])('%s → %s (%s)', (text, start, precision) => {
		expect(parseDeadline(text)).toEqual({ start, precision });
	});

	it.each(['CONT', 'continu', 'en continu', 'Continue'])('%s is continuous', (text) => {
		expect(parseDeadline(text)).toEqual({ start: null, precision: 'CONTINUOUS' });
	});

	it.each(['bientôt', '31/02/2024', '13/2024', 'S3 2022', 'T5 2023', '2024-13-01', ''])('%s is refused', (text) => {
		expect(parseDeadline(text)).toBeNull();
	});

	it('lateness follows the existing rules', () => {
		const s1 = parseDeadline('S1 2022');
		expect(isLate(s1, null, '2022-06-30')).toBe(false);
		expect(isLate(s1, null, '2022-07-01')).toBe(true);
		expect(isLate(parseDeadline('en continu'), null, '2099-01-01')).toBe(false);
	});

	it('reads an exported date with its precision', () => {
		expect(withPrecision('2022-07-01', 'SEMESTER')).toEqual({ start: '2022-07-01', precision: 'SEMESTER' });
		expect(withPrecision('', 'CONTINUOUS')).toEqual({ start: null, precision: 'CONTINUOUS' });
		expect(withPrecision('2022', 'SEMESTER')).toBeNull();
	});
});

describe('status words', () => {
	it.each([
		['réalisé', 'DONE'],
		['Réalisée', 'DONE'],
		['fait', 'DONE'],
		['done', 'DONE'],
		['DONE', 'DONE'],
		['en cours', 'IN_PROGRESS'],
		['non démarré', 'NOT_STARTED'],
		['NON DEMARRE', 'NOT_STARTED'],
		['abandonné', 'ABANDONED'],
		['en continu', 'CONTINUOUS']
	])('%s → %s', (word, status) => {
		expect(parseStatusWord(word)).toBe(status);
	});

	it('an empty cell or "non renseigné" is no status, an unknown word is undefined', () => {
		expect(parseStatusWord('')).toBeNull();
		expect(parseStatusWord('Statut non renseigné')).toBeNull();
		expect(parseStatusWord('peut-être')).toBeUndefined();
	});

	it('reads progress from 0 to 100', () => {
		expect(parseProgress('40 %')).toBe(40);
		expect(parseProgress('33,4')).toBe(33);
		expect(parseProgress('')).toBeNull();
		expect(parseProgress('120')).toBeUndefined();
		expect(parseProgress('beaucoup')).toBeUndefined();
	});
});

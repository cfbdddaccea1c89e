import { describe, expect, it } from 'vitest';
import { planRows, type ImportContext } from './plan-rows';
import type { CsvTable } from './read';

const empty: ImportContext = { owners: [{ id: 'o1', code: 'MIN_CULTURE', name: 'Ministère de la Culture' }], axes: [], measures: [] };
const file = (headers: string[], rows: string[][]): CsvTable => ({ headers, rows: rows.map((cells, i) => ({ line: i + 2, cells })), encoding: 'utf-8', delimiter: ',' });
const mapping = { axe: 'Axe', titre: 'Titre', porteur: 'Porteur' };

describe('planning the rows of a file', () => {
	it('numbers measures axis by axis in file order and creates axes in order of appearance', () => {
		const planned = planRows(
			file(
				['Axe', 'Titre', 'Porteur'],
				[
					['Données', 'Un', 'min_culture'],
					['Outils', 'Deux', 'Ministère de la CULTURE'],
					['Données', 'Trois', 'Ministere de la culture'],
					['Outils', 'Quatre', 'Agence nouvelle']
				]
			),
			mapping,
			empty
		);
		expect(planned.issues).toEqual([]);
		expect(planned.axes.map((a) => [a.title, a.number])).toEqual([
			['Données', 1],
			['Outils', 2]
		]);
		expect(planned.rows.map((r) => r.number)).toEqual(['1.1', '2.1', '1.2', '2.2']);
		expect(planned.rows.slice(0, 3).every((r) => 'id' in r.owner && r.owner.id === 'o1')).toBe(true);
		expect(planned.unknownOwners).toEqual(['Agence nouvelle']);
		expect(planned.rows.every((r) => r.status === undefined)).toBe(true);
	});

	it('continues the numbering of an existing plan and matches rows by owner and title', () => {
		const context: ImportContext = {
			...empty,
			axes: [{ id: 'a1', number: 1, title: 'Données' }],
			measures: [{ id: 'm1', number: '1.1', title: 'Un', leadOwnerId: 'o1', axisNumber: 1 }]
		};
		const planned = planRows(
			file(
				['Axe', 'Titre', 'Porteur'],
				[
					['données', 'un', 'MIN_CULTURE'],
					['Données', 'Nouveau', 'MIN_CULTURE']
				]
			),
			mapping,
			context
		);
		expect(planned.rows.map((r) => [r.number, r.measureId])).toEqual([
			['1.1', 'm1'],
			['1.2', null]
		]);
	});

	it('reports missing columns, duplicated numbers, formulas and unknown statuses with their line', () => {
		expect(planRows(file(['Titre'], []), { titre: 'Titre' }, empty).issues.map((i) => i.value)).toEqual(['axe', 'porteur']);
		const planned = planRows(
			file(
				['N', 'Axe', 'Titre', 'Porteur', 'Statut'],
				[
					['1.1', 'A', 'Un', 'MIN_CULTURE', 'fait'],
					['1.1', 'A', 'Deux', 'MIN_CULTURE', ''],
					['1.2', 'A', '=1+1', 'MIN_CULTURE', 'bof'],
					['1.3', 'A', "'=texte", 'MIN_CULTURE', '']
				]
			),
			{ ...mapping, numero: 'N', statut: 'Statut' },
			empty
		);
		expect(planned.issues.map((i) => [i.line, i.column, i.code])).toEqual([
			[3, 'N', 'duplicateNumber'],
			[4, 'Titre', 'formula'],
			[4, 'Statut', 'badStatus']
		]);
		expect(planned.errorLines).toEqual([3, 4]);
		// A neutralised formula (leading apostrophe, as exports write them) is text.
		expect(planned.rows.map((r) => r.title)).toEqual(['Un', '=texte']);
	});
});

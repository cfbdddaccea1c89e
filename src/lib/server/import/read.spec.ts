import { describe, expect, it } from 'vitest';
import { applicableMapping, parseMapArgument, suggestMapping } from './mapping';
import { readCsv } from './read';

const bytes = (text: string) => new TextEncoder().encode(text);
const table = (result: ReturnType<typeof readCsv>) => {
	if ('error' in result) throw new Error(result.error);
	return result;
};

describe('reading a CSV file', () => {
	it('detects UTF-8 with a BOM and a semicolon separator; quoted fields keep their line breaks', () => {
		const read = table(readCsv(bytes('\uFEFFAxe;Titre\r\nA;"deux\r\nlignes"\r\n\r\nB;trois\r\n')));
		expect(read).toMatchObject({ encoding: 'utf-8', delimiter: ';', headers: ['Axe', 'Titre'] });
		expect(read.rows).toEqual([
			{ line: 2, cells: ['A', 'deux\nlignes'] },
			{ line: 5, cells: ['B', 'trois'] }
		]);
	});

	it('reads Windows-1252 (what Excel writes on French Windows) and commas', () => {
		const latin = Uint8Array.from(
			[...'Ech']
				.map((c) => c.charCodeAt(0))
				.concat(
					[0xe9],
					[...'ance,Minist'].map((c) => c.charCodeAt(0)),
					[0xe8, 0x72, 0x65, 0x0a, 0x31, 0x2c, 0x32]
				)
		);
		expect(table(readCsv(latin))).toMatchObject({ encoding: 'windows-1252', delimiter: ',', headers: ['Echéance', 'Ministère'] });
	});

	it('refuses empty, binary and oversized files and files without headers', () => {
		expect(readCsv(new Uint8Array())).toEqual({ error: 'empty' });
		expect(readCsv(bytes('  \n \n'))).toEqual({ error: 'empty' });
		expect(readCsv(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]))).toEqual({ error: 'binary' });
		expect(readCsv(new Uint8Array(11 * 1024 * 1024).fill(0x41))).toEqual({ error: 'tooBig' });
		expect(readCsv(bytes(';;\n1;2;3\n'))).toEqual({ error: 'noHeader' });
	});
});

describe('column mapping', () => {
	it('suggests fields from the headers people write', () => {
		expect(suggestMapping(['N°', 'Thématiques', 'Actions', 'Ministère porteur', 'Echéances', 'État d’avancement', 'Lien', 'Date de début'])).toEqual({
			numero: 'N°',
			axe: 'Thématiques',
			titre: 'Actions',
			porteur: 'Ministère porteur',
			echeance: 'Echéances',
			statut: 'État d’avancement',
			preuve: 'Lien'
		});
	});

	it('maps a plan’s own open-data export to itself', () => {
		const headers = [
			'id',
			'numero',
			'axe_numero',
			'axe_titre',
			'titre',
			'description',
			'porteur_code',
			'porteur_nom',
			'contributeurs',
			'statut',
			'statut_libelle',
			'fin_prevue',
			'fin_prevue_precision'
		];
		expect(suggestMapping(headers)).toMatchObject({
			numero: 'numero',
			axe: 'axe_titre',
			porteur: 'porteur_code',
			statut: 'statut',
			echeance: 'fin_prevue',
			precision: 'fin_prevue_precision'
		});
	});

	it('keeps a saved mapping only where its headers exist, and reads --map', () => {
		expect(applicableMapping({ titre: 'Actions', axe: 'Gone' }, ['Actions'])).toEqual({ titre: 'Actions' });
		expect(parseMapArgument('axe=Thématiques,titre=Actions')).toEqual({ mapping: { axe: 'Thématiques', titre: 'Actions' }, errors: [] });
		expect(parseMapArgument('nope=X').errors).toHaveLength(1);
	});
});

// Which column of the file feeds which field of a measure. Suggested from the headers people write
// ("Thématiques", "Actions", "Ministère porteur", "Échéances"…), editable, saved with the plan.
import { fold } from './words';

export const IMPORT_FIELDS = [
	'numero',
	'axe',
	'titre',
	'description',
	'porteur',
	'contributeurs',
	'echeance',
	'precision',
	'statut',
	'avancement',
	'preuve',
	'indicateur'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ['axe', 'titre', 'porteur'];

/** field → header as written in the file (accents included). */
export type ColumnMapping = Partial<Record<ImportField, string>>;

// Folded header words, most specific first; exact names of the open-data `mesures.csv` come first so
// that a plan's own export maps itself (`statut`, not `statut_libelle`; `fin_prevue`, not `debut_prevu`).
const SYNONYMS: Record<ImportField, string[]> = {
	numero: ['numero', 'num', 'n', 'no', 'numero de mesure', 'numero action', 'id mesure', 'reference', 'ref'],
	axe: ['axe titre', 'axe', 'axes', 'thematique', 'thematiques', 'theme', 'themes', 'chantier', 'pilier', 'priorite'],
	titre: ['titre', 'action', 'actions', 'mesure', 'mesures', 'intitule', 'libelle', 'titre de la mesure', 'nom'],
	description: ['description', 'descriptif', 'detail', 'details', 'contenu', 'objectif', 'objectifs'],
	porteur: ['porteur code', 'porteur', 'porteurs', 'ministere', 'ministeres', 'ministere porteur', 'pilote', 'responsable', 'direction', 'equipe'],
	contributeurs: ['contributeurs', 'contributeur', 'partenaires', 'co porteurs', 'copilotes', 'associes'],
	echeance: ['fin prevue', 'echeance', 'echeances', 'date', 'delai', 'calendrier', 'date limite', 'date de fin', 'horizon'],
	precision: ['fin prevue precision', 'precision', 'precision echeance'],
	statut: ['statut', 'etat', 'etat d avancement', 'status', 'situation'],
	avancement: ['avancement', 'progression', 'pourcentage', 'taux d avancement', 'progres'],
	preuve: ['preuve', 'preuves', 'lien', 'liens', 'url preuve', 'source', 'sources', 'justificatif'],
	indicateur: ['indicateur', 'indicateurs', 'kpi', 'indicateur de suivi']
};

/** A suggestion for each field from the file's headers: an exact synonym first, then a header starting with one. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
	const folded = headers.map(fold);
	const used = new Set<number>();
	const mapping: ColumnMapping = {};
	for (const pass of ['exact', 'prefix'] as const) {
		for (const field of IMPORT_FIELDS) {
			if (mapping[field]) continue;
			for (const synonym of SYNONYMS[field]) {
				// Short words and "date" only match a whole header ("Date de début" is not a deadline).
				if (pass === 'prefix' && (synonym.length < 4 || synonym === 'date')) continue;
				const index = folded.findIndex((h, i) => !used.has(i) && (pass === 'exact' ? h === synonym : h.startsWith(`${synonym} `)));
				if (index >= 0) {
					mapping[field] = headers[index];
					used.add(index);
					break;
				}
			}
		}
	}
	return mapping;
}

/** The mapping kept where its headers are in the file (a saved mapping meets another file). */
export function applicableMapping(mapping: ColumnMapping, headers: readonly string[]): ColumnMapping {
	return Object.fromEntries(Object.entries(mapping).filter(([field, header]) => IMPORT_FIELDS.includes(field as ImportField) && headers.includes(header)));
}

/** `axe=Thématiques,titre=Actions` (command line) → mapping; errors name the wrong part. */
export function parseMapArgument(text: string): { mapping: ColumnMapping; errors: string[] } {
	const mapping: ColumnMapping = {};
	const errors: string[] = [];
	for (const pair of text.split(',').filter((p) => p.trim() !== '')) {
		const at = pair.indexOf('=');
		const field = pair.slice(0, at).trim() as ImportField;
		if (at < 0 || !IMPORT_FIELDS.includes(field)) errors.push(`« ${pair} » : attendu champ=Entête, champ parmi ${IMPORT_FIELDS.join(', ')}`);
		else mapping[field] = pair.slice(at + 1).trim();
	}
	return { mapping, errors };
}

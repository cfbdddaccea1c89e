// The words people write in a plan's spreadsheet, read into what Jalons stores: deadlines ("S1 2022",
// "fin 2024", "30/06/2024"…) as a precise date, status words as a status. Pure functions; an
// unreadable value is null and the caller reports it with the accepted forms.
import { parsePreciseDate, type PreciseDate } from '../../domain/dates';
import type { MeasureStatus } from '../db/generated/enums';

/** Lower case, without accents, spaces collapsed: how headers, owners and words are compared. */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[’']/g, ' ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The forms listed in the error message, in the order people are likely to look for them. */
export const DEADLINE_FORMS = ['S1 2022', 'T3 2023', 'Q3 2023', '2023', 'fin 2024', 'mi-2025', 'juin 2024', '06/2024', '30/06/2024', '2024-06-30', 'continu'];

/**
 * A deadline as written in a plan. "fin 2024" is the year 2024 (late after 31 December); "mi-2025"
 * is the first semester of 2025 (late after 30 June), as people who write it mean "by mid-year".
 */
export function parseDeadline(input: string): PreciseDate | null {
	const text = input.trim().replace(/\s+/g, ' ');
	if (/^(cont\.?|continu|continue|en continu|continuous|ongoing)$/i.test(text)) return { start: null, precision: 'CONTINUOUS' };
	const end = /^fin (?:d[eu] |de l )?(?:annee )?(\d{4})$/i.exec(fold(text));
	if (end) return { start: `${end[1]}-01-01`, precision: 'YEAR' };
	const mid = /^mi (?:annee )?(\d{4})$/.exec(fold(text));
	if (mid) return { start: `${mid[1]}-01-01`, precision: 'SEMESTER' };
	const named = /^([a-z]+) (\d{4})$/.exec(fold(text));
	if (named) {
		const month = MONTHS.indexOf(named[1]!);
		if (month >= 0) return { start: `${named[2]}-${pad(month + 1)}-01`, precision: 'MONTH' };
	}
	const slashMonth = /^(\d{1,2})\/(\d{4})$/.exec(text);
	if (slashMonth) return parsePreciseDate(`${slashMonth[2]}-${pad(Number(slashMonth[1]))}`);
	const slashDay = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
	if (slashDay) return parsePreciseDate(`${slashDay[3]}-${pad(Number(slashDay[2]))}-${pad(Number(slashDay[1]))}`);
	// "S1 2022", "T3 2023", "Q3 2023", "2023", "2024-06", "2024-06-30".
	return parsePreciseDate(text.replace(/^([STQH][1-4])[ -]?(\d{4})$/i, '$1 $2'));
}

/** A date exported with its precision (open data: `fin_prevue` + `fin_prevue_precision`). */
export function withPrecision(date: string, precision: string): PreciseDate | null {
	const p = precision.trim().toUpperCase();
	if (p === 'CONTINUOUS') return date.trim() === '' ? { start: null, precision: 'CONTINUOUS' } : null;
	const day = parsePreciseDate(date);
	if (!day || day.precision !== 'DAY' || !['DAY', 'MONTH', 'QUARTER', 'SEMESTER', 'YEAR'].includes(p)) return null;
	return { start: day.start, precision: p as PreciseDate['precision'] };
}

const STATUS_WORDS: Record<string, MeasureStatus | null> = {};
const words = (status: MeasureStatus | null, list: string[]) => list.forEach((w) => (STATUS_WORDS[fold(w)] = status));
words('DONE', ['réalisé', 'réalisée', 'fait', 'faite', 'terminé', 'terminée', 'achevé', 'achevée', 'done', 'completed', 'DONE']);
words('IN_PROGRESS', ['en cours', 'en cours de réalisation', 'engagé', 'engagée', 'démarré', 'démarrée', 'in progress', 'ongoing', 'IN_PROGRESS']);
words('NOT_STARTED', ['non démarré', 'non démarrée', 'pas démarré', 'pas commencé', 'à faire', 'à venir', 'not started', 'todo', 'NOT_STARTED']);
words('ABANDONED', ['abandonné', 'abandonnée', 'annulé', 'annulée', 'abandoned', 'cancelled', 'ABANDONED']);
words('CONTINUOUS', ['continu', 'en continu', 'action continue', 'continuous', 'CONTINUOUS']);
words(null, ['non renseigné', 'statut non renseigné', 'inconnu', 'not reported', 'unknown']);

/** The status a word means; null for "non renseigné" or an empty cell; undefined for an unknown word. */
export function parseStatusWord(input: string): MeasureStatus | null | undefined {
	const key = fold(input);
	if (key === '') return null;
	return key in STATUS_WORDS ? STATUS_WORDS[key] : undefined;
}

export const STATUS_EXAMPLES = ['réalisé', 'en cours', 'non démarré', 'abandonné', 'en continu', 'non renseigné'];

/** Manual progress: "45", "45 %", "45,5" (rounded); null when empty, undefined when unreadable or out of 0–100. */
export function parseProgress(input: string): number | null | undefined {
	const text = input.trim().replace(/\s*%$/, '').replace(',', '.');
	if (text === '') return null;
	if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
	const value = Math.round(Number(text));
	return value >= 0 && value <= 100 ? value : undefined;
}

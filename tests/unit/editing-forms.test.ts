// The editing forms' schemas: strict (forged fields refused), French messages per field, and stored
// values written back in the notation the forms read.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/lib/server/forms/form';
import { measureForm, ownersForm } from '../../src/lib/server/validation/measure';
import { replanMilestoneForm, addMilestoneForm } from '../../src/lib/server/validation/milestone';
import { addEvidenceForm } from '../../src/lib/server/validation/evidence';
import { addIndicatorValueForm } from '../../src/lib/server/validation/indicator-value';
import { saveDraftForm } from '../../src/lib/server/validation/progress-update';
import { preciseDateInput } from '../../src/lib/server/validation/editing-fields';
import { parsePreciseDate } from '../../src/lib/domain/dates';

const form = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
	return data;
};

const measure = {
	version: '3',
	status: '',
	progressMethod: 'MANUAL',
	progressManual: '',
	confidence: '',
	confidenceExplanation: '',
	plannedStart: 'T3 2023',
	plannedEnd: 'continu',
	description: 'Décrire',
	subActions: 'Une\r\n\r\n  Deux  \n',
	reason: ''
};

describe('measure form', () => {
	it('reads "statut non renseigné", unknown progress, precise dates and one action per line', () => {
		const result = parseForm(measureForm, form(measure), 'fr');
		expect(result).toEqual({
			ok: true,
			data: {
				version: 3,
				status: null,
				progressMethod: 'MANUAL',
				progressManual: null,
				confidence: null,
				confidenceExplanation: null,
				plannedStart: { start: '2023-07-01', precision: 'QUARTER' },
				plannedEnd: { start: null, precision: 'CONTINUOUS' },
				description: 'Décrire',
				subActions: ['Une', 'Deux'],
				reason: null
			}
		});
	});

	it('puts a French message next to each wrong field and keeps the values typed', () => {
		const result = parseForm(measureForm, form({ ...measure, status: 'FINI', progressManual: '140', plannedEnd: 'bientôt', description: ' ' }), 'fr');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual({
			status: 'Choisissez une des valeurs proposées.',
			progressManual: 'Saisissez un nombre entier entre 0 et 100, ou laissez vide si l’avancement est inconnu.',
			plannedEnd: 'Saisissez une date comme 2024-06-30, 2024-06, 2024, T3 2023, S1 2022 ou «\u202fcontinu\u202f».',
			description: 'Ce champ est obligatoire.'
		});
		expect(result.values.plannedEnd).toBe('bientôt');
	});

	it('refuses forged fields', () => {
		const result = parseForm(measureForm, form({ ...measure, leadOwnerId: 'x', statusAsOf: '2020-01-01' }), 'fr');
		expect(result.ok).toBe(false);
		expect(parseForm(ownersForm, form({ version: '1', leadOwnerId: 'a', role: 'ADMIN' }), 'fr').ok).toBe(false);
	});

	it('refuses a forged version that would overflow the column', () => {
		expect(parseForm(measureForm, form({ ...measure, version: '99999999999' }), 'fr').ok).toBe(false);
		expect(parseForm(measureForm, form({ ...measure, version: '0' }), 'fr').ok).toBe(false);
	});

	it('reads no, one or several contributor boxes', () => {
		const none = parseForm(ownersForm, form({ version: '1', leadOwnerId: 'a', reason: '' }), 'fr');
		const two = parseForm(ownersForm, form({ version: '1', leadOwnerId: 'a', contributorOwnerIds: ['b', 'c'], reason: '' }), 'fr');
		expect(none.ok && none.data.contributorOwnerIds).toEqual([]);
		expect(two.ok && two.data.contributorOwnerIds).toEqual(['b', 'c']);
	});
});

describe('other forms', () => {
	it('requires a reason and a date to re-plan', () => {
		const result = parseForm(replanMilestoneForm, form({ milestoneId: 'm', version: '1', planned: '', reason: '' }), 'fr');
		expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['planned', 'reason']);
		expect(parseForm(addMilestoneForm, form({ title: 'J', description: '', planned: '', weight: '0' }), 'fr')).toMatchObject({
			ok: false,
			errors: { weight: 'Saisissez un nombre entier entre 1 et 100.' }
		});
	});

	it('accepts only http(s) evidence with a title', () => {
		for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'ftp://example.org/', 'https://']) {
			const result = parseForm(addEvidenceForm, form({ title: 'T', url, kind: 'WEBSITE', date: '', milestoneId: '' }), 'fr');
			expect(!result.ok && result.errors.url, url).toBe('Saisissez une adresse web complète commençant par http:// ou https://.');
		}
		expect(parseForm(addEvidenceForm, form({ title: '', url: 'https://a.fr/', kind: 'WEBSITE', date: '', milestoneId: '' }), 'fr')).toMatchObject({
			ok: false,
			errors: { title: 'Ce champ est obligatoire.' }
		});
		expect(parseForm(addEvidenceForm, form({ title: 'T', url: 'https://a.fr/x', kind: 'WEBSITE', date: '2024-02-30', milestoneId: '' }), 'fr')).toMatchObject({
			ok: false,
			errors: { date: 'Saisissez une date valide, par exemple 2024-06-30.' }
		});
	});

	it('reads French numbers and refuses a "continuous" date for a measured value', () => {
		const ok = parseForm(addIndicatorValueForm, form({ indicatorId: 'i', date: '2024-06', value: '12 000,5', qualifier: '', sourceUrl: 'https://a.fr/', note: '' }), 'fr');
		expect(ok.ok && ok.data).toMatchObject({ value: 12000.5, date: { start: '2024-06-01', precision: 'MONTH' } });
		const bad = parseForm(addIndicatorValueForm, form({ indicatorId: 'i', date: 'continu', value: 'beaucoup', qualifier: '', sourceUrl: 'https://a.fr/', note: '' }), 'fr');
		expect(!bad.ok && bad.errors).toEqual({
			date: 'Saisissez une date précise (2024-06-30, 2024-06, 2024, T3 2023 ou S1 2022)\u202f: «\u202fcontinu\u202f» n’a pas de sens ici.',
			value: 'Saisissez un nombre.'
		});
	});

	it('reads a new draft with one source per line and refuses a non-web source', () => {
		const base = { updateId: '', version: '', date: '2024-06-30', text: 'Fait', blockers: '', nextSteps: '' };
		const ok = parseForm(saveDraftForm, form({ ...base, sourceUrls: 'https://a.fr/\n\nhttps://b.fr/x' }), 'fr');
		expect(ok.ok && ok.data).toMatchObject({ updateId: null, version: null, sourceUrls: ['https://a.fr/', 'https://b.fr/x'] });
		const bad = parseForm(saveDraftForm, form({ ...base, sourceUrls: 'https://a.fr/\njavascript:alert(1)' }), 'fr');
		expect(!bad.ok && bad.errors.sourceUrls).toBe('Chaque ligne doit être une adresse web complète commençant par http:// ou https://.');
	});
});

describe('stored dates written back', () => {
	it('round-trips every precision through the notation people type', () => {
		for (const text of ['2024-06-30', '2024-06', '2024', 'T3 2023', 'S2 2022', 'continu']) {
			expect(preciseDateInput(parsePreciseDate(text))).toBe(text);
		}
		expect(preciseDateInput(null)).toBe('');
	});
});

// The reconstruction rules of time travel, on hand-made rows and events (no database).
import { describe, expect, it } from 'vitest';
import { existedAt, fieldAt, indexEvents, knownAt, measureAt, planAt, planRowAt, quarterEnds, type OwnerRow, type TravelEvent } from '../../src/lib/domain/time-travel';
import type { MeasureDetailRow } from '../../src/lib/server/domain/measures/view';
import { checkDate, comparisonState, travelDateParam, travelState } from '../../src/lib/server/validation/time-travel';

const d = (day: string) => new Date(`${day}T00:00:00.000Z`);
const IMPORTED_AT = d('2026-11-01');

const owners = new Map<string, OwnerRow>([
	['o-pole', { id: 'o-pole', code: 'POLE_LL', name: 'Pôle logiciels libres', nameEn: null, description: null }],
	['o-label', { id: 'o-label', code: 'LABEL', name: 'Mission LABEL', nameEn: 'LABEL mission', description: null }]
]);

function event(partial: Partial<TravelEvent> & Pick<TravelEvent, 'entityType' | 'entityId' | 'action'>): TravelEvent {
	return { at: d('2024-01-01'), actorId: 'u1', actorLabel: 'Alice', measureId: 'm1', before: null, after: null, ...partial };
}
const imported = (entityType: string, entityId: string, after: Record<string, unknown>) =>
	event({ entityType, entityId, action: 'create', at: IMPORTED_AT, actorId: null, actorLabel: 'seed', after: after as TravelEvent['after'] });

function measure(overrides: Partial<MeasureDetailRow> = {}): MeasureDetailRow {
	return {
		id: 'm1',
		planId: 'p1',
		axisId: 'a1',
		number: '1.1',
		position: 0,
		title: 'Mesure',
		titleEn: null,
		description: 'Texte',
		descriptionEn: null,
		subActions: [],
		leadOwnerId: 'o-pole',
		status: null,
		statusAsOf: null,
		progressMethod: 'MANUAL',
		progressManual: null,
		progressAsOf: null,
		confidence: null,
		confidenceExplanation: null,
		confidenceAsOf: null,
		plannedStart: null,
		plannedStartPrecision: null,
		plannedEnd: null,
		plannedEndPrecision: null,
		retiredOn: null,
		retirementReason: null,
		version: 1,
		createdAt: IMPORTED_AT,
		updatedAt: IMPORTED_AT,
		plan: { slug: 'plan', title: 'Plan', titleEn: null, status: 'ARCHIVED', archivedOn: d('2025-02-24'), archiveNote: 'Archivé', archiveNoteEn: null },
		axis: { number: 1, title: 'Axe', titleEn: null },
		leadOwner: { code: 'POLE_LL', name: 'Pôle logiciels libres', nameEn: null, description: null },
		contributors: [],
		milestones: [],
		evidenceLinks: [],
		indicators: [],
		progressUpdates: [],
		...overrides
	};
}

const milestone = (overrides: Partial<MeasureDetailRow['milestones'][number]> = {}): MeasureDetailRow['milestones'][number] => ({
	id: 'ms1',
	measureId: 'm1',
	title: 'Jalon',
	titleEn: null,
	description: null,
	plannedDate: d('2023-01-01'),
	plannedPrecision: 'QUARTER',
	forecastDate: null,
	doneOn: null,
	weight: 1,
	position: 0,
	version: 1,
	createdAt: IMPORTED_AT,
	updatedAt: IMPORTED_AT,
	replans: [],
	...overrides
});

const update = (id: string, day: string, precision: 'DAY' | 'MONTH' | 'YEAR' = 'DAY'): MeasureDetailRow['progressUpdates'][number] => ({
	id,
	planId: 'p1',
	measureId: 'm1',
	date: d(day),
	datePrecision: precision,
	text: `Fait ${id}`,
	blockers: null,
	nextSteps: null,
	sourceUrls: [],
	publishedAt: IMPORTED_AT,
	version: 1,
	createdAt: IMPORTED_AT,
	updatedAt: IMPORTED_AT
});

describe('undated fields come from the audit log', () => {
	const events = [
		imported('Measure', 'm1', { status: null, progressManual: null, title: 'Mesure' }),
		event({
			entityType: 'Measure',
			entityId: 'm1',
			action: 'update',
			at: d('2023-03-10'),
			before: { status: null, progressManual: null },
			after: { status: 'IN_PROGRESS', progressManual: 30 }
		}),
		event({
			entityType: 'Measure',
			entityId: 'm1',
			action: 'update',
			at: d('2024-05-02'),
			before: { status: 'IN_PROGRESS', progressManual: 30 },
			after: { status: 'DONE', progressManual: 100 }
		})
	];
	const today = measure({ status: 'DONE', statusAsOf: d('2024-05-02'), progressManual: 100, progressAsOf: d('2024-05-02') });
	const at = (date: string) => measureAt(today, indexEvents(events), owners, date)!;

	it('before the first edit: the imported state', () => {
		expect(at('2023-03-09')).toMatchObject({ status: null, progressManual: null, statusAsOf: null, progressAsOf: null });
	});
	it('on the day of an edit and after it: the "after" state, dated by the edit', () => {
		expect(at('2023-03-10')).toMatchObject({ status: 'IN_PROGRESS', progressManual: 30, statusAsOf: d('2023-03-10') });
		expect(at('2024-05-01')).toMatchObject({ status: 'IN_PROGRESS', progressManual: 30 });
	});
	it('after the last edit: today’s values and dates', () => {
		expect(at('2024-06-30')).toMatchObject({ status: 'DONE', progressManual: 100, statusAsOf: d('2024-05-02') });
	});
	it('with no "after" at or before the day, the "before" of the first later event counts', () => {
		const onlyLater = [
			event({ entityType: 'Measure', entityId: 'm1', action: 'update', at: d('2024-01-01'), before: { confidence: 'AT_RISK' }, after: { confidence: 'ON_TRACK' } })
		];
		expect(fieldAt(onlyLater, 'confidence', '2023-01-01')).toEqual({ found: true, value: 'AT_RISK' });
		expect(fieldAt(onlyLater, 'confidence', '2024-01-01')).toEqual({ found: true, value: 'ON_TRACK' });
		expect(fieldAt(onlyLater, 'title', '2023-01-01')).toEqual({ found: false });
	});
	it('the English version edited later is absent from the days before, like the French fields', () => {
		const english = [
			event({
				entityType: 'Measure',
				entityId: 'm1',
				action: 'update',
				at: d('2024-01-01'),
				before: { titleEn: null, descriptionEn: null },
				after: { titleEn: 'Measure', descriptionEn: 'Text' }
			}),
			event({ entityType: 'Milestone', entityId: 'ms1', action: 'update', at: d('2024-01-01'), before: { titleEn: null }, after: { titleEn: 'Milestone' } })
		];
		const row = measure({ titleEn: 'Measure', descriptionEn: 'Text', milestones: [milestone({ titleEn: 'Milestone' })] });
		const then = measureAt(row, indexEvents(english), owners, '2023-06-30')!;
		expect(then).toMatchObject({ titleEn: null, descriptionEn: null });
		expect(then.milestones[0]!.titleEn).toBeNull();
		const now = measureAt(row, indexEvents(english), owners, '2024-06-30')!;
		expect(now).toMatchObject({ titleEn: 'Measure', descriptionEn: 'Text' });
		expect(now.milestones[0]!.titleEn).toBe('Milestone');
	});
	it('owners changed later are those of the day, with their names', () => {
		const ownerEvents = [
			event({
				entityType: 'Measure',
				entityId: 'm1',
				action: 'update',
				at: d('2024-01-01'),
				before: { leadOwnerId: 'o-label', contributorOwnerIds: [] },
				after: { leadOwnerId: 'o-pole', contributorOwnerIds: ['o-label'] }
			})
		];
		const then = measureAt(measure(), indexEvents(ownerEvents), owners, '2023-06-30')!;
		expect(then.leadOwner.name).toBe('Mission LABEL');
		expect(then.contributors).toEqual([]);
		const now = measureAt(measure(), indexEvents(ownerEvents), owners, '2024-06-30')!;
		expect(now.contributors.map((c) => c.owner.code)).toEqual(['LABEL']);
	});
});

describe('dated facts keep their own dates', () => {
	it('a fact is known once its whole period has passed', () => {
		expect(knownAt(d('2023-06-30'), 'DAY', '2023-06-30')).toBe(true);
		expect(knownAt(d('2023-07-01'), 'DAY', '2023-06-30')).toBe(false);
		expect(knownAt(d('2023-06-01'), 'MONTH', '2023-06-29')).toBe(false);
		expect(knownAt(d('2023-01-01'), 'YEAR', '2023-06-30')).toBe(false);
		expect(knownAt(d('2023-01-01'), 'YEAR', '2023-12-31')).toBe(true);
	});

	it('updates, indicator values and dated evidence after the day are left out', () => {
		const row = measure({
			progressUpdates: [update('u3', '2024-02-01'), update('u2', '2023-01-01', 'YEAR'), update('u1', '2022-05-11')],
			indicators: [
				{
					id: 'i1',
					measureId: 'm1',
					name: 'Dépôts',
					description: null,
					unit: 'dépôts',
					baseline: 0,
					baselineDate: null,
					target: 100,
					targetDate: null,
					direction: 'UP',
					position: 0,
					version: 1,
					values: [
						{
							id: 'v1',
							indicatorId: 'i1',
							date: d('2022-01-01'),
							datePrecision: 'MONTH',
							value: 10,
							qualifier: null,
							sourceUrl: 'https://x',
							note: null,
							automatic: false,
							version: 1,
							createdAt: IMPORTED_AT
						},
						{
							id: 'v2',
							indicatorId: 'i1',
							date: d('2024-01-01'),
							datePrecision: 'DAY',
							value: 50,
							qualifier: null,
							sourceUrl: 'https://x',
							note: null,
							automatic: false,
							version: 1,
							createdAt: IMPORTED_AT
						}
					]
				}
			],
			evidenceLinks: [
				{
					id: 'e1',
					measureId: 'm1',
					milestoneId: null,
					title: 'Billet',
					url: 'https://a',
					kind: 'ARTICLE',
					date: d('2022-05-11'),
					datePrecision: 'DAY',
					position: 0,
					version: 1,
					createdAt: IMPORTED_AT,
					milestone: null
				},
				{
					id: 'e2',
					measureId: 'm1',
					milestoneId: null,
					title: 'Billet 2024',
					url: 'https://b',
					kind: 'ARTICLE',
					date: d('2024-11-29'),
					datePrecision: 'DAY',
					position: 1,
					version: 1,
					createdAt: IMPORTED_AT,
					milestone: null
				}
			]
		});
		const then = measureAt(row, indexEvents([]), owners, '2023-06-30')!;
		expect(then.progressUpdates.map((u) => u.id)).toEqual(['u1']);
		expect(then.indicators[0]!.values.map((v) => v.id)).toEqual(['v1']);
		expect(then.evidenceLinks.map((e) => e.id)).toEqual(['e1']);
	});

	it('a milestone done after the day is open on that day', () => {
		const row = measure({ milestones: [milestone({ doneOn: d('2023-09-01') })] });
		expect(measureAt(row, indexEvents([]), owners, '2023-08-31')!.milestones[0]!.doneOn).toBeNull();
		expect(measureAt(row, indexEvents([]), owners, '2023-09-01')!.milestones[0]!.doneOn).toEqual(d('2023-09-01'));
	});

	it('a re-plan made after the day is undone: the milestone had its earlier date', () => {
		const replan = {
			id: 'r1',
			milestoneId: 'ms1',
			previousDate: d('2022-07-01'),
			previousPrecision: 'SEMESTER' as const,
			newDate: d('2023-01-01'),
			newPrecision: 'QUARTER' as const,
			reason: 'Retard',
			at: d('2022-11-15'),
			actorId: 'u1'
		};
		const row = measure({ milestones: [milestone({ replans: [replan], forecastDate: d('2023-02-01') })] });
		const before = measureAt(row, indexEvents([]), owners, '2022-10-01')!.milestones[0]!;
		expect(before).toMatchObject({ plannedDate: d('2022-07-01'), plannedPrecision: 'SEMESTER', replans: [], forecastDate: null });
		const after = measureAt(row, indexEvents([]), owners, '2022-11-15')!.milestones[0]!;
		expect(after).toMatchObject({ plannedDate: d('2023-01-01'), plannedPrecision: 'QUARTER' });
		expect(after.replans).toHaveLength(1);
	});
});

describe('rows created in the application after the day are absent', () => {
	it('a measure created later does not exist yet; an imported one always does', () => {
		const created = [event({ entityType: 'Measure', entityId: 'm1', action: 'create', at: d('2024-03-01'), after: { title: 'Nouvelle' } })];
		expect(measureAt(measure(), indexEvents(created), owners, '2024-02-29')).toBeNull();
		expect(measureAt(measure(), indexEvents(created), owners, '2024-03-01')).not.toBeNull();
		expect(existedAt([imported('Measure', 'm1', {})], '2021-11-10')).toBe(true);
	});

	it('a milestone and undated evidence added later are left out; deleted evidence comes back', () => {
		const row = measure({
			milestones: [milestone({ id: 'old' }), milestone({ id: 'new', title: 'Ajouté' })],
			evidenceLinks: [
				{
					id: 'e-new',
					measureId: 'm1',
					milestoneId: 'new',
					title: 'Sans date',
					url: 'https://c',
					kind: 'OTHER',
					date: null,
					datePrecision: null,
					position: 0,
					version: 1,
					createdAt: d('2024-03-01'),
					milestone: { title: 'Ajouté' }
				}
			]
		});
		const events = [
			imported('Milestone', 'old', { title: 'Jalon' }),
			event({ entityType: 'Milestone', entityId: 'new', action: 'create', at: d('2024-03-01'), after: { title: 'Ajouté' } }),
			event({ entityType: 'EvidenceLink', entityId: 'e-new', action: 'create', at: d('2024-03-01'), after: { title: 'Sans date' } }),
			imported('EvidenceLink', 'e-gone', { title: 'Supprimée', url: 'https://gone' }),
			event({
				entityType: 'EvidenceLink',
				entityId: 'e-gone',
				action: 'delete',
				at: d('2024-04-01'),
				before: { title: 'Supprimée', url: 'https://gone', kind: 'WEBSITE', date: null }
			})
		];
		const then = measureAt(row, indexEvents(events), owners, '2024-02-01')!;
		expect(then.milestones.map((m) => m.id)).toEqual(['old']);
		expect(then.evidenceLinks.map((e) => e.title)).toEqual(['Supprimée']);
		const now = measureAt(row, indexEvents(events), owners, '2024-05-01')!;
		expect(now.evidenceLinks.map((e) => e.id)).toEqual(['e-new']);
	});

	it('plan facts of a measure that did not exist yet are left out', () => {
		const created = [event({ entityType: 'Measure', entityId: 'm1', action: 'create', at: d('2024-03-01') })];
		const fact = (measureId: string | null) => ({ date: d('2022-01-01'), datePrecision: 'DAY' as const, text: 't', sourceUrls: [], measureId });
		const result = planAt({ measures: [measure()], facts: [fact('m1'), fact(null)], index: indexEvents(created), owners }, '2023-01-01');
		expect(result.measures).toEqual([]);
		expect(result.facts).toEqual([fact(null)]);
	});
});

describe('plan-level rules', () => {
	it('a plan archived after the day was still running', () => {
		const plan = { status: 'ARCHIVED' as const, archivedOn: d('2025-02-24'), archiveNote: 'Archivé' };
		expect(planRowAt(plan, '2024-12-31')).toEqual({ status: 'ACTIVE', archivedOn: null, archiveNote: null });
		expect(planRowAt(plan, '2025-02-24')).toBe(plan);
	});
	it('quarter ends from adoption to the last day', () => {
		expect(quarterEnds('2021-11-10', '2022-08-15')).toEqual(['2021-12-31', '2022-03-31', '2022-06-30', '2022-08-15']);
		expect(quarterEnds('2021-11-10', '2022-06-30')).toEqual(['2021-12-31', '2022-03-31', '2022-06-30']);
		expect(quarterEnds('2010-01-01', '2026-01-01', 5)).toHaveLength(5);
	});
});

describe('dates asked for in the address', () => {
	const bounds = { today: '2026-11-30', adoptedOn: '2021-11-10' };
	it('accepts a real past day and refuses the rest with a reason', () => {
		expect(checkDate('2023-06-30', bounds)).toEqual({ ok: true, date: '2023-06-30' });
		expect(checkDate('2023-02-30', bounds)).toEqual({ ok: false, problem: 'invalid' });
		expect(checkDate('30/06/2023', bounds)).toEqual({ ok: false, problem: 'invalid' });
		expect(checkDate('2027-01-01', bounds)).toEqual({ ok: false, problem: 'future' });
		expect(checkDate('2021-11-09', bounds)).toEqual({ ok: false, problem: 'beforeAdoption' });
	});
	it('`?date=` that is not a calendar day does not parse (the pages answer 400); a well-formed day does', () => {
		for (const raw of ['2024-13-45', '2023-02-30', 'hier', '30/06/2023', '2023-6-30', '<script>', '2023-06-30T00:00', 'x'.repeat(500)]) {
			expect(travelDateParam.safeParse(raw).success, raw).toBe(false);
		}
		expect(travelDateParam.parse('2023-06-30')).toBe('2023-06-30');
		expect(travelDateParam.parse(' 2024-02-29 ')).toBe('2024-02-29');
		// Out of the plan's life but well formed: parsed here, explained on the page (200).
		expect(travelDateParam.parse('2999-01-01')).toBe('2999-01-01');
		expect(travelDateParam.parse('2020-01-01')).toBe('2020-01-01');
		expect(travelDateParam.parse(null)).toBeNull();
		expect(travelDateParam.parse('')).toBeNull();
	});
	it('no date and today both mean today’s page', () => {
		expect(travelState(null, bounds)).toMatchObject({ date: null, problem: null });
		expect(travelState('2026-11-30', bounds)).toMatchObject({ date: null, problem: null });
		expect(travelState('x'.repeat(500), bounds)).toMatchObject({ date: null, problem: 'invalid', value: '' });
	});
	it('the comparison defaults to adoption → archiving and refuses dates in the wrong order', () => {
		const withArchive = { ...bounds, archivedOn: '2025-02-24' };
		expect(comparisonState(null, null, withArchive)).toMatchObject({ from: '2021-11-10', to: '2025-02-24', valid: true });
		const reversed = comparisonState('2024-01-01', '2023-01-01', withArchive);
		expect(reversed).toMatchObject({ valid: false, from: '2021-11-10', to: '2025-02-24', problems: { order: true } });
		expect(comparisonState('2099-01-01', null, withArchive).problems.du).toBe('future');
	});
});

// Fuzzing the editing forms (fast-check): random and hostile payloads go through the same path as a
// form post — strict zod parsing, then the domain function. The outcome is always a field error
// (400), a domain refusal (400/403/404/409) with nothing written, or a valid write with exactly one
// audit event; never an unexpected exception (which the server would turn into a 500).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import type { TestDatabase } from '../helpers/database';
import { footprint, measureId, seededEditingDatabase, type Actors } from '../helpers/editing';
import { parseForm } from '../../src/lib/server/forms/form';
import { measureForm } from '../../src/lib/server/validation/measure';
import { addMilestoneForm, replanMilestoneForm, updateMilestoneForm } from '../../src/lib/server/validation/milestone';
import { addEvidenceForm, updateEvidenceForm } from '../../src/lib/server/validation/evidence';
import { saveDraftForm } from '../../src/lib/server/validation/progress-update';
import { updateMeasure } from '../../src/lib/server/domain/measures/edit';
import { addMilestone, replanMilestone, updateMilestone } from '../../src/lib/server/domain/measures/milestones';
import { addEvidence, updateEvidence } from '../../src/lib/server/domain/measures/evidence';
import { saveUpdateDraft } from '../../src/lib/server/domain/measures/progress-updates';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../src/lib/server/domain/errors';
import type { Db } from '../../src/lib/server/db';
import { mutatedForm, toFormData } from '../security/hostile';

let database: TestDatabase;
let db: Db;
let actors: Actors;
let m21: string;

beforeAll(async () => {
	({ database, db, actors } = await seededEditingDatabase());
	m21 = await measureId(db, '2.1');
});
afterAll(async () => {
	await database?.close();
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const EXPECTED = [RuleError, ConflictError, NotFoundError, ForbiddenError];

interface FuzzCase<S extends z.ZodType> {
	schema: S;
	base: () => Promise<Record<string, string>>;
	run: (data: z.output<S>) => Promise<unknown>;
}

async function fuzz<S extends z.ZodType>(c: FuzzCase<S>) {
	const base = await c.base();
	let parsedOk = 0;
	await fc.assert(
		fc.asyncProperty(mutatedForm(base), async (form) => {
			const parsed = parseForm(c.schema, toFormData(form), 'fr');
			if (!parsed.ok) {
				// A 400 with a message for the person: on a field or on the whole form.
				const messages = [...Object.values(parsed.errors), parsed.formError ?? ''].filter(Boolean);
				expect(messages.length).toBeGreaterThan(0);
				for (const m of messages) expect(m).toMatch(/\p{L}/u);
				expect(JSON.stringify(parsed.values)).not.toMatch(/password/i);
				return;
			}
			parsedOk++;
			const before = await footprint(db);
			const auditBefore = await db.auditEvent.count();
			try {
				const result = await c.run(parsed.data);
				const changed = (result as { changed?: boolean } | undefined)?.changed !== false;
				expect(await db.auditEvent.count()).toBe(auditBefore + (changed ? 1 : 0));
			} catch (cause) {
				if (!EXPECTED.some((E) => cause instanceof E)) throw new Error(`unexpected ${String(cause)} for ${JSON.stringify(form).slice(0, 500)}`, { cause });
				expect(await footprint(db)).toBe(before);
			}
		}),
		{
			numRuns: RUNS,
			// Always tried, whatever the random draw: a NUL byte in each field (PostgreSQL refuses it).
			examples: Object.keys(base).map((key) => [{ ...base, [key]: `${base[key]}\u0000x` }] as [Record<string, string>])
		}
	);
	expect(parsedOk, 'some payloads reach the domain layer').toBeGreaterThan(0);
	return parsedOk;
}

const firstMilestone = async () => db.milestone.findFirstOrThrow({ where: { measureId: m21 }, orderBy: { position: 'asc' } });
const firstEvidence = async () => db.evidenceLink.findFirstOrThrow({ where: { measureId: m21 }, orderBy: { id: 'asc' } });

describe('fuzzing the editing forms and domain writes', () => {
	test('measure fields', async () => {
		await fuzz({
			schema: measureForm,
			base: async () => ({
				version: String((await db.measure.findUniqueOrThrow({ where: { id: m21 } })).version),
				status: '',
				progressMethod: 'MILESTONES',
				progressManual: '',
				confidence: '',
				confidenceExplanation: '',
				plannedStart: '2022',
				plannedEnd: 'T4 2024',
				description: 'Une description',
				subActions: 'a\nb',
				reason: ''
			}),
			run: (data) => updateMeasure(db, actors.pole, { ...data, measureId: m21 })
		});
	});

	test('milestones: add, update, replan', async () => {
		await addMilestone(db, actors.pole, { measureId: m21, title: 'Jalon de départ', description: null, weight: 1, planned: null });
		await fuzz({
			schema: addMilestoneForm,
			base: async () => ({ title: 'Un jalon', description: '', weight: '1', planned: '2025' }),
			run: (data) => addMilestone(db, actors.pole, { ...data, measureId: m21 })
		});
		await fuzz({
			schema: updateMilestoneForm,
			base: async () => {
				const m = await firstMilestone();
				return { milestoneId: m.id, version: String(m.version), title: 'Titre', description: '', weight: '2' };
			},
			run: (data) => updateMilestone(db, actors.pole, { ...data, measureId: m21 })
		});
		await fuzz({
			schema: replanMilestoneForm,
			base: async () => {
				const m = await firstMilestone();
				return { milestoneId: m.id, version: String(m.version), planned: 'S2 2026', reason: 'Retard' };
			},
			run: (data) => replanMilestone(db, actors.pole, { ...data, measureId: m21 })
		});
	});

	test('evidence: add and update (only http and https links survive)', async () => {
		await fuzz({
			schema: addEvidenceForm,
			base: async () => ({ title: 'Preuve', url: 'https://example.org/', kind: 'WEBSITE', date: '2024-01-02', milestoneId: '' }),
			run: (data) => addEvidence(db, actors.pole, { ...data, measureId: m21 })
		});
		await fuzz({
			schema: updateEvidenceForm,
			base: async () => {
				const e = await firstEvidence();
				return { evidenceId: e.id, version: String(e.version), title: 'Preuve', url: 'https://example.org/', kind: 'WEBSITE', date: '', milestoneId: '' };
			},
			run: (data) => updateEvidence(db, actors.pole, { ...data, measureId: m21 })
		});
		const urls = (await db.evidenceLink.findMany({ select: { url: true } })).map((e) => e.url);
		for (const url of urls) expect(url).toMatch(/^https?:\/\//);
	});

	test('progress-update drafts', async () => {
		await fuzz({
			schema: saveDraftForm,
			base: async () => ({ updateId: '', version: '', date: '2024-05-02', text: 'Avancement', blockers: '', nextSteps: '', sourceUrls: 'https://example.org/a' }),
			run: (data) => saveUpdateDraft(db, actors.pole, { ...data, measureId: m21 })
		});
	});

	test('another team editing through the same forms is refused and writes nothing', async () => {
		const before = await footprint(db);
		await expect(
			saveUpdateDraft(db, actors.label, {
				updateId: null,
				version: null,
				date: { start: '2024-01-01', precision: 'DAY' } as never,
				text: 'x',
				blockers: null,
				nextSteps: null,
				sourceUrls: [],
				measureId: m21
			})
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await footprint(db)).toBe(before);
	});
});

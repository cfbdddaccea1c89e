// Plans and their life cycle (issue 11), the admin commands: create (draft or active), settings,
// archive, reopen. Admins only, audited, unique slugs with a field error, optimistic versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { plan, user } from '../factories';
import { archivePlan, createPlan, getPlanSettings, listPlansForAdmin, reopenPlan, updatePlanSettings, type PlanCreateFields } from '../../src/lib/server/domain/plans/settings';
import { ConflictError, DuplicateSubmissionError, ForbiddenError, RuleError } from '../../src/lib/server/domain/errors';
import { archivePlanForm, createPlanForm, planSettingsForm } from '../../src/lib/server/validation/plans';
import { parseForm } from '../../src/lib/server/forms/form';
import { readContentVersion } from '../../src/lib/server/public-changes';
import type { Actor } from '../../src/lib/server/policies';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let admin: Actor;

const newPlan: PlanCreateFields = {
	slug: 'plan-numerique-2026',
	title: 'Plan numérique 2026',
	titleEn: 'Digital plan 2026',
	summary: null,
	summaryEn: null,
	adoptedOn: '2026-01-15',
	sourceUrls: ['https://www.numerique.gouv.fr/plan-2026/'],
	contentLicence: 'Licence Ouverte / Open Licence 2.0',
	contentLicenceUrl: null,
	status: 'DRAFT',
	showStaffNames: false
};

const refused = (roles: Actor['roles']): Actor => ({ id: `x-${roles.join('-')}`, displayName: 'Quelqu’un', roles, teamIds: [] });

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	const row = await user(db, { roles: ['ADMIN'] });
	admin = { id: row.id, displayName: row.displayName, roles: ['ADMIN'], teamIds: [] };
});
afterAll(async () => {
	await database?.close();
});

describe('creating a plan', () => {
	it('an admin creates a draft plan, audited, and it moves the public content version', async () => {
		const version = await readContentVersion(db);
		expect(await createPlan(db, admin, { ...newPlan, formToken: 'jeton-de-creation-0123456789' })).toEqual({ slug: newPlan.slug });
		const stored = await getPlanSettings(db, admin, newPlan.slug);
		expect(stored).toMatchObject({ ...newPlan, stored: 'DRAFT', version: 1, measures: 0, successor: null });
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'Plan', entityId: stored.id } });
		expect(event).toMatchObject({ action: 'create', actorId: admin.id, planId: stored.id, after: { slug: newPlan.slug, status: 'DRAFT' } });
		expect(await readContentVersion(db)).not.toBe(version);
	});

	it('the same form posted twice creates one plan', async () => {
		const input = { ...newPlan, slug: 'plan-envoye-deux-fois', formToken: 'jeton-de-creation-abcdefghij' };
		await createPlan(db, admin, input);
		await expect(createPlan(db, admin, input)).rejects.toBeInstanceOf(DuplicateSubmissionError);
		expect(await db.plan.count({ where: { slug: input.slug } })).toBe(1);
	});

	it('refuses a slug already taken or reserved with a field error, and nothing is written', async () => {
		const before = await db.plan.count();
		await expect(createPlan(db, admin, { ...newPlan, title: 'Doublon' })).rejects.toMatchObject(new RuleError('plans.errors.slugTaken', 'slug'));
		await expect(createPlan(db, admin, { ...newPlan, slug: 'nouveau' })).rejects.toMatchObject(new RuleError('plans.errors.slugReserved', 'slug'));
		expect(await db.plan.count()).toBe(before);
	});

	it('the form refuses a malformed slug and an archived status, and reads the checkbox', () => {
		const base = { title: 'Plan', titleEn: '', summary: '', summaryEn: '', adoptedOn: '', sourceUrls: '', contentLicence: 'Licence Ouverte', contentLicenceUrl: '' };
		const form = (values: Record<string, string>) => {
			const data = new FormData();
			for (const [k, v] of Object.entries(values)) data.set(k, v);
			return data;
		};
		const bad = parseForm(createPlanForm, form({ ...base, slug: 'Plan Numérique', status: 'ARCHIVED' }), 'fr');
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['slug', 'status']);
		const good = parseForm(createPlanForm, form({ ...base, slug: 'Plan-2026', status: 'ACTIVE', showStaffNames: 'on' }), 'fr');
		expect(good).toMatchObject({ ok: true, data: { slug: 'plan-2026', status: 'ACTIVE', showStaffNames: true, sourceUrls: [] } });
		const settings = parseForm(planSettingsForm, form({ ...base, status: 'DRAFT', version: '1' }), 'fr');
		expect(settings).toMatchObject({ ok: true, data: { showStaffNames: false } });
		expect(parseForm(archivePlanForm, form({ version: '1', archivedOn: '2026-02-30', note: '', noteEn: '', successor: '' }), 'fr').ok).toBe(false);
	});

	it('refuses anyone but an admin, with nothing written', async () => {
		const before = await db.auditEvent.count();
		for (const roles of [['EDITOR'], ['AMDAC'], ['COUNCIL'], []] as Actor['roles'][]) {
			const actor = refused(roles);
			await expect(createPlan(db, actor, { ...newPlan, slug: 'plan-refuse' })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(updatePlanSettings(db, actor, { ...newPlan, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(archivePlan(db, actor, { slug: newPlan.slug, version: 1, archivedOn: '2026-02-01', note: null, noteEn: null, successor: null })).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(reopenPlan(db, actor, { slug: newPlan.slug, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(listPlansForAdmin(db, actor)).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(createPlan(db, null, { ...newPlan, slug: 'plan-refuse' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await db.auditEvent.count()).toBe(before);
		expect(await db.plan.count({ where: { slug: 'plan-refuse' } })).toBe(0);
	});
});

describe('settings', () => {
	it('saves on the loaded version, says when nothing changed, and refuses a stale version with what is stored', async () => {
		const { version, ...rest } = await getPlanSettings(db, admin, newPlan.slug);
		const fields = { ...newPlan, status: 'ACTIVE' as const, showStaffNames: true };
		expect(await updatePlanSettings(db, admin, { ...fields, version })).toEqual({ changed: true });
		expect(await updatePlanSettings(db, admin, { ...fields, version: version + 1 })).toEqual({ changed: false });
		const stale = updatePlanSettings(db, admin, { ...fields, title: 'Autre titre', version });
		await expect(stale).rejects.toBeInstanceOf(ConflictError);
		await expect(stale).rejects.toMatchObject({ current: { version: version + 1, status: 'ACTIVE', showStaffNames: true } });
		const events = await db.auditEvent.findMany({ where: { entityType: 'Plan', entityId: rest.id, action: 'update' } });
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ before: { status: 'DRAFT', showStaffNames: false }, after: { status: 'ACTIVE', showStaffNames: true } });
	});
});

describe('archive and reopen', () => {
	it('archives an active plan naming its successor, audited; the settings are then read-only', async () => {
		const successor = await plan(db, { slug: 'plan-suivant', title: 'Plan suivant' });
		const { version, id } = await getPlanSettings(db, admin, newPlan.slug);
		await archivePlan(db, admin, { slug: newPlan.slug, version, archivedOn: '2026-03-01', note: 'Remplacé.', noteEn: 'Replaced.', successor: successor.slug }, '2026-03-10');
		const stored = await getPlanSettings(db, admin, newPlan.slug);
		expect(stored).toMatchObject({ stored: 'ARCHIVED', archivedOn: '2026-03-01', archiveNote: 'Remplacé.', archiveNoteEn: 'Replaced.', successor: { slug: 'plan-suivant' } });
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'Plan', entityId: id, reason: 'archive' } });
		expect(event).toMatchObject({ actorId: admin.id, after: { status: 'ARCHIVED', archivedOn: '2026-03-01', successor: 'plan-suivant' } });
		const refusal = updatePlanSettings(db, admin, { ...newPlan, status: 'ACTIVE', version: stored.version });
		await expect(refusal).rejects.toMatchObject({ messageKey: 'plans.errors.archived', params: { date: { day: '2026-03-01' } } });
	});

	it('refuses a future day, a day before adoption, itself or a draft as successor, and a draft plan', async () => {
		const active = await plan(db, { slug: 'plan-a-archiver', adoptedOn: new Date('2025-01-15T00:00:00Z') });
		const draft = await plan(db, { slug: 'plan-brouillon', status: 'DRAFT' });
		const input = { slug: active.slug, version: 1, archivedOn: '2026-03-01', note: null, noteEn: null, successor: null };
		const today = '2026-03-10';
		await expect(archivePlan(db, admin, { ...input, archivedOn: '2026-03-11' }, today)).rejects.toMatchObject(new RuleError('plans.errors.archiveFuture', 'archivedOn'));
		await expect(archivePlan(db, admin, { ...input, archivedOn: '2024-12-31' }, today)).rejects.toMatchObject(new RuleError('plans.errors.archiveBeforeAdoption', 'archivedOn'));
		await expect(archivePlan(db, admin, { ...input, successor: active.slug }, today)).rejects.toMatchObject(new RuleError('plans.errors.successorSelf', 'successor'));
		await expect(archivePlan(db, admin, { ...input, successor: draft.slug }, today)).rejects.toMatchObject(new RuleError('plans.errors.successorUnknown', 'successor'));
		await expect(archivePlan(db, admin, { ...input, slug: draft.slug }, today)).rejects.toMatchObject(new RuleError('plans.errors.archiveDraft'));
		await expect(archivePlan(db, admin, { ...input, version: 2 }, today)).rejects.toBeInstanceOf(ConflictError);
		expect(await db.plan.findUniqueOrThrow({ where: { id: active.id } })).toMatchObject({ status: 'ACTIVE', version: 1 });
	});

	it('reopens an archived plan: editable again, the archive fields cleared and kept in the audit', async () => {
		const { version, id } = await getPlanSettings(db, admin, newPlan.slug);
		await reopenPlan(db, admin, { slug: newPlan.slug, version });
		expect(await getPlanSettings(db, admin, newPlan.slug)).toMatchObject({ stored: 'ACTIVE', archivedOn: null, archiveNote: null, successor: null });
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'Plan', entityId: id, reason: 'reopen' } });
		expect(event).toMatchObject({ actorId: admin.id, before: { status: 'ARCHIVED', archivedOn: '2026-03-01', successor: 'plan-suivant' }, after: { status: 'ACTIVE' } });
		await expect(reopenPlan(db, admin, { slug: newPlan.slug, version: version + 1 })).rejects.toMatchObject(new RuleError('plans.errors.notArchived'));
	});

	it('lists every plan for admins, drafts included: active first, then drafts, then archived', async () => {
		await plan(db, { slug: 'plan-archive', status: 'ARCHIVED', archivedOn: new Date('2025-06-01T00:00:00Z') });
		const statuses = (await listPlansForAdmin(db, admin)).map((p) => p.status);
		expect(statuses).toContain('DRAFT');
		expect(statuses).toEqual([...statuses].sort((a, b) => ['ACTIVE', 'DRAFT', 'ARCHIVED'].indexOf(a) - ['ACTIVE', 'DRAFT', 'ARCHIVED'].indexOf(b)));
		expect(statuses.at(-1)).toBe('ARCHIVED');
	});
});

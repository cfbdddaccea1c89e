// Owner teams, created and edited by admins (issue 11): audited, unique codes, optimistic versions,
// refused to anyone else with nothing written; a ministry's team then carries what its AMDAC members edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { user } from '../factories';
import { createTeam, getTeam, listTeamsForAdmin, updateTeam, type TeamFields } from '../../src/lib/server/domain/teams/teams';
import { ConflictError, ForbiddenError, RuleError } from '../../src/lib/server/domain/errors';
import { createTeamForm, updateTeamForm } from '../../src/lib/server/validation/teams';
import { parseForm } from '../../src/lib/server/forms/form';
import type { Actor } from '../../src/lib/server/policies';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let admin: Actor;
let editor: Actor;

const culture: TeamFields = { code: 'MIN_CULTURE', name: 'Ministère de la Culture', nameEn: null, kind: 'MINISTRY', website: null, description: null };

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	const adminRow = await user(db, { roles: ['ADMIN'] });
	admin = { id: adminRow.id, displayName: adminRow.displayName, roles: ['ADMIN'], teamIds: [] };
	editor = { id: 'someone', displayName: 'Éditrice', roles: ['EDITOR'], teamIds: [] };
});
afterAll(async () => {
	await database?.close();
});

describe('teams', () => {
	let id: string;

	it('an admin creates a ministry’s team, audited', async () => {
		({ id } = await createTeam(db, admin, culture));
		expect(await getTeam(db, admin, id)).toMatchObject({ ...culture, version: 1 });
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'Owner', entityId: id } });
		expect(event).toMatchObject({ action: 'create', actorId: admin.id, after: culture });
	});

	it('refuses a second team with the same code, and nothing is written', async () => {
		const before = await db.owner.count();
		await expect(createTeam(db, admin, { ...culture, name: 'Doublon' })).rejects.toMatchObject(new RuleError('teams.errors.codeTaken', 'code'));
		expect(await db.owner.count()).toBe(before);
	});

	it('saves an English name on the loaded version, and refuses a stale one with what is stored', async () => {
		expect(await updateTeam(db, admin, { ...culture, nameEn: 'Ministry of Culture', id, version: 1 })).toEqual({ changed: true });
		expect(await updateTeam(db, admin, { ...culture, nameEn: 'Ministry of Culture', id, version: 2 })).toEqual({ changed: false });
		const stale = updateTeam(db, admin, { ...culture, website: 'https://www.culture.gouv.fr/', id, version: 1 });
		await expect(stale).rejects.toBeInstanceOf(ConflictError);
		await expect(stale).rejects.toMatchObject({ current: { version: 2, nameEn: 'Ministry of Culture' } });
		expect(await db.auditEvent.count({ where: { entityType: 'Owner', entityId: id } })).toBe(2);
	});

	it('refuses anyone but an admin, with nothing written', async () => {
		const before = await db.auditEvent.count();
		await expect(createTeam(db, editor, { ...culture, code: 'MIN_MER' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(updateTeam(db, editor, { ...culture, id, version: 2 })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listTeamsForAdmin(db, null)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await db.auditEvent.count()).toBe(before);
	});

	it('lists teams with their members and measures', async () => {
		await user(db, { roles: ['AMDAC'], teamIds: [id] });
		const row = (await listTeamsForAdmin(db, admin)).find((t) => t.id === id);
		expect(row).toMatchObject({ code: 'MIN_CULTURE', members: 1, measures: 0 });
	});
});

describe('the team forms', () => {
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [key, value] of Object.entries(fields)) data.append(key, value);
		return data;
	};
	const valid = { code: ' min_armees ', name: 'Ministère des Armées', nameEn: '', kind: 'MINISTRY', website: '', description: '' };

	it('writes the code in capitals and empties mean nothing', () => {
		const parsed = parseForm(createTeamForm, form(valid), 'fr');
		expect(parsed).toMatchObject({ ok: true, data: { code: 'MIN_ARMEES', nameEn: null, website: null, description: null } });
	});

	it('explains a malformed code, a bad kind and a bad website in French', () => {
		const parsed = parseForm(updateTeamForm, form({ ...valid, version: '1', code: '1 équipe', kind: 'EMPIRE', website: 'javascript:alert(1)' }), 'fr');
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors.code).toMatch(/lettres majuscules/);
		expect(parsed.errors.kind).toBe('Choisissez une des valeurs proposées.');
		expect(parsed.errors.website).toMatch(/http/);
	});
});

// What a signed-in request costs before its page: the session check runs on every one of them, and
// the editing form's guard and model read the measure once between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase, type CountingDatabase } from '../helpers/database';
import { measureId } from '../helpers/editing';
import { makeUser } from './auth-fixtures';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { getMeasureForEdit } from '../../src/lib/server/domain/measures/edit';
import { findMeasureRef } from '../../src/lib/server/domain/measures/editing';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { ForbiddenError } from '../../src/lib/server/domain/errors';

let counted: CountingDatabase;

beforeAll(async () => {
	counted = await countingDatabase({ plan: true });
}, 120_000);
afterAll(async () => {
	await counted?.close();
});

describe('SQL queries of a signed-in request', () => {
	it('checking a session is one query (session, user and teams together) when nothing needs writing', async () => {
		const db = counted.prisma;
		const editor = await makeUser(db, ['EDITOR'], ['LABEL', 'TALENTS']);
		const now = new Date();
		const { token } = await createSession(db, editor.id, {}, now);
		let found: Awaited<ReturnType<typeof validateSessionToken>> = null;
		expect(await counted.queriesFor(async () => (found = await validateSessionToken(db, token, now)))).toBe(1);
		expect(found!.user).toMatchObject({ id: editor.id, displayName: editor.displayName, email: editor.email, roles: ['EDITOR'] });
		expect([...found!.user.teamIds].sort()).toEqual([...editor.teamIds].sort());
		// A user without teams has none (not a list with a null in it).
		const admin = await makeUser(db, ['ADMIN']);
		const second = await createSession(db, admin.id, {}, now);
		expect((await validateSessionToken(db, second.token, now))!.user.teamIds).toEqual([]);
	});

	it('the editing form reads the measure once when its guard has just read it, and still refuses someone not allowed', async () => {
		const db = counted.prisma;
		const editor = await makeUser(db, ['EDITOR'], ['LABEL']);
		const ref = (await findMeasureRef(db, DEFAULT_PLAN_SLUG, '1.1'))!;
		const id = await measureId(db, '1.1');
		const alone = await counted.queriesFor(() => getMeasureForEdit(db, editor, id));
		const withRef = await counted.queriesFor(() => getMeasureForEdit(db, editor, id, ref));
		expect(withRef).toBeLessThan(alone);
		const stranger = await makeUser(db, ['EDITOR'], ['EQUIPE_SANS_MESURE']);
		await expect(getMeasureForEdit(db, stranger, id, ref)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

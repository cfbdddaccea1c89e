import { describe, expect, it } from 'vitest';
import { dictionary } from '@zxcvbn-ts/language-common';
import COMMON_PASSWORDS from '../../src/lib/server/auth/common-passwords.json' with { type: 'json' };
import { hashPassword, isCommonPassword, passwordProblem, verifyPassword } from '../../src/lib/server/auth/password';

describe('password rules', () => {
	it('asks for 12 characters at least, counted as characters, not bytes', () => {
		expect(passwordProblem('vélo rouge!')).toBe('passwordTooShort'); // 11
		expect(passwordProblem('vélo rouge!?')).toBeNull(); // 12
		expect(passwordProblem('🐢🐢🐢🐢🐢🐢🐢🐢🐢🐢🐢')).toBe('passwordTooShort');
	});

	it('accepts 64 characters and more, up to 128', () => {
		const long = 'une phrase de passe assez longue pour tenir soixante-quatre signes';
		expect(long.length).toBeGreaterThanOrEqual(64);
		expect(passwordProblem(long)).toBeNull();
		expect(passwordProblem('k'.repeat(60) + ' et la suite du texte qui ne se répète pas du tout, voilà, 128 ok'.padEnd(68, '.'))).toBeNull();
		expect(passwordProblem('x9'.repeat(64) + 'z')).toBe('passwordTooLong');
	});

	it('has no composition rule: lower-case words alone are fine', () => {
		expect(passwordProblem('correct horse battery staple')).toBeNull();
		expect(passwordProblem('lesjalonsduplanavancent')).toBeNull();
	});

	it.each([
		['password1234'],
		['qwertyuiop123'],
		['123456789012'],
		['Soleil2024!!!'],
		['motdepasse2024'],
		['  AZERTYUIOP12 '],
		['dragondragon'],
		['aaaaaaaaaaaa'],
		['abcabcabcabc'],
		['abcdefghijklm'],
		['9876543210987'],
		['Jalons-2024!!']
	])('refuses the common or trivial password %j', (password) => {
		expect(passwordProblem(password)).toBe('passwordCommon');
	});

	it('refuses a password made of the e-mail address', () => {
		expect(passwordProblem('jean.dupont@example.gouv.fr', { email: 'jean.dupont@example.gouv.fr' })).toBe('passwordPersonal');
		expect(passwordProblem('Jean.Dupont2024', { email: 'jean.dupont@example.gouv.fr' })).toBe('passwordPersonal');
		expect(passwordProblem('un jardin sous la pluie', { email: 'jean.dupont@example.gouv.fr' })).toBeNull();
	});

	it('ships a list of several thousand common passwords, matching its source package', () => {
		const shipped: string[] = COMMON_PASSWORDS;
		expect(shipped.length).toBeGreaterThan(5000);
		const list = dictionary['passwords-common'];
		const expected = [...new Set([...list.slice(0, 10000), ...list.slice(10000).filter((w) => [...w].length >= 10)].map((w) => w.toLowerCase()))];
		// When this fails after an update of the package, regenerate: node scripts/common-passwords.mjs
		expect(shipped).toEqual(expected);
		expect(isCommonPassword('iloveyou')).toBe(true);
	});
});

describe('password hashing', () => {
	it('uses argon2id with a salt, and verifies', async () => {
		const hash = await hashPassword('une phrase de passe');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await hashPassword('une phrase de passe')).not.toBe(hash);
		expect(await verifyPassword(hash, 'une phrase de passe')).toBe(true);
		expect(await verifyPassword(hash, 'une phrase de passé')).toBe(false);
		expect(await verifyPassword('not a hash', 'une phrase de passe')).toBe(false);
	});

	it('normalises Unicode, so the same password typed differently still matches', async () => {
		const composed = 'caf\u00e9 au lait du matin';
		const decomposed = 'cafe\u0301 au lait du matin';
		expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
	});
});

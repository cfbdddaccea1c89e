import { describe, expect, it } from 'vitest';
import { emailHash, generateToken, hashToken, isTokenShaped, normaliseEmail } from '../../src/lib/server/auth/tokens';

describe('tokens', () => {
	it('are 160 random bits in lower-case base32, never repeated', () => {
		const tokens = Array.from({ length: 200 }, generateToken);
		expect(new Set(tokens).size).toBe(200);
		for (const token of tokens) expect(isTokenShaped(token)).toBe(true);
		expect(tokens[0]).toMatch(/^[a-z2-7]{32}$/);
	});

	it('are stored as their SHA-256 only', () => {
		// Known vector: SHA-256 of "abc".
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		const token = generateToken();
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).not.toContain(token);
	});

	it('reject anything that is not token-shaped before any lookup', () => {
		expect(isTokenShaped('')).toBe(false);
		expect(isTokenShaped('A'.repeat(32))).toBe(false);
		expect(isTokenShaped("x' OR 1=1 --")).toBe(false);
		expect(isTokenShaped('a'.repeat(33))).toBe(false);
	});

	it('throttle e-mails by a hash of their normalised form', () => {
		expect(normaliseEmail('  Alice@Example.GOUV.fr ')).toBe('alice@example.gouv.fr');
		expect(emailHash('Alice@Example.gouv.fr')).toBe(emailHash('alice@example.gouv.fr '));
		expect(emailHash('alice@example.gouv.fr')).not.toContain('alice');
	});
});

// Password rules (ASVS 6.2, CNIL 2022-100, ANSSI): a length floor, a generous ceiling, no composition
// rules, and a refusal of the passwords attackers try first. Hashing is argon2id.
import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS_TEXT } from './common-passwords';

const PASSWORD_MIN_LENGTH = 12;
/** ASVS asks that at least 64 characters be accepted; argon2 does not care about length. */
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon' | 'passwordPersonal';

/** French and service-specific passwords that the (English-centred) zxcvbn list lacks. */
const EXTRA_COMMON = [
	'azerty', 'azertyuiop', 'azertyuiopqsdfghjklm', 'motdepasse', 'mot de passe', 'soleil', 'doudou', 'chouchou',
	'loulou', 'bonjour', 'jetaime', 'coucou', 'marseille', 'toulouse', 'france', 'liberte', 'egalite', 'fraternite',
	'libertegalitefraternite', 'republique', 'republiquefrancaise', 'marianne', 'gouvernement', 'administration',
	'ministere', 'jalons', 'dinum', 'logiciellibre', 'logicielslibres', 'communsnumeriques', 'changezmoi', 'bienvenue'
];

// An immutable lookup table built on first use; it holds no user data.
let commonSet: Set<string> | undefined;
function common(): Set<string> {
	commonSet ??= new Set([...COMMON_PASSWORDS_TEXT.split('\n').filter(Boolean), ...EXTRA_COMMON]);
	return commonSet;
}

const length = (value: string) => [...value].length;

/** Repetitions ("dragondragon", "abcabcabcabc") and runs ("abcdefghijkl", "987654321098"). */
function isRepetitive(value: string): boolean {
	const chars = [...value];
	for (let unit = 1; unit <= chars.length / 2; unit++) {
		if (chars.length % unit !== 0) continue;
		const head = chars.slice(0, unit).join('');
		if (head.repeat(chars.length / unit) === value && (unit <= 3 || common().has(head))) return true;
	}
	const codes = chars.map((c) => c.codePointAt(0) ?? 0);
	const step = (codes[1] ?? 0) - (codes[0] ?? 0);
	const wraps = (code: number, previous: number) => (step === 1 ? previous === 57 && code === 48 : previous === 48 && code === 57);
	return Math.abs(step) === 1 && codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step || wraps(code, codes[i - 1] ?? 0));
}

/** A common password, alone, repeated, or padded with digits and punctuation ("Soleil2024!"). */
export function isCommonPassword(password: string): boolean {
	const lower = password.normalize('NFKC').toLowerCase();
	if (common().has(lower) || isRepetitive(lower)) return true;
	const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
	return core.length > 0 && (common().has(core) || common().has(core.replace(/\s+/g, '')));
}

/** What is wrong with a new password, or null. `email` lets us refuse the address itself. */
export function passwordProblem(password: string, context: { email?: string | null } = {}): PasswordProblem | null {
	const n = length(password);
	if (n < PASSWORD_MIN_LENGTH) return 'passwordTooShort';
	if (n > PASSWORD_MAX_LENGTH) return 'passwordTooLong';
	if (isCommonPassword(password)) return 'passwordCommon';
	const email = context.email?.trim().toLowerCase();
	if (email) {
		const lower = password.normalize('NFKC').toLowerCase();
		const local = email.split('@')[0] ?? '';
		const lettersOnly = (value: string) => value.replace(/[^\p{L}]+/gu, '');
		if (lower.includes(email) || (local.length >= 4 && lettersOnly(lower) === lettersOnly(local))) return 'passwordPersonal';
	}
	return null;
}

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane); @node-rs/argon2 defaults to argon2id.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** NFKC first, so that the same password typed on another keyboard still matches. */
export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFKC'), ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password.normalize('NFKC'));
	} catch {
		return false;
	}
}

// Verifying against this when the account is unknown makes both answers take as long.
let dummy: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
	dummy ??= hashPassword('jalons-dummy-password-for-timing');
	await verifyPassword(await dummy, password);
	return false;
}

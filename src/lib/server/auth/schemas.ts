// Strict schemas of the account forms: unknown fields are refused, so a forged `roles=ADMIN` on the
// account page changes nothing. Password fields are named so that parseForm never echoes them back.
import { z } from 'zod';
import { optionalText, text } from '../forms/form';
import { ROLES } from '../policies';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password';

const email = z
	.string()
	.trim()
	.min(1)
	.max(254)
	.toLowerCase()
	.pipe(z.email({ error: 'form.invalidEmail' }));

/** Checkboxes: absent when none is ticked, a string for one, an array for several. */
const list = <T extends z.ZodType>(item: T) => z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

const newPassword = z
	.string()
	.max(PASSWORD_MAX_LENGTH * 4)
	.superRefine((value, ctx) => {
		const problem = passwordProblem(value);
		if (problem) ctx.addIssue({ code: 'custom', message: `auth.errors.${problem}` });
	});

export const loginSchema = z.strictObject({
	email,
	// Long enough for any accepted password, short enough that nobody makes argon2 hash megabytes.
	password: z.string().min(1).max(1024),
	redirectTo: z.string().max(2000).optional()
});

export const setPasswordSchema = z
	.strictObject({ password: newPassword, passwordConfirmation: z.string().max(1024) })
	.refine((v) => v.password === v.passwordConfirmation, { path: ['passwordConfirmation'], message: 'auth.errors.passwordMismatch' });

export const changePasswordSchema = z
	.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword, passwordConfirmation: z.string().max(1024) })
	.refine((v) => v.newPassword === v.passwordConfirmation, { path: ['passwordConfirmation'], message: 'auth.errors.passwordMismatch' });

export const forgotSchema = z.strictObject({ email });

const accountFields = {
	displayName: text(120),
	organisation: z.preprocess((v) => v ?? '', optionalText(200)),
	roles: list(z.enum(ROLES)).pipe(z.array(z.enum(ROLES)).min(1, { error: 'auth.errors.rolesRequired' })),
	teamIds: list(z.string().min(1).max(64)).pipe(z.array(z.string()).max(100))
};
const editorHasTeam = (v: { roles: string[]; teamIds: string[] }) => !v.roles.includes('EDITOR') || v.teamIds.length > 0;

export const inviteSchema = z.strictObject({ email, ...accountFields }).refine(editorHasTeam, { path: ['teamIds'], message: 'auth.errors.editorNeedsTeam' });

export const updateUserSchema = z.strictObject(accountFields).refine(editorHasTeam, { path: ['teamIds'], message: 'auth.errors.editorNeedsTeam' });

export const sessionIdSchema = z.strictObject({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) });

export const noFields = z.strictObject({});

// Forms of the teams admin: create a team, edit it. Strict: an unknown field is refused.
import { z } from 'zod';
import { formToken, httpUrl, optionalText, text, type FormValues } from '../forms/form';
import { version } from './editing-fields';
import { OWNER_KINDS, type TeamFields } from '../domain/teams/teams';

/** Upper-case letters, digits and underscores, as the plan's teams are written (LABEL, POLE_LL). */
const code = z
	.string()
	.trim()
	.transform((v) => v.toUpperCase())
	.pipe(z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, { error: 'teams.errors.codeFormat' }));

const fields = {
	code,
	name: text(200),
	nameEn: optionalText(200),
	kind: z.enum(OWNER_KINDS),
	website: z.union([z.literal('').transform(() => null), httpUrl]),
	description: optionalText(2000)
};

export const createTeamForm = z.strictObject({ ...fields, formToken });
export const updateTeamForm = z.strictObject({ ...fields, version });

export const newTeamValues = (): FormValues => ({ code: '', name: '', nameEn: '', kind: 'MINISTRY', website: '', description: '' });

export function teamValues(team: TeamFields & { version: number }): FormValues {
	return {
		version: String(team.version),
		code: team.code,
		name: team.name,
		nameEn: team.nameEn ?? '',
		kind: team.kind,
		website: team.website ?? '',
		description: team.description ?? ''
	};
}

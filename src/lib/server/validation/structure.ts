// Forms of the plan structure page. Strict: an unknown field is refused. Ids are checked against
// the plan by the domain (an id of another plan is a 404 there).
import { z } from 'zod';
import { formToken, optionalText, text, type FormValues } from '../forms/form';
import { id, version } from './editing-fields';
import { PARAM_PATTERNS } from '../../route-params';

const titles = { title: text(300), titleEn: optionalText(300) };

/** A checkbox group: absent when none is ticked, a string for one, an array for several. */
const idList = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
	.pipe(z.array(id).max(50));

export const addAxisForm = z.strictObject({ ...titles, formToken });
export const renameAxisForm = z.strictObject({ axisId: id, version, ...titles });
export const moveAxisForm = z.strictObject({ axisId: id, direction: z.enum(['up', 'down']), position: z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647) });

export const addMeasureForm = z.strictObject({
	axisId: id,
	...titles,
	description: text(10_000),
	leadOwnerId: id,
	contributorOwnerIds: idList,
	formToken
});

/** The confirmation step of a move: the number shown to the admin comes back and must still be the one. */
export const moveMeasureForm = z.strictObject({
	measureId: id,
	toAxisId: id,
	version,
	newNumber: z.string().regex(PARAM_PATTERNS.numero, { error: 'form.invalidChoice' })
});

export const retireMeasureForm = z.strictObject({ measureId: id, version, reason: text(2000) });
export const reinstateMeasureForm = z.strictObject({ measureId: id, version });

/** The GET step of a move (`?deplacer=<measure>&axe=<axis>`): read only, nothing is written. */
export const moveQuery = z.object({ measureId: id, toAxisId: id });

export const newMeasureValues = (): FormValues => ({ title: '', titleEn: '', description: '', leadOwnerId: '', contributorOwnerIds: [] });

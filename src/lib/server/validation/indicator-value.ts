// Form adding a dated, sourced value to an indicator.
import { z } from 'zod';
import { formToken, httpUrl, optionalText, type FormValues } from '../forms/form';
import { decimal, factDate, id } from './editing-fields';

export const addIndicatorValueForm = z.strictObject({
	indicatorId: id,
	date: factDate,
	value: decimal,
	qualifier: optionalText(100),
	sourceUrl: httpUrl,
	note: optionalText(2000),
	formToken
});

export const newIndicatorValueValues = (indicatorId: string): FormValues => ({ indicatorId, date: '', value: '', qualifier: '', sourceUrl: '', note: '' });

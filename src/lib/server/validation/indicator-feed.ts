// Forms of an indicator's feed (indicators editing page): set up, edit, stop.
import { z } from 'zod';
import { formToken, httpUrl, optionalText, text, type FormValues } from '../forms/form';
import { id, orEmpty, version } from './editing-fields';
import type { FeedEditView, FeedFields } from '../domain/indicator-feeds/feeds';

const fields = {
	url: httpUrl,
	format: z.enum(['CSV', 'JSON'], { error: 'form.invalidChoice' }),
	valuePath: text(300),
	filterColumn: optionalText(300),
	filterValue: optionalText(300),
	datePath: optionalText(300),
	schedule: z.enum(['DAILY', 'WEEKLY'], { error: 'form.invalidChoice' })
};
const target = { indicatorId: id, version };

export const addIndicatorFeedForm = z.strictObject({ indicatorId: id, ...fields, formToken });
export const updateIndicatorFeedForm = z.strictObject({ ...target, ...fields });
export const removeIndicatorFeedForm = z.strictObject(target);

export const newFeedValues = (): FormValues => ({ url: '', format: 'CSV', valuePath: '', filterColumn: '', filterValue: '', datePath: '', schedule: 'WEEKLY' });

export function feedValues(feed: FeedFields & Pick<FeedEditView, 'version'>): FormValues {
	return {
		version: String(feed.version),
		url: feed.url,
		format: feed.format,
		valuePath: feed.valuePath,
		filterColumn: orEmpty(feed.filterColumn),
		filterValue: orEmpty(feed.filterValue),
		datePath: orEmpty(feed.datePath),
		schedule: feed.schedule
	};
}

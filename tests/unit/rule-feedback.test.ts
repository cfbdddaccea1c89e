import { describe, expect, it } from 'vitest';
import { ruleFeedback } from '../../src/lib/server/forms/form';
import { messages } from '../../src/lib/i18n';
import type { MessageKey } from '../../src/lib/i18n/keys';

describe('a domain rule refusal on its form', () => {
	const t = messages('fr');

	it('shows next to the field it names, with the summary above the form', () => {
		expect(ruleFeedback(t, { messageKey: 'form.invalidUrl', field: 'url' })).toEqual({ errors: { url: t.form.invalidUrl }, formError: t.form.errorSummary });
	});

	it('shows above the form when it names no field, and never shows a raw key', () => {
		expect(ruleFeedback(t, { messageKey: 'form.invalidDate' })).toEqual({ errors: {}, formError: t.form.invalidDate });
		expect(ruleFeedback(t, { messageKey: 'pas.une.cle' as MessageKey })).toEqual({ errors: {}, formError: t.form.errorSummary });
		expect(ruleFeedback(messages('en'), { messageKey: 'form.invalidDate' }).formError).toBe(messages('en').form.invalidDate);
	});
});

// Set-up and clean-up steps that go through a page's form but are not what the test checks (publishing
// a plan so that it can be archived, putting plans back as drafts): the form is read from the server's
// HTML and posted over HTTP, as a browser without JavaScript would post it, with no browser page load.
// A browser costs about 0.8 s of CPU per page load on the CI machine (bench/TEST-SUITE.md).
import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';
import { parse, type HTMLElement } from 'node-html-parser';
import { serverOrigin, type Account, type Sessions } from './fixtures';

/**
 * The fields a browser would send for `form` as rendered: checked boxes only, each select's chosen
 * option. A name sent twice (a group of checkboxes) would need a list: refused rather than sent halved.
 */
function renderedFields(form: HTMLElement): Record<string, string> {
	const fields: Record<string, string> = {};
	const set = (name: string, value: string) => {
		if (Object.hasOwn(fields, name)) throw new Error(`The form sends "${name}" more than once: postFormOverHttp takes one value per field`);
		fields[name] = value;
	};
	for (const input of form.querySelectorAll('input[name]')) {
		const type = (input.getAttribute('type') ?? 'text').toLowerCase();
		if (type === 'file' || type === 'submit' || ((type === 'radio' || type === 'checkbox') && !input.hasAttribute('checked'))) continue;
		set(input.getAttribute('name')!, input.getAttribute('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : ''));
	}
	for (const textarea of form.querySelectorAll('textarea[name]')) set(textarea.getAttribute('name')!, textarea.textContent);
	for (const select of form.querySelectorAll('select[name]')) {
		const option = select.querySelector('option[selected]') ?? select.querySelector('option');
		set(select.getAttribute('name')!, option?.getAttribute('value') ?? option?.textContent ?? '');
	}
	return fields;
}

/**
 * Posts the form of `path` whose action is `?/<action>`, its fields as the server rendered them with
 * `changes` applied, and expects the action's redirect (303). `request` carries the session cookie.
 * Returns false when the page has no such form (a plan already archived has no settings form).
 */
export async function postFormOverHttp(request: APIRequestContext, origin: string, path: string, action: string, changes: Record<string, string> = {}): Promise<boolean> {
	const page = await request.get(path, { headers: { accept: 'text/html' }, maxRedirects: 0 });
	if (page.status() !== 200) throw new Error(`GET ${path} answered ${page.status()}, not 200`);
	const form = parse(await page.text()).querySelector(`form[action="?/${action}"]`);
	if (!form) return false;
	const response = await request.post(`${path}?/${action}`, {
		form: { ...renderedFields(form), ...changes },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	if (response.status() !== 303) throw new Error(`POST ${path}?/${action} answered ${response.status()}, not 303`);
	return true;
}

/**
 * Runs `steps` with an HTTP client of the worker's own server signed in as `account` with the worker's
 * shared session (no browser), and disposes of it afterwards whatever happened.
 */
export async function asAccountOverHttp<T>(
	{ playwright, sessions }: { playwright: PlaywrightWorkerArgs['playwright']; sessions: Sessions },
	account: Account,
	steps: (request: APIRequestContext) => Promise<T>
): Promise<T> {
	const request = await playwright.request.newContext({ baseURL: serverOrigin(), storageState: { cookies: await sessions.cookies(account), origins: [] } });
	try {
		return await steps(request);
	} finally {
		await request.dispose();
	}
}

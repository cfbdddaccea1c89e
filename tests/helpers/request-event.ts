import { isRedirect } from '@sveltejs/kit';

// Calls a +server.ts handler directly, with the few parts of a RequestEvent our handlers read.
export function requestEvent<E>(path: string, params: Record<string, string>, headers: Record<string, string> = {}): E {
	const url = new URL(path, 'http://jalons.test');
	return { url, params, request: new Request(url, { headers }), locals: { requestId: 'test-request', locale: 'fr' } } as unknown as E;
}

/** A form action's event: signed in as `user` (or anonymous), posting `body` when given. */
export function actionEvent<E>(path: string, params: Record<string, string>, user: unknown, body?: URLSearchParams): E {
	const url = new URL(path, 'http://jalons.test');
	const request = new Request(url, body ? { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {});
	return {
		url,
		params,
		request,
		route: { id: null },
		locals: { requestId: 'test', locale: 'fr', user },
		cookies: { get: () => undefined },
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => undefined
	} as unknown as E;
}

/** Runs a form action: the redirect of a save, or the failure's status and answer. */
export async function submitAction<D>(action: (e: never) => unknown, event: unknown): Promise<{ saved: true } | { saved: false; status: number; data: D }> {
	try {
		const failure = (await action(event as never)) as { status: number; data: D };
		return { saved: false, status: failure.status, data: failure.data };
	} catch (thrown) {
		if (isRedirect(thrown)) return { saved: true };
		throw thrown;
	}
}
